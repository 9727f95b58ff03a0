import { describe, expect, it } from 'vitest';
import { validateSession } from '../../src/domain/format/file';
import { WARM_UP_SESSION, warmUpValidation } from '../../src/domain/format/warmUp';

describe('the sample checked before a session is opened', () => {
  it('is a valid session, so that its check runs to the end', () => {
    const checked = validateSession(WARM_UP_SESSION, { chronology: false });
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    expect(warmUpValidation()).toBe(true);
  });

  it('holds one of each thing a session holds', () => {
    const s = WARM_UP_SESSION;
    for (const list of [s.trinome, s.lanes, s.actors, s.steps, s.links, s.relations, s.notes]) expect(list.length).toBeGreaterThan(0);
    expect(s.steps.some((step) => step.markers.length > 0 && step.participants.length > 0)).toBe(true);
    expect(s.notes.some((note) => note.attachedTo)).toBe(true);
  });
});
