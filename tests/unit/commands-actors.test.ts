import { describe, expect, it } from 'vitest';
import {
  actorNameIssue, actorsOfStep, actorUsage, addActor, addRelation, arrangeGrid, deleteActors, deleteRelations, moveActors,
  participationMatrix, participationOf, relationProblem, setParticipation, stepsOfActor,
  updateActor, updateRelation,
} from '../../src/domain/commands/actors';
import { actorNameProblem, RELATION_PROBLEM_MESSAGES } from '../../src/features/actor-map/messages';
import { ACTOR_CATEGORIES } from '../../src/domain/enums';
import { parseSessionFile, validateSession } from '../../src/domain/format/file';
import type { Actor, Relation, Session } from '../../src/domain/types';
import { exampleText } from '../formatExamples';

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}
const step = (s: Session, id: string) => s.steps.find((x) => x.id === id)!;
const actor = (s: Session, id: string) => s.actors.find((x) => x.id === id)!;
const rel = (id: string, from: string, to: string, kind: Relation['kind']): Relation => ({ id, from, to, kind });
/** Every collection and the header of a session, to check which ones a command replaced. */
const collections = ['lanes', 'actors', 'steps', 'links', 'relations', 'notes', 'establishment', 'project', 'trinome', 'timeline'] as const;
const replaced = (a: Session, b: Session) => collections.filter((k) => a[k] !== b[k]);

describe('participation: the matrix and the step participants are the same data', () => {
  it('the matrix of the DUI example reads the steps: step 3 has four participants', () => {
    const s = dui();
    const m = participationMatrix(s);
    expect(m.steps).toHaveLength(s.steps.length);
    expect(m.steps[2]).toEqual({ id: 'step-03', number: 3, title: step(s, 'step-03').title });
    const inStep3 = m.actors.filter((a) => m.cells.has(`${a.id}|step-03`)).map((a) => a.id);
    expect(inStep3).toHaveLength(4);
    expect(new Set(inStep3)).toEqual(new Set(actorsOfStep(s, 'step-03')));
    expect(m.cells.get('act-groupement|step-03')).toBe('pilote');
    expect(m.cells.get('act-dsi|step-03')).toBe('contribue');
    expect(m.cells.get('act-usagers|step-08')).toBe('informe');
    expect(m.cells.has('act-cse|step-03')).toBe(false);
    // every cell is a participant and every participant a cell
    const participants = s.steps.flatMap((x) => x.participants.map((p) => `${p.actorId}|${x.id}`));
    expect(new Set(m.cells.keys())).toEqual(new Set(participants));
  });

  it('the CSE is in no step; the users, only informed, are involved', () => {
    const m = participationMatrix(dui());
    expect(m.uninvolved.has('act-cse')).toBe(true);
    expect(m.uninvolved.has('act-usagers')).toBe(false);
    expect([...m.uninvolved]).toEqual(['act-cse']);
  });

  it('setting a cell adds the actor to the step, changing it changes the role, clearing it removes', () => {
    const s = dui();
    const before = step(s, 'step-03').participants;
    const added = setParticipation(s, 'step-03', 'act-cse', 'informe');
    expect(step(added, 'step-03').participants).toEqual([...before, { actorId: 'act-cse', role: 'informe' }]);
    expect(participationOf(added, 'step-03', 'act-cse')).toBe('informe');
    expect(participationMatrix(added).uninvolved.has('act-cse')).toBe(false);
    expect(stepsOfActor(added, 'act-cse')).toEqual(['step-03']);

    const changed = setParticipation(added, 'step-03', 'act-dsi', 'pilote');
    expect(step(changed, 'step-03').participants.map((p) => p.actorId)).toEqual(['act-groupement', 'act-gt', 'act-dsi', 'act-direction', 'act-cse']);
    expect(participationMatrix(changed).cells.get('act-dsi|step-03')).toBe('pilote');

    const cleared = setParticipation(changed, 'step-03', 'act-gt', null);
    expect(actorsOfStep(cleared, 'step-03')).toEqual(['act-groupement', 'act-dsi', 'act-direction', 'act-cse']);
    expect(participationOf(cleared, 'step-03', 'act-gt')).toBeNull();
    expect(participationMatrix(cleared).cells.has('act-gt|step-03')).toBe(false);
    // act-gt still in step 5
    expect(stepsOfActor(cleared, 'act-gt')).toEqual(['step-05']);
  });

  it('setting a cell replaces only that step; nothing to do gives the same session', () => {
    const s = dui();
    const next = setParticipation(s, 'step-03', 'act-cse', 'contribue');
    expect(replaced(s, next)).toEqual(['steps']);
    next.steps.forEach((x, i) => (x.id === 'step-03' ? expect(x).not.toBe(s.steps[i]) : expect(x).toBe(s.steps[i])));
    expect(setParticipation(s, 'step-03', 'act-dsi', 'contribue')).toBe(s);
    expect(setParticipation(s, 'step-03', 'act-cse', null)).toBe(s);
    expect(setParticipation(s, 'step-99', 'act-cse', 'pilote')).toBe(s);
    expect(setParticipation(s, 'step-03', 'act-nobody', 'pilote')).toBe(s);
  });

  it('steps of an actor come in chronological order; unknown ids give nothing', () => {
    const s = dui();
    expect(stepsOfActor(s, 'act-referents')).toEqual(['step-04', 'step-06', 'step-07', 'step-10', 'step-11']);
    expect(stepsOfActor(s, 'act-cse')).toEqual([]);
    expect(actorsOfStep(s, 'step-99')).toEqual([]);
    expect(participationOf(s, 'step-99', 'act-dsi')).toBeNull();
  });
});

