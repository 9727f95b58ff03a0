import { describe, expect, it } from 'vitest';
import {
  addLane, addLink, addStep, copySteps, deleteLane, deleteLinks, deleteSteps, insertionIndexForDate, moveLane, moveStep,
  moveStepBy, moveStepToLane, parseStepClipboard, pasteSteps, serializeStepClipboard, setSessionFields, setTimelineScale,
  stepsInLane, updateLane, updateLink, updateStep, type StepClipboard,
} from '../../src/domain/commands/conduct';
import { parseSessionFile, validateSession } from '../../src/domain/format/file';
import { findChronologyConflicts } from '../../src/domain/format/rules';
import { createSession } from '../../src/domain/session';
import type { Lane, Session, Step } from '../../src/domain/types';
import { exampleText } from '../formatExamples';

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}

function blank(): Session {
  return createSession(
    { title: 'Atelier vide', establishment: { name: 'EHPAD des Tilleuls' }, project: { name: 'Messagerie sécurisée' } },
    new Date('2026-11-21T08:00:00Z'),
    'blank',
  );
}

const ids = (s: Session) => s.steps.map((x) => x.id);
/** The step's number as the chronology shows it (index + 1); 0 when absent. */
const numberOf = (s: Session, id: string) => s.steps.findIndex((x) => x.id === id) + 1;
const newStep = (id: string, extra: Partial<Step> = {}): Step => ({
  id, title: `Étape ${id}`, laneId: 'lane-dsi', kind: 'autre', markers: [], participants: [], ...extra,
});
/** The session as the storage layer would reload it (order contradictions allowed, flagged on the map). */
const storable = (s: Session) => validateSession(s, { chronology: false }).ok;
const counter = (prefix: string) => {
  let n = 0;
  return () => `${prefix}${++n}`;
};
/** A session with `n` undated steps in one lane. */
function withSteps(n: number): Session {
  const s = blank();
  return { ...s, lanes: [{ id: 'l', label: 'Couloir' }], steps: Array.from({ length: n }, (_, i) => newStep(`s${i}`, { laneId: 'l' })) };
}

describe('adding a step: its place in the chronology', () => {
  it('an undated step goes last, with the next number', () => {
    const s = dui();
    const next = addStep(s, newStep('new'));
    expect(numberOf(next, 'new')).toBe(13);
    expect(insertionIndexForDate(s.steps, undefined)).toBe(12);
  });

  it('a dated step goes before the first step dated strictly after it; undated steps do not stop the scan', () => {
    const s = dui();
    // 2019: after the two 2018 steps and the undated 3–8, before « Réorganisation » (2022).
    expect(insertionIndexForDate(s.steps, '2019')).toBe(8);
    expect(numberOf(addStep(s, newStep('new', { date: '2019' })), 'new')).toBe(9);
    expect(numberOf(addStep(s, newStep('new', { date: '2017-06' })), 'new')).toBe(1);
    // February 2022: after « Début 2022 » (same year at shared precision), before April 2022.
    const feb = addStep(s, newStep('new', { date: '2022-02' }));
    expect(ids(feb).slice(8, 11)).toEqual(['step-09', 'new', 'step-10']);
    // A whole year 2022 is not before April 2022 at their shared precision: nothing is after it.
    expect(insertionIndexForDate(s.steps, '2022')).toBe(12);
    expect(insertionIndexForDate([], '2020')).toBe(0);
  });

  it('an explicit index wins over the date, clamped to the chronology', () => {
    const s = dui();
    expect(ids(addStep(s, newStep('new', { date: '2030' }), 2))[2]).toBe('new');
    expect(ids(addStep(s, newStep('new'), 99)).at(-1)).toBe('new');
    expect(ids(addStep(s, newStep('new'), -4))[0]).toBe('new');
  });

  it('keeps every existing step and collection as they were', () => {
    const s = dui();
    const next = addStep(s, newStep('new', { date: '2019' }));
    expect(next).not.toBe(s);
    expect(s.steps).toHaveLength(12); // the old session is untouched
    next.steps.filter((x) => x.id !== 'new').forEach((x) => expect(s.steps).toContain(x));
    expect(next.lanes).toBe(s.lanes);
    expect(next.actors).toBe(s.actors);
    expect(next.links).toBe(s.links);
    expect(next.notes).toBe(s.notes);
    expect(storable(next)).toBe(true);
  });

  it('refuses a step the session could not hold: taken id, unknown lane or actor, full map', () => {
    const s = dui();
    expect(addStep(s, newStep('step-03'))).toBe(s);
    expect(addStep(s, newStep('new', { laneId: 'lane-inconnu' }))).toBe(s);
    expect(addStep(s, newStep('new', { participants: [{ actorId: 'act-fantome', role: 'pilote' }] }))).toBe(s);
    const full = withSteps(2000);
    expect(addStep(full, newStep('one-more', { laneId: 'l' }))).toBe(full);
    expect(addStep(withSteps(1999), newStep('last', { laneId: 'l' })).steps).toHaveLength(2000);
  });
});

