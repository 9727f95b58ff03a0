import { describe, expect, it } from 'vitest';
import {
  actorUsage, addRelation, copyActors, deleteActors, moveActors, participationMatrix, pasteActors, relationProblem, setParticipation,
  stepsOfActor,
} from '../../src/domain/commands/actors';
import {
  addLane, addLink, addStep, copySteps, deleteLane, deleteSteps, insertionIndexForDate, moveLane, moveStep, moveStepBy,
  moveStepToLane, parseStepClipboard, pasteSteps, serializeStepClipboard, updateLane, updateStep,
} from '../../src/domain/commands/conduct';
import { filterNotes, notesByRole, notesOf } from '../../src/domain/commands/notes';
import { draftFromStep, stepFromDraft } from '../../src/domain/commands/stepInput';
import { validateStepDraft } from '../../src/features/conduct-map/messages';
import { searchCatalogue } from '../../src/domain/catalogue';
import { parseSessionFile, validateSession } from '../../src/domain/format/file';
import { createSession } from '../../src/domain/session';
import type { Session, Step } from '../../src/domain/types';
import { exampleText } from '../formatExamples';

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}
const titles = (s: Session) => s.steps.map((x) => x.id);
const newStep = (id: string, extra: Partial<Step> = {}): Step => ({ id, title: id, laneId: 'lane-dsi', kind: 'autre', markers: [], participants: [], ...extra });