describe('deleting actors', () => {
  it('tells what it will change before deleting', () => {
    const s = dui();
    const u = actorUsage(s, 'act-referents');
    expect(u.participations).toEqual([
      { stepId: 'step-04', number: 4, role: 'contribue' },
      { stepId: 'step-06', number: 6, role: 'contribue' },
      { stepId: 'step-07', number: 7, role: 'pilote' },
      { stepId: 'step-10', number: 10, role: 'contribue' },
      { stepId: 'step-11', number: 11, role: 'contribue' },
    ]);
    expect(u.lanes.map((l) => l.id)).toEqual(['lane-referents']);
    expect(u.relations.map((r) => r.id)).toEqual(['rel-06', 'rel-07', 'rel-08']);
    expect(u.notes).toEqual([]);
    const cse = actorUsage(s, 'act-cse');
    expect([cse.participations.length, cse.lanes.length, cse.relations.length, cse.notes.length]).toEqual([0, 1, 0, 1]);
    expect(cse.notes[0]!.id).toBe('note-05');
  });

  it('removes participations and relations, frees the lane, detaches the notes; the session stays valid', () => {
    const s = dui();
    const next = deleteActors(s, ['act-referents', 'act-cse']);
    expect(next.actors.map((a) => a.id)).not.toContain('act-referents');
    expect(next.actors).toHaveLength(s.actors.length - 2);
    expect(stepsOfActor(next, 'act-referents')).toEqual([]);
    expect(step(next, 'step-04').participants).toEqual([{ actorId: 'act-groupement', role: 'pilote' }]);
    expect(next.relations.map((r) => r.id)).toEqual(['rel-01', 'rel-02', 'rel-03', 'rel-04', 'rel-05', 'rel-09']);
    const lane = next.lanes.find((l) => l.id === 'lane-referents')!;
    expect(lane).toEqual({ id: 'lane-referents', label: s.lanes.find((l) => l.id === 'lane-referents')!.label });
    expect('actorId' in lane).toBe(false);
    expect(next.lanes).toHaveLength(s.lanes.length);
    const note = next.notes.find((n) => n.id === 'note-05')!;
    expect(note.text).toBe(s.notes.find((n) => n.id === 'note-05')!.text);
    expect('attachedTo' in note).toBe(false);
    expect(next.notes).toHaveLength(s.notes.length);
    expect(participationMatrix(next).uninvolved.size).toBe(0);
    expect(validateSession(next).ok).toBe(true);
  });

  it('shares what it does not touch; unknown ids give the same session', () => {
    const s = dui();
    const next = deleteActors(s, ['act-usagers']);
    expect(replaced(s, next)).toEqual(['actors', 'steps']);
    next.steps.forEach((x, i) => (x.id === 'step-08' ? expect(x).not.toBe(s.steps[i]) : expect(x).toBe(s.steps[i])));
    next.actors.forEach((a) => expect(s.actors).toContain(a));
    expect(deleteActors(s, ['act-nobody'])).toBe(s);
    expect(deleteActors(s, [])).toBe(s);
  });
});