describe('updating a step', () => {
  it('changes only that step: every other step object and collection stays identical', () => {
    const s = dui();
    const next = updateStep(s, 'step-05', { title: 'Choix du logiciel en groupe de travail' });
    expect(next.steps[4]!.title).toBe('Choix du logiciel en groupe de travail');
    expect(s.steps[4]!.title).not.toBe('Choix du logiciel en groupe de travail'); // never mutated
    next.steps.forEach((x, i) => (i === 4 ? expect(x).not.toBe(s.steps[i]) : expect(x).toBe(s.steps[i])));
    expect(next.steps[0]).toBe(s.steps[0]);
    expect(next.actors).toBe(s.actors);
    expect(next.lanes).toBe(s.lanes);
    expect(next.links).toBe(s.links);
    expect(next.relations).toBe(s.relations);
    expect(next.notes).toBe(s.notes);
    expect(next.steps[4]!.participants).toBe(s.steps[4]!.participants);
  });

  it('a key set to undefined clears that optional field', () => {
    const s = dui();
    const next = updateStep(s, 'step-09', { dateLabel: undefined, date: undefined, description: undefined });
    const step = next.steps[8]!;
    expect(step).not.toHaveProperty('dateLabel');
    expect(step).not.toHaveProperty('date');
    expect(step).not.toHaveProperty('description');
    expect(JSON.stringify(step)).not.toContain('Début 2022');
    expect(step.title).toBe('Réorganisation des services');
    expect(storable(next)).toBe(true);
  });

  it('a required field set to undefined is kept (the step stays valid)', () => {
    const s = dui();
    const next = updateStep(s, 'step-01', { title: undefined, laneId: undefined, dateLabel: 'Printemps 2018' });
    expect(next.steps[0]!.title).toBe(s.steps[0]!.title);
    expect(next.steps[0]!.laneId).toBe('lane-direction');
    expect(next.steps[0]!.dateLabel).toBe('Printemps 2018');
    expect(storable(next)).toBe(true);
  });

  it('does not reorder on a contradicting date: the conflict is left for the map to flag', () => {
    const s = dui();
    const next = updateStep(s, 'step-01', { date: '2023' });
    expect(numberOf(next, 'step-01')).toBe(1);
    expect(findChronologyConflicts(next.steps).map((c) => c.earlierIndex)).toContain(0);
  });

  it('returns the same session when nothing changes or the change does not apply', () => {
    const s = dui();
    expect(updateStep(s, 'nope', { title: 'x' })).toBe(s);
    expect(updateStep(s, 'step-02', { title: s.steps[1]!.title })).toBe(s);
    // The editor sends fresh arrays equal to the current ones: not a change.
    expect(updateStep(s, 'step-02', { markers: [...s.steps[1]!.markers], participants: s.steps[1]!.participants.map((p) => ({ ...p })) })).toBe(s);
    expect(updateStep(s, 'step-02', { dateLabel: undefined })).toBe(s); // it has none
    expect(updateStep(s, 'step-02', { laneId: 'lane-inconnu' })).toBe(s);
    expect(updateStep(s, 'step-02', { participants: [{ actorId: 'act-fantome', role: 'informe' }] })).toBe(s);
  });
});