describe('commands of the conduct map', () => {
  it('a dated step goes at its place in the chronology; an undated one at the end', () => {
    const s = dui();
    expect(insertionIndexForDate(s.steps, '2019')).toBe(8); // before step 9 (2022)
    expect(titles(addStep(s, newStep('n', { date: '2022-02' }))).indexOf('n')).toBe(9); // after 2022, before 2022-04
    expect(titles(addStep(s, newStep('n', { date: '2022-06' }))).indexOf('n')).toBe(12);
    expect(titles(addStep(s, newStep('n'))).at(-1)).toBe('n');
    expect(titles(addStep(s, newStep('n'), 0))[0]).toBe('n');
  });

  it('updating a step shares every other object; undefined removes a field', () => {
    const s = dui();
    const next = updateStep(s, 'step-02', { title: 'Appel à projets', dateLabel: 'Courant 2018' });
    expect(next.steps[1]!.title).toBe('Appel à projets');
    expect(next.steps[0]).toBe(s.steps[0]);
    expect(next.actors).toBe(s.actors);
    const cleared = updateStep(next, 'step-01', { dateLabel: undefined });
    expect('dateLabel' in cleared.steps[0]!).toBe(false);
    expect(updateStep(s, 'nope', { title: 'x' })).toBe(s);
    expect(updateStep(s, 'step-01', { title: s.steps[0]!.title })).toBe(s);
  });

  it('deleting steps removes their links and detaches their notes', () => {
    const next = deleteSteps(dui(), ['step-09']);
    expect(next.steps).toHaveLength(dui().steps.length - 1);
    expect(next.links).toEqual([]);
    const note = next.notes.find((n) => n.id === 'note-01')!;
    expect(note.attachedTo).toBeUndefined();
    expect(validateSession(next).ok).toBe(true);
  });

  it('moving renumbers everything; at the edge nothing moves', () => {
    const s = dui();
    const moved = moveStep(s, 'step-01', 2);
    expect(titles(moved).slice(0, 3)).toEqual(['step-02', 'step-03', 'step-01']);
    expect(moveStepBy(s, 'step-01', -1)).toBe(s);
    expect(titles(moveStepBy(s, 'step-12', -1)).slice(-2)).toEqual(['step-12', 'step-11']);
    expect(moveStepBy(s, 'step-12', 1)).toBe(s);
  });

  it('moves a step to another lane, only to a lane that exists', () => {
    const s = dui();
    expect(moveStepToLane(s, 'step-01', 'lane-cse').steps[0]!.laneId).toBe('lane-cse');
    expect(moveStepToLane(s, 'step-01', 'nowhere')).toBe(s);
  });

  it('lanes: add, rename, reorder, and delete with their steps moved or deleted', () => {
    const s = dui();
    const added = addLane(s, { id: 'lane-x', label: 'Financeur' }, 0);
    expect(added.lanes[0]!.label).toBe('Financeur');
    expect(updateLane(added, 'lane-x', { label: 'ARS' }).lanes[0]!.label).toBe('ARS');
    expect(moveLane(s, 'lane-cse', 0).lanes[0]!.id).toBe('lane-cse');
    expect(deleteLane(s, 'lane-pros')).toBe(s); // it holds steps: a choice is needed
    const moved = deleteLane(s, 'lane-pros', { moveStepsTo: 'lane-referents' });
    expect(moved.lanes.some((l) => l.id === 'lane-pros')).toBe(false);
    expect(moved.steps.filter((x) => x.laneId === 'lane-referents')).toHaveLength(6);
    const removed = deleteLane(s, 'lane-pros', { deleteSteps: true });
    expect(removed.steps).toHaveLength(8);
    expect(validateSession(removed).ok).toBe(true);
    expect(deleteLane(s, 'lane-dsi').lanes).toHaveLength(8); // empty lane
  });

  it('links: no link from a step to itself, no duplicate', () => {
    const s = dui();
    expect(addLink(s, { id: 'x', from: 'step-01', to: 'step-01' })).toBe(s);
    expect(addLink(s, { id: 'x', from: 'step-09', to: 'step-10' })).toBe(s);
    expect(addLink(s, { id: 'x', from: 'step-01', to: 'step-02' }).links).toHaveLength(2);
  });

  it('copy and paste across sessions: new ids, lanes created, unknown participants dropped', () => {
    const clip = copySteps(dui(), ['step-09', 'step-10'])!;
    expect(clip.links).toHaveLength(1);
    const target = createSession({ title: 'Autre', establishment: { name: '' }, project: { name: '' } });
    let n = 0;
    const { session, pastedIds } = pasteSteps(target, parseStepClipboard(serializeStepClipboard(clip))!, () => `id${n++}`);
    expect(pastedIds).toHaveLength(2);
    expect(session.lanes.map((l) => l.label)).toEqual(["Direction d'établissement", 'Professionnel·les']);
    expect(session.steps.every((x) => x.participants.length === 0)).toBe(true);
    expect(session.links[0]).toMatchObject({ from: pastedIds[0], to: pastedIds[1] });
    expect(validateSession(session).ok).toBe(true);
    expect(parseStepClipboard('{"kind":"autre"}')).toBeNull();
    expect(parseStepClipboard('pas du json')).toBeNull();
  });

  it('the step editor refuses bad input in French and accepts French dates', () => {
    const draft = { ...draftFromStep(dui().steps[0]!), date: '15/04/2022', endDate: '04/2022' };
    expect(validateStepDraft(draft, ['lane-direction'])).toEqual({});
    expect(stepFromDraft(draft, 'x')).toMatchObject({ date: '2022-04-15', endDate: '2022-04' });
    expect(validateStepDraft({ ...draft, date: '2023-02-30', endDate: '' }, ['lane-direction']).date).toContain("Ce jour n'existe pas");
    expect(validateStepDraft({ ...draft, title: ' ' }, []).laneId).toBe('Choisissez un couloir.');
  });
});