describe('editing actors', () => {
  it('adds an actor at the end, not twice under the same id', () => {
    const s = dui();
    const a: Actor = { id: 'act-ans', name: 'ANS', category: 'institution-nationale' };
    const next = addActor(s, a);
    expect(next.actors.at(-1)).toBe(a);
    expect(replaced(s, next)).toEqual(['actors']);
    expect(addActor(next, { ...a, name: 'Autre' })).toBe(next);
  });

  it('updating one actor leaves every other actor and the steps as they were; undefined removes a field', () => {
    const s = dui();
    const next = updateActor(s, 'act-dsi', { name: 'DSI du groupement', description: 'Deux personnes' });
    expect(actor(next, 'act-dsi')).toMatchObject({ name: 'DSI du groupement', description: 'Deux personnes', category: 'dsi' });
    expect(replaced(s, next)).toEqual(['actors']);
    next.actors.forEach((a, i) => (a.id === 'act-dsi' ? expect(a).not.toBe(s.actors[i]) : expect(a).toBe(s.actors[i])));
    const cleared = updateActor(next, 'act-dsi', { description: undefined });
    expect('description' in actor(cleared, 'act-dsi')).toBe(false);
    expect(updateActor(s, 'act-dsi', { name: actor(s, 'act-dsi').name })).toBe(s);
    expect(updateActor(s, 'act-dsi', { position: { ...actor(s, 'act-dsi').position! } })).toBe(s);
    expect(updateActor(s, 'act-nobody', { name: 'X' })).toBe(s);
  });

  it('a drag of several actors is one command, rounded to whole pixels', () => {
    const s = dui();
    const next = moveActors(s, new Map([['act-dsi', { x: 10.4, y: 20.6 }], ['act-cse', { x: -5.5, y: 0 }], ['act-nobody', { x: 1, y: 1 }]]));
    expect(actor(next, 'act-dsi').position).toEqual({ x: 10, y: 21 });
    expect(actor(next, 'act-cse').position).toEqual({ x: -5, y: 0 });
    expect(replaced(s, next)).toEqual(['actors']);
    expect(actor(next, 'act-ars')).toBe(actor(s, 'act-ars'));
    expect(next.actors).toHaveLength(s.actors.length);
    expect(moveActors(s, new Map([['act-dsi', { x: 760.2, y: 79.9 }]]))).toBe(s);
    expect(moveActors(s, new Map())).toBe(s);
  });

  it('the name is required and at most 200 characters', () => {
    expect(actorNameProblem('  ')).toBe('Le nom est obligatoire.');
    expect(actorNameProblem('a'.repeat(201))).toBe('Le nom ne doit pas dépasser 200 caractères.');
    expect(actorNameProblem('👩‍⚕️'.repeat(10))).toBeNull();
    expect(actorNameProblem('ARS')).toBeNull();
    expect([actorNameIssue(''), actorNameIssue('a'.repeat(201)), actorNameIssue('ARS')]).toEqual(['required', 'too-long', null]);
  });
});

