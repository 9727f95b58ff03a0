import { describe, expect, it } from 'vitest';
import { OtherTabEdits } from '../../src/state/otherTabEdits';

/** A tab whose own edits are pending or not, and which counts its reloads from disk. */
function tab() {
  const state = { pending: false, reloads: 0, applies: true };
  const follower = new OtherTabEdits(
    () => state.pending,
    async () => {
      state.reloads++;
      return state.applies;
    },
  );
  return { state, follower };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('following the edits of another tab on the same session', () => {
  it('reloads at once when this tab has nothing unsaved', async () => {
    const { state, follower } = tab();
    follower.otherTabSaved();
    await settle();
    expect(state.reloads).toBe(1);
  });

  it('with an edit of its own not yet on disk, reloads right after writing it, once', async () => {
    const { state, follower } = tab();
    state.pending = true;
    follower.otherTabSaved();
    await settle();
    expect(state.reloads).toBe(0);
    state.pending = false;
    follower.ownWriteDone();
    await settle();
    expect(state.reloads).toBe(1);
    follower.ownWriteDone();
    await settle();
    expect(state.reloads).toBe(1);
  });

  it('tries again after the next write when an edit came during the reload', async () => {
    const { state, follower } = tab();
    state.applies = false;
    follower.otherTabSaved();
    await settle();
    expect(state.reloads).toBe(1);
    state.applies = true;
    follower.ownWriteDone();
    await settle();
    expect(state.reloads).toBe(2);
    follower.ownWriteDone();
    await settle();
    expect(state.reloads).toBe(2);
  });
});