describe('deleting steps', () => {
  it('removes the steps, their links, and detaches (keeps) their notes; the rest is renumbered', () => {
    const s = dui();
    const next = deleteSteps(s, ['step-09']);
    expect(next.steps).toHaveLength(11);
    expect(numberOf(next, 'step-10')).toBe(9);
    expect(next.links.some((l) => l.id === 'link-01')).toBe(false);
    const note = next.notes.find((n) => n.id === 'note-01')!;
    expect(note.text).toBe(s.notes[0]!.text);
    expect(note).not.toHaveProperty('attachedTo');
    expect(next.notes.filter((n) => n.id !== 'note-01').every((n) => s.notes.includes(n))).toBe(true);
    expect(next.notes.find((n) => n.id === 'note-05')!.attachedTo).toEqual({ type: 'actor', id: 'act-cse' });
    expect(storable(next)).toBe(true);
  });

  it('a step without links or notes leaves those arrays identical', () => {
    const s = dui();
    const next = deleteSteps(s, ['step-03', 'step-04']);
    expect(ids(next)).not.toContain('step-03');
    expect(ids(next)).not.toContain('step-04');
    expect(next.links).toBe(s.links);
    expect(next.notes).toBe(s.notes);
    expect(next.steps[0]).toBe(s.steps[0]);
  });

  it('unknown ids or none: same session', () => {
    const s = dui();
    expect(deleteSteps(s, ['nope'])).toBe(s);
    expect(deleteSteps(s, [])).toBe(s);
  });
});

describe('reordering the chronology', () => {
  it('moving a step renumbers the others and keeps the step object', () => {
    const s = dui();
    const next = moveStep(s, 'step-11', 0);
    expect(numberOf(next, 'step-11')).toBe(1);
    expect(numberOf(next, 'step-01')).toBe(2);
    expect(next.steps[0]).toBe(s.steps[10]);
    expect(next.actors).toBe(s.actors);
  });

  it('clamps the target index; no move, unknown step or NaN: same session', () => {
    const s = dui();
    expect(ids(moveStep(s, 'step-01', 50)).at(-1)).toBe('step-01');
    expect(ids(moveStep(s, 'step-05', -3))[0]).toBe('step-05');
    expect(moveStep(s, 'step-05', 4)).toBe(s);
    expect(moveStep(s, 'nope', 0)).toBe(s);
    expect(moveStep(s, 'step-05', Number.NaN)).toBe(s);
  });

  it('Alt+↑/↓ moves by one; at the first or last place nothing happens', () => {
    const s = dui();
    expect(moveStepBy(s, 'step-01', -1)).toBe(s);
    expect(moveStepBy(s, 'step-12', 1)).toBe(s);
    const down = moveStepBy(s, 'step-05', 1);
    expect(ids(down).slice(4, 6)).toEqual(['step-06', 'step-05']);
    expect(ids(moveStepBy(down, 'step-05', -1))).toEqual(ids(s));
    expect(moveStepBy(s, 'nope', 1)).toBe(s);
  });

  it('moves a step to another lane, only to a lane that exists', () => {
    const s = dui();
    const next = moveStepToLane(s, 'step-08', 'lane-cse');
    expect(next.steps[7]!.laneId).toBe('lane-cse');
    expect(stepsInLane(next, 'lane-cse').map((x) => x.id)).toEqual(['step-08']);
    expect(next.steps[6]).toBe(s.steps[6]);
    expect(moveStepToLane(s, 'step-08', 'lane-inconnu')).toBe(s);
    expect(moveStepToLane(s, 'step-08', 'lane-pros')).toBe(s);
    expect(moveStepToLane(s, 'nope', 'lane-cse')).toBe(s);
  });
});