describe('actors, participation and notes', () => {
  it('the matrix is the step participants: step 3 has four; the CSE is in no step', () => {
    const s = dui();
    const m = participationMatrix(s);
    expect([...m.cells.keys()].filter((k) => k.endsWith('|step-03'))).toHaveLength(4);
    expect(m.uninvolved.has('act-cse')).toBe(true);
    expect(m.uninvolved.has('act-usagers')).toBe(false);
    const set = setParticipation(s, 'step-03', 'act-cse', 'informe');
    expect(set.steps[2]!.participants.at(-1)).toEqual({ actorId: 'act-cse', role: 'informe' });
    expect(participationMatrix(set).uninvolved.has('act-cse')).toBe(false);
    expect(setParticipation(set, 'step-03', 'act-cse', null).steps[2]!.participants).toHaveLength(4);
    expect(stepsOfActor(s, 'act-referents')).toEqual(['step-04', 'step-06', 'step-07', 'step-10', 'step-11']);
  });

  it('deleting an actor removes its participations and relations, frees its lane, keeps its notes', () => {
    const s = dui();
    const usage = actorUsage(s, 'act-referents');
    expect(usage.participations.map((p) => p.number)).toEqual([4, 6, 7, 10, 11]);
    expect(usage.relations).toHaveLength(3);
    const next = deleteActors(s, ['act-cse']);
    expect(next.lanes.find((l) => l.id === 'lane-cse')!.actorId).toBeUndefined();
    expect(next.notes.find((n) => n.id === 'note-05')!.attachedTo).toBeUndefined();
    expect(validateSession(deleteActors(s, ['act-referents'])).ok).toBe(true);
  });

  it('relations: not to itself, not twice of the same kind; another kind or the other way is fine', () => {
    const s = dui();
    expect(relationProblem(s, 'act-ars', 'act-ars', 'finance')).toBe('self');
    expect(relationProblem(s, 'act-ars', 'act-groupement', 'finance')).toBe('duplicate');
    expect(relationProblem(s, 'act-ars', 'act-groupement', 'accompagne')).toBeNull();
    expect(relationProblem(s, 'act-groupement', 'act-ars', 'finance')).toBeNull();
    expect(addRelation(s, { id: 'x', from: 'act-ars', to: 'act-ars', kind: 'autre' })).toBe(s);
  });

  it('copy and paste actors with the relations between them', () => {
    const s = dui();
    const clip = copyActors(s, ['act-referents', 'act-pros', 'act-cse'])!;
    expect(clip.relations.map((r) => r.kind)).toEqual(['forme', 'remonte']);
    let n = 0;
    const { session, pastedIds } = pasteActors(s, clip, () => `copie${n++}`);
    expect(session.actors).toHaveLength(14);
    expect(session.relations).toHaveLength(11);
    expect(session.actors.find((a) => a.id === pastedIds[0])!.position).toEqual({ x: 800, y: 480 });
    expect(validateSession(session).ok).toBe(true);
    expect(copyActors(s, ['nope'])).toBeNull();
  });

  it('a drag of several actors is one command', () => {
    const s = dui();
    const next = moveActors(s, new Map([['act-ars', { x: 10.4, y: 20.6 }], ['act-cse', { x: 0, y: 0 }]]));
    expect(next.actors[0]!.position).toEqual({ x: 10, y: 21 });
    expect(next.actors[1]).toBe(s.actors[1]);
  });

  it('notes by role, kind and map; notes of a step', () => {
    const s = dui();
    expect(filterNotes(s.notes, { roles: new Set(['representant-salaries'] as const) }).map((n) => n.id)).toEqual(['note-01', 'note-05']);
    expect(filterNotes(s.notes, { map: 'acteurs' }).map((n) => n.id)).toEqual(['note-05']);
    expect(notesByRole(s.notes).dsi.map((n) => n.id)).toEqual(['note-02']);
    expect(notesOf(s, { type: 'step', id: 'step-10' }).map((n) => n.id)).toEqual(['note-03']);
  });

  it('the catalogue finds actors without accents or case', () => {
    expect(searchCatalogue('ars').some((c) => c.name === 'ARS' && c.category === 'acteur-regional')).toBe(true);
    expect(searchCatalogue('educateur').map((c) => c.name)).toContain('Éducateur·rices');
    expect(searchCatalogue('cse')[0]!.category).toBe('representants-personnel');
  });
});
