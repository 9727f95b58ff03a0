// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useEffect } from 'react';
import { warmUpMaps } from '../../src/features/sessions/warmUpMaps';
import { WARM_UP_SESSION } from '../../src/domain/format/warmUp';
import { useDocumentStore } from '../../src/state/documentStore';
import { useViewStore } from '../../src/state/viewStore';
import type { Session } from '../../src/domain/types';

/** Stands for the conduct map: draws the session's step titles, and selects a step as it mounts. */
function FakeMap({ session }: { session: Session }) {
  useEffect(() => {
    useViewStore.getState().select([session.steps[0]!.id], 'step');
    useViewStore.getState().setCreatingStep(true);
  }, [session]);
  return (
    <ul className="fake-map">
      {session.steps.map((s) => <li key={s.id}>{s.title}</li>)}
    </ul>
  );
}

const warmUp = () =>
  new Promise<{ seenDuring: string[]; sessionDuring: Session | null }>((resolve) => {
    let seenDuring: string[] = [];
    let sessionDuring: Session | null = null;
    warmUpMaps(() => resolve({ seenDuring, sessionDuring }), [FakeMap]);
    seenDuring = [...document.querySelectorAll('.warm-up li')].map((li) => li.textContent ?? '');
    sessionDuring = useDocumentStore.getState().session;
  });

afterEach(() => {
  useDocumentStore.getState().load(null);
  useViewStore.setState({ selection: [], focus: null, creatingStep: false });
  document.body.innerHTML = '';
});

describe('the maps drawn ahead on the home page', () => {
  it('draws the sample out of sight for a frame, then leaves no trace: no session, no drawing, the view as it was', async () => {
    useViewStore.setState({ selection: [], focus: null, creatingStep: false });
    const viewBefore = useViewStore.getState();
    const { seenDuring, sessionDuring } = await warmUp();
    // While drawn: the sample's steps, in a part of the page hidden from everyone.
    expect(seenDuring).toEqual(WARM_UP_SESSION.steps.map((s) => s.title));
    expect(sessionDuring).toBe(WARM_UP_SESSION);
    // Once done: nothing of it left.
    expect(document.querySelector('.warm-up')).toBeNull();
    expect(useDocumentStore.getState().session).toBeNull();
    expect(useDocumentStore.temporal.getState().pastStates).toHaveLength(0);
    expect(useViewStore.getState()).toEqual(viewBefore);
    expect(useViewStore.getState().creatingStep).toBe(false);
  });

  it('the hidden drawing is out of reach of screen readers and of the keyboard', () => {
    const stop = warmUpMaps(() => undefined, [FakeMap]);
    const host = document.querySelector<HTMLElement>('.warm-up')!;
    expect(host.getAttribute('aria-hidden')).toBe('true');
    expect(host.inert).toBe(true);
    stop();
  });

  it('is taken down at once when the address changes (a session being opened), before that session is read', () => {
    let done = false;
    warmUpMaps(() => (done = true), [FakeMap]);
    expect(document.querySelector('.warm-up li')).not.toBeNull();
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(done).toBe(true);
    expect(document.querySelector('.warm-up')).toBeNull();
    expect(useDocumentStore.getState().session).toBeNull();
  });

  it('keeps a session opened while it is drawn, and its view', async () => {
    const opened: Session = { ...WARM_UP_SESSION, id: 'ouverte', title: 'Atelier ouvert' };
    const finished = new Promise<void>((resolve) => warmUpMaps(resolve, [FakeMap]));
    useDocumentStore.getState().load(opened);
    useViewStore.setState({ selection: ['s2'] });
    await finished;
    expect(useDocumentStore.getState().session).toBe(opened);
    expect(useViewStore.getState().selection).toEqual(['s2']);
  });

  it('does nothing while a session is open', async () => {
    const opened: Session = { ...WARM_UP_SESSION, id: 'ouverte', title: 'Atelier ouvert' };
    useDocumentStore.getState().load(opened);
    let done = false;
    warmUpMaps(() => (done = true), [FakeMap]);
    expect(done).toBe(true);
    expect(document.querySelector('.warm-up')).toBeNull();
    expect(useDocumentStore.getState().session).toBe(opened);
  });
});