describe('lanes', () => {
  it('adds a lane at the end or at an index; refuses a taken id, an unknown actor, a 101st lane', () => {
    const s = dui();
    const end = addLane(s, { id: 'lane-usagers', label: 'Usager·es', actorId: 'act-usagers' });
    expect(end.lanes.at(-1)!.label).toBe('Usager·es');
    expect(end.steps).toBe(s.steps);
    expect(addLane(s, { id: 'lane-x', label: 'Financeur' }, 0).lanes[0]!.label).toBe('Financeur');
    expect(addLane(s, { id: 'lane-cse', label: 'Doublon' })).toBe(s);
    expect(addLane(s, { id: 'lane-x', label: 'X', actorId: 'act-fantome' })).toBe(s);
    const many = { ...blank(), lanes: Array.from({ length: 100 }, (_, i): Lane => ({ id: `l${i}`, label: `Couloir ${i}` })) };
    expect(addLane(many, { id: 'l100', label: 'De trop' })).toBe(many);
  });

  it('renames a lane, unlinks its actor with undefined, keeps its label if undefined', () => {
    const s = dui();
    const renamed = updateLane(s, 'lane-ars', { label: 'ARS Pays de la Loire' });
    expect(renamed.lanes[0]!.label).toBe('ARS Pays de la Loire');
    expect(renamed.lanes[1]).toBe(s.lanes[1]);
    const unlinked = updateLane(s, 'lane-ars', { actorId: undefined, label: undefined });
    expect(unlinked.lanes[0]).toEqual({ id: 'lane-ars', label: 'ARS (financeur)' });
    expect(updateLane(s, 'lane-ars', { actorId: 'act-fantome' })).toBe(s);
    expect(updateLane(s, 'lane-ars', { label: 'ARS (financeur)' })).toBe(s);
    expect(updateLane(s, 'nope', { label: 'x' })).toBe(s);
  });

  it('reorders lanes', () => {
    const s = dui();
    const next = moveLane(s, 'lane-cse', 0);
    expect(next.lanes.map((l) => l.id).slice(0, 2)).toEqual(['lane-cse', 'lane-ars']);
    expect(next.steps).toBe(s.steps);
    expect(moveLane(s, 'lane-ars', 0)).toBe(s);
    expect(moveLane(s, 'nope', 0)).toBe(s);
  });

  it('an empty lane is deleted at once; a lane with steps needs a choice', () => {
    const s = dui();
    const next = deleteLane(s, 'lane-cse');
    expect(next.lanes.map((l) => l.id)).not.toContain('lane-cse');
    expect(next.steps).toBe(s.steps);
    expect(deleteLane(s, 'lane-pros')).toBe(s);
    expect(deleteLane(s, 'nope')).toBe(s);
  });

  it('deleting a lane can move its steps to another lane, keeping their numbers and links', () => {
    const s = dui();
    expect(stepsInLane(s, 'lane-pros').map((x) => x.id)).toEqual(['step-08', 'step-10', 'step-11', 'step-12']);
    const next = deleteLane(s, 'lane-pros', { moveStepsTo: 'lane-referents' });
    expect(next.lanes.map((l) => l.id)).not.toContain('lane-pros');
    expect(stepsInLane(next, 'lane-referents').map((x) => x.id)).toEqual(['step-04', 'step-07', 'step-08', 'step-10', 'step-11', 'step-12']);
    expect(ids(next)).toEqual(ids(s));
    expect(next.links).toBe(s.links);
    expect(next.steps[0]).toBe(s.steps[0]);
    expect(storable(next)).toBe(true);
    expect(deleteLane(s, 'lane-pros', { moveStepsTo: 'lane-pros' })).toBe(s);
    expect(deleteLane(s, 'lane-pros', { moveStepsTo: 'lane-inconnu' })).toBe(s);
  });

  it('deleting a lane can delete its steps, with their links, detaching their notes', () => {
    const s = dui();
    const next = deleteLane(s, 'lane-pros', { deleteSteps: true });
    expect(ids(next)).toEqual(['step-01', 'step-02', 'step-03', 'step-04', 'step-05', 'step-06', 'step-07', 'step-09']);
    expect(next.links).toEqual([]);
    expect(next.notes.find((n) => n.id === 'note-03')).not.toHaveProperty('attachedTo');
    expect(next.notes.find((n) => n.id === 'note-01')!.attachedTo).toEqual({ type: 'step', id: 'step-09' });
    expect(storable(next)).toBe(true);
  });
});

describe('links between steps', () => {
  it('adds an arrow; refuses a self-link, an unknown step, a duplicate', () => {
    const s = dui();
    const next = addLink(s, { id: 'link-02', from: 'step-01', to: 'step-02', label: 'Déclenche' });
    expect(next.links.map((l) => `${l.from}→${l.to}`)).toEqual(['step-09→step-10', 'step-01→step-02']);
    expect(next.steps).toBe(s.steps);
    expect(addLink(s, { id: 'x', from: 'step-01', to: 'step-01' })).toBe(s);
    expect(addLink(s, { id: 'x', from: 'step-01', to: 'nope' })).toBe(s);
    expect(addLink(s, { id: 'x', from: 'step-09', to: 'step-10' })).toBe(s);
    expect(addLink(s, { id: 'link-01', from: 'step-02', to: 'step-03' })).toBe(s);
    expect(addLink(s, { id: 'x', from: 'step-10', to: 'step-09' }).links).toHaveLength(2); // the other way is another arrow
  });

  it('relabels, clears the label, deletes', () => {
    const s = dui();
    expect(updateLink(s, 'link-01', { label: 'Montre le besoin' }).links[0]!.label).toBe('Montre le besoin');
    expect(updateLink(s, 'link-01', { label: undefined }).links[0]).not.toHaveProperty('label');
    expect(updateLink(s, 'link-01', {})).toBe(s);
    expect(updateLink(s, 'link-01', { label: 'Révèle le besoin de formation' })).toBe(s);
    expect(updateLink(s, 'nope', { label: 'x' })).toBe(s);
    expect(deleteLinks(s, ['link-01']).links).toEqual([]);
    expect(deleteLinks(s, ['nope'])).toBe(s);
  });
});

