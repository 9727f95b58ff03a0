import { describe, expect, it } from 'vitest';
import { validateSession } from '../../src/domain/format/file';
import { anonymise } from '../../src/features/export/anonymise';
import { exampleSession } from '../actionHarness';

describe('Anonymiser', () => {
  it('names people by their role, numbers a category held by several, and keeps the session valid and apart', () => {
    const s = exampleSession();
    const two = { ...s, actors: [...s.actors, { id: 'act-dir2', name: 'Directeur des soins', category: 'direction' as const }] };
    const a = anonymise(two);
    expect(a.id).not.toBe(s.id);
    expect(a.actors.filter((x) => x.category === 'direction').map((x) => x.name)).toEqual(['Direction 1', 'Direction 2']);
    expect(a.actors.find((x) => x.id === 'act-pros')!.name).toBe('Professionnel·les');
    // A lane standing for an actor takes the actor's new name.
    const lane = a.lanes.find((l) => l.actorId === 'act-editeur')!;
    expect(lane.label).toBe('Éditeurs / industriels');
    expect(a.trinome.every((m) => !('name' in m) || m.name === undefined)).toBe(true);
    expect(a.workshop?.facilitator).toBe('Animation');
    expect(a.actors.some((x) => x.usageNote || x.description)).toBe(false);
    expect(validateSession(a).ok).toBe(true);
    // The original is untouched.
    expect(two.actors.find((x) => x.id === 'act-dir2')!.name).toBe('Directeur des soins');
  });
});