describe('relations', () => {
  it('not from an actor to itself, not twice in the same direction with the same kind', () => {
    const s = dui();
    expect(relationProblem(s, 'act-dsi', 'act-dsi', 'coopere')).toBe('self');
    expect(relationProblem(s, 'act-ars', 'act-groupement', 'finance')).toBe('duplicate');
    expect(relationProblem(s, 'act-ars', 'act-nobody', 'finance')).toBe('unknown-actor');
    expect(addRelation(s, rel('rel-x', 'act-dsi', 'act-dsi', 'coopere'))).toBe(s);
    expect(addRelation(s, rel('rel-x', 'act-ars', 'act-groupement', 'finance'))).toBe(s);
    expect(addRelation(s, rel('rel-x', 'act-ars', 'act-nobody', 'finance'))).toBe(s);
    expect(RELATION_PROBLEM_MESSAGES.self).toBe('Une relation relie deux acteurs différents : un acteur ne peut pas être en relation avec lui-même.');
    expect(RELATION_PROBLEM_MESSAGES.duplicate).toBe('Cette relation existe déjà (même sens, même type).');
    expect(RELATION_PROBLEM_MESSAGES['unknown-actor']).toBe("Choisissez deux acteurs de l'atelier.");
  });

  it('the same pair with another kind, or the other way round, is a new relation', () => {
    const s = dui();
    const other = addRelation(s, rel('rel-x', 'act-ars', 'act-groupement', 'prescrit'));
    expect(other.relations.at(-1)).toEqual(rel('rel-x', 'act-ars', 'act-groupement', 'prescrit'));
    const reverse = addRelation(s, rel('rel-y', 'act-groupement', 'act-ars', 'finance'));
    expect(reverse.relations).toHaveLength(s.relations.length + 1);
    expect(replaced(s, reverse)).toEqual(['relations']);
    reverse.relations.slice(0, -1).forEach((r, i) => expect(r).toBe(s.relations[i]));
    // an id already taken is refused
    expect(addRelation(s, rel('rel-01', 'act-groupement', 'act-ars', 'finance'))).toBe(s);
  });

  it('an edit that would duplicate a relation is refused; other edits apply', () => {
    const s = dui();
    // rel-08 act-pros → act-referents remonte; rel-07 act-referents → act-pros forme
    expect(updateRelation(s, 'rel-08', { from: 'act-referents', to: 'act-pros', kind: 'forme' })).toBe(s);
    expect(updateRelation(s, 'rel-08', { to: 'act-pros' })).toBe(s);
    expect(updateRelation(s, 'rel-08', { kind: 'remonte' })).toBe(s);
    expect(updateRelation(s, 'rel-99', { kind: 'informe' })).toBe(s);
    const next = updateRelation(s, 'rel-08', { kind: 'informe', label: 'signale les bugs' });
    // No longer feedback: its answer goes; its channel and formality stay.
    expect(next.relations.find((r) => r.id === 'rel-08')).toEqual({ ...rel('rel-08', 'act-pros', 'act-referents', 'informe'), label: 'signale les bugs', channel: 'oral', formality: 'observee' });
    expect(replaced(s, next)).toEqual(['relations']);
    const unlabelled = updateRelation(next, 'rel-08', { label: undefined });
    expect('label' in unlabelled.relations.find((r) => r.id === 'rel-08')!).toBe(false);
  });

  it('deletes several relations at once; unknown ids give the same session', () => {
    const s = dui();
    const next = deleteRelations(s, ['rel-01', 'rel-09', 'rel-99']);
    expect(next.relations.map((r) => r.id)).toEqual(['rel-02', 'rel-03', 'rel-04', 'rel-05', 'rel-06', 'rel-07', 'rel-08']);
    expect(replaced(s, next)).toEqual(['relations']);
    expect(deleteRelations(s, ['rel-99'])).toBe(s);
  });
});

describe('arrangement by category', () => {
  it('puts the actors of a category in one column, categories in ACTOR_CATEGORIES order, 260 × 130 px apart', () => {
    const s = addActor(addActor(dui(), { id: 'act-ans', name: 'ANS', category: 'institution-nationale' }), {
      id: 'act-dsi2', name: 'Prestataire', category: 'dsi',
    });
    const grid = arrangeGrid(s);
    expect(grid.size).toBe(s.actors.length);
    const xOf = (id: string) => grid.get(id)!.x;
    for (const a of s.actors) {
      for (const b of s.actors) expect(xOf(a.id) === xOf(b.id)).toBe(a.category === b.category);
    }
    const columns = [...new Set(s.actors.map((a) => a.category))]
      .sort((a, b) => ACTOR_CATEGORIES.indexOf(a) - ACTOR_CATEGORIES.indexOf(b))
      .map((c) => xOf(s.actors.find((a) => a.category === c)!.id));
    expect(columns).toEqual(columns.map((_, i) => columns[0]! + i * 260));
    expect(xOf('act-ans')).toBe(columns[0]);
    expect(grid.get('act-dsi2')!.y - grid.get('act-dsi')!.y).toBe(130);
    // no two actors on the same spot
    expect(new Set([...grid.values()].map((p) => `${p.x},${p.y}`)).size).toBe(grid.size);
  });

  it('with a width, the column blocks wrap under one another and still never overlap', () => {
    const s = dui();
    const grid = arrangeGrid(s, 700);
    const xs = [...grid.values()].map((p) => p.x);
    expect(Math.max(...xs)).toBeLessThan(700);
    expect(new Set(xs).size).toBeLessThanOrEqual(2);
    expect(new Set([...grid.values()].map((p) => `${p.x},${p.y}`)).size).toBe(grid.size);
    // applying it is one command that moves every actor
    const moved = moveActors(s, grid);
    for (const a of moved.actors) expect(a.position).toEqual(grid.get(a.id));
  });
});