describe('session fields', () => {
  it('the time scale changes, keeping the period', () => {
    const s = dui();
    const next = setTimelineScale(s, 'mois');
    expect(next.timeline).toEqual({ start: '2018', end: '2022', scale: 'mois' });
    expect(next.steps).toBe(s.steps);
    expect(setTimelineScale(s, 'annee')).toBe(s);
  });

  it('sets the title and workshop; only the optional workshop can be removed', () => {
    const s = dui();
    const next = setSessionFields(s, { title: 'DUI — atelier 2' });
    expect(next.title).toBe('DUI — atelier 2');
    expect(next.steps).toBe(s.steps);
    expect(setSessionFields(s, { workshop: undefined })).not.toHaveProperty('workshop');
    expect(setSessionFields(s, { title: undefined }).title).toBe(s.title);
    expect(setSessionFields(s, { timeline: { ...s.timeline }, title: s.title })).toBe(s);
  });
});

describe('copy and paste of steps', () => {
  it('copies the steps in chronology order, with their lanes and the links between them only', () => {
    const s = dui();
    const clip = copySteps(s, ['step-10', 'nope', 'step-09', 'step-02'])!;
    expect(clip.kind).toBe('cartographies-acia/steps');
    expect(clip.steps.map((x) => x.id)).toEqual(['step-02', 'step-09', 'step-10']);
    expect(clip.links.map((l) => l.id)).toEqual(['link-01']);
    expect(clip.lanes.map((l) => l.id)).toEqual(['lane-ars', 'lane-direction', 'lane-pros']);
    expect(copySteps(s, ['step-10'])!.links).toEqual([]);
    expect(copySteps(s, ['nope'])).toBeNull();
    expect(copySteps(s, [])).toBeNull();
  });

  it('pastes within a session: new ids, at the end, same lanes and participants, dates kept, no notes', () => {
    const s = dui();
    const clip = copySteps(s, ['step-09', 'step-10'])!;
    const { session, pastedIds } = pasteSteps(s, clip, counter('copie-'));
    expect(pastedIds).toEqual(['copie-1', 'copie-2']);
    expect(ids(session).slice(-2)).toEqual(pastedIds);
    const [a, b] = session.steps.slice(-2) as [Step, Step];
    expect(a).toMatchObject({ title: 'Réorganisation des services', date: '2022', laneId: 'lane-direction' });
    expect(b.participants).toEqual(s.steps[9]!.participants);
    expect(session.links.at(-1)).toMatchObject({ id: 'copie-3', from: 'copie-1', to: 'copie-2', label: 'Révèle le besoin de formation' });
    expect(session.lanes).toBe(s.lanes);
    expect(session.notes).toBe(s.notes);
    session.steps.slice(0, s.steps.length).forEach((x, i) => expect(x).toBe(s.steps[i]));
    expect(storable(session)).toBe(true);
  });

  it('a pasted step keeps its date even where it contradicts the order: the map flags it, nothing moves it', () => {
    const s = dui();
    const { session, pastedIds } = pasteSteps(s, copySteps(s, ['step-01'])!, counter('copie-'));
    expect(numberOf(session, pastedIds[0]!)).toBe(13);
    expect(session.steps[12]!.date).toBe('2018');
    expect(findChronologyConflicts(session.steps).map((c) => c.index)).toEqual([12]);
  });

  it('pastes into another session: lanes created by label, unknown participants dropped, then lanes reused', () => {
    const clip = parseStepClipboard(serializeStepClipboard(copySteps(dui(), ['step-02', 'step-09', 'step-10'])!))!;
    const target = blank();
    const first = pasteSteps(target, clip, counter('a'));
    expect(first.session.lanes.map((l) => l.label)).toEqual(['ARS (financeur)', "Direction d'établissement", 'Professionnel·les']);
    expect(first.session.lanes.every((l) => l.actorId === undefined)).toBe(true);
    expect(first.session.steps.map((x) => x.participants)).toEqual([[], [], []]);
    expect(first.session.steps.map((x) => x.date)).toEqual(['2018', '2022', '2022-04']);
    expect(first.session.links).toHaveLength(1);
    expect(first.session.actors).toBe(target.actors);
    expect(storable(first.session)).toBe(true);

    const again = pasteSteps(first.session, clip, counter('b'));
    expect(again.session.lanes).toBe(first.session.lanes); // same labels: reused
    expect(again.session.steps).toHaveLength(6);
    expect(again.session.steps[3]!.laneId).toBe(first.session.steps[0]!.laneId);
    expect(storable(again.session)).toBe(true);
  });

  it('a created lane keeps its actor, and participants are kept, when that actor exists in the target', () => {
    const target: Session = { ...blank(), actors: [{ id: 'act-pros', name: 'Soignant·es', category: 'professionnels' }] };
    const { session } = pasteSteps(target, copySteps(dui(), ['step-10'])!, counter('p'));
    expect(session.lanes).toEqual([{ id: 'p1', label: 'Professionnel·les', actorId: 'act-pros' }]);
    expect(session.steps[0]!.participants).toEqual([{ actorId: 'act-pros', role: 'pilote' }]);
    expect(storable(session)).toBe(true);
  });

  it('refuses a paste that would overflow the map (2000 steps), pasting nothing', () => {
    const full = withSteps(1999);
    const clip = copySteps(dui(), ['step-01', 'step-02'])!;
    const result = pasteSteps(full, clip, counter('x'));
    expect(result.session).toBe(full);
    expect(result.pastedIds).toEqual([]);
    expect(pasteSteps(dui(), { ...clip, steps: [], links: [] }, counter('x')).session.steps).toHaveLength(dui().steps.length);
  });

  it('a clipboard from outside cannot bring a self-link or a duplicate arrow', () => {
    const clip = copySteps(dui(), ['step-09', 'step-10'])!;
    const crafted: StepClipboard = {
      ...clip,
      links: [...clip.links, { id: 'dup', from: 'step-09', to: 'step-10' }, { id: 'self', from: 'step-09', to: 'step-09' }, { id: 'out', from: 'step-09', to: 'step-01' }],
    };
    const { session } = pasteSteps(blank(), crafted, counter('c'));
    expect(session.links).toHaveLength(1);
  });
});

describe('reading pasted text', () => {
  const clip = () => copySteps(dui(), ['step-09', 'step-10'])!;

  it('reads back what was copied', () => {
    expect(parseStepClipboard(serializeStepClipboard(clip()))).toEqual(clip());
  });

  it('rejects garbage without throwing', () => {
    const good = JSON.parse(serializeStepClipboard(clip())) as Record<string, unknown> & { steps: Record<string, unknown>[] };
    const bad = [
      '', 'pas du json', 'null', '[]', '42', '"texte"', '{"kind":"autre"}',
      JSON.stringify({ ...good, kind: 'cartographies-acia/actors' }),
      JSON.stringify({ ...good, links: undefined }),
      JSON.stringify({ ...good, extra: true }),
      JSON.stringify({ ...good, steps: [] }),
      JSON.stringify({ ...good, steps: [{ ...good.steps[0], date: '2022-13' }] }),
      JSON.stringify({ ...good, steps: [{ ...good.steps[0], title: '' }] }),
      JSON.stringify({ ...good, steps: [{ ...good.steps[0], id: 'un id avec espaces' }] }),
      JSON.stringify({ ...good, steps: [{ ...good.steps[0], kind: 'inconnu' }] }),
      '{"kind":"cartographies-acia/steps","steps":[{"__proto__":{"x":1}}],"links":[],"lanes":[]}',
      '['.repeat(100000),
    ];
    for (const text of bad) expect(parseStepClipboard(text), text.slice(0, 80)).toBeNull();
  });

  it('HTML in a pasted title stays plain text, character for character', () => {
    const html = '<img src=x onerror="alert(1)"><b>Comité</b> & « CSE »';
    const c = clip();
    const text = serializeStepClipboard({ ...c, steps: c.steps.map((x) => ({ ...x, title: html })) });
    const parsed = parseStepClipboard(text)!;
    expect(parsed.steps[0]!.title).toBe(html);
    expect(pasteSteps(blank(), parsed, counter('h')).session.steps[0]!.title).toBe(html);
  });

  it('accepts 2000 steps, refuses 2001', () => {
    const lane: Lane = { id: 'l', label: 'Couloir' };
    const many = (n: number) =>
      serializeStepClipboard({ kind: 'cartographies-acia/steps', steps: withSteps(n).steps, links: [], lanes: [lane] });
    expect(parseStepClipboard(many(2000))!.steps).toHaveLength(2000);
    expect(parseStepClipboard(many(2001))).toBeNull();
  });
});
