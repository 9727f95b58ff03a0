import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseSessionFile } from '../../src/domain/format/file';
import { addStep, deleteSteps, moveStep, updateStep } from '../../src/domain/commands/conduct';
import type { Session } from '../../src/domain/types';
import {
  applySessionChange, docToSession, INVALID_ROOM_CONTENT, putIndexEntry, readIndex, sessionToDoc,
} from '../../src/storage/room/ysession';
import { exampleText } from '../formatExamples';

const LOCAL = Symbol('local');

function example(name: string): Session {
  const parsed = parseSessionFile(exampleText(name));
  if (!parsed.ok) throw new Error(name);
  return parsed.value.session;
}
const template = (): Session => {
  const parsed = parseSessionFile(readFileSync(join(process.cwd(), 'src/features/sessions/templates/dui-groupement.json'), 'utf8'));
  if (!parsed.ok) throw new Error('template');
  return parsed.value.session;
};

const read = (doc: Y.Doc, previous: Session | null = null): Session => {
  const result = docToSession(doc, previous);
  if (!result.ok) throw new Error(result.errors[0]!.message);
  return result.value;
};

/** Two documents that exchanged their updates (two laptops after the room relayed them). */
function exchange(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** A copy of a document, as another laptop receives it. */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('a session as a Yjs document', () => {
  // Every example of the format, whatever is added to the folder, and the DUI template.
  const files = readdirSync(join(process.cwd(), 'docs/format/examples'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
  const examples: [string, () => Session][] = [...files.map((f): [string, () => Session] => [f, () => example(f)]), ['the DUI template', template]];
  it('finds the examples', () => expect(files.length).toBeGreaterThanOrEqual(4));
  it.each(examples)('round-trips %s exactly, also through an encoded update', (_name, make) => {
    const session = make();
    const doc = sessionToDoc(session);
    expect(read(doc)).toEqual(session);
    expect(read(copyOf(doc))).toEqual(session);
  });

  it('writes only what changed, and reading again keeps the unchanged objects', () => {
    const session = example('dui-groupement.json');
    const doc = sessionToDoc(session);
    const step = session.steps[2]!;
    const next = updateStep(session, step.id, { title: 'Nouveau titre' });
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array, origin: unknown) => origin === LOCAL && updates.push(u));
    applySessionChange(doc, session, next, LOCAL);
    expect(updates).toHaveLength(1); // one transaction
    expect(updates[0]!.length).toBeLessThan(120); // the title, not the step or the session
    const back = read(doc, session);
    expect(back).toEqual(next);
    expect(back.steps[0]).toBe(session.steps[0]);
    expect(back.actors).toBe(session.actors);
    expect(back.establishment).toBe(session.establishment);
    expect(back.steps[2]).not.toBe(session.steps[2]);
  });

  it('follows adds, deletes and moves, in order', () => {
    const session = example('dui-groupement.json');
    const doc = sessionToDoc(session);
    let current = session;
    const steps: ((s: Session) => Session)[] = [
      (s) => addStep(s, { ...s.steps[0]!, id: 'nouvelle', title: 'Insérée' }, 3),
      (s) => moveStep(s, s.steps[8]!.id, 1),
      (s) => moveStep(s, s.steps[1]!.id, s.steps.length - 1),
      (s) => deleteSteps(s, [s.steps[4]!.id]),
      (s) => addStep(s, { ...s.steps[0]!, id: 'premiere', title: 'En tête' }, 0),
    ];
    for (const command of steps) {
      const next = command(current);
      applySessionChange(doc, current, next, LOCAL);
      current = next;
      expect(read(copyOf(doc))).toEqual(current);
    }
  });

  it('keeps both edits of two fields of one step made at once on two laptops', () => {
    const session = example('dui-groupement.json');
    const a = sessionToDoc(session);
    const b = copyOf(a);
    const id = session.steps[1]!.id;
    applySessionChange(a, session, updateStep(session, id, { title: 'Titre de A' }), LOCAL);
    applySessionChange(b, session, updateStep(session, id, { description: 'Description de B' }), LOCAL);
    exchange(a, b);
    for (const doc of [a, b]) {
      const step = read(doc).steps[1]!;
      expect(step.title).toBe('Titre de A');
      expect(step.description).toBe('Description de B');
    }
  });

  it('converges to one value when two laptops edit the same field', () => {
    const session = example('dui-groupement.json');
    const a = sessionToDoc(session);
    const b = copyOf(a);
    const id = session.steps[1]!.id;
    applySessionChange(a, session, updateStep(session, id, { title: 'Titre de A' }), LOCAL);
    applySessionChange(b, session, updateStep(session, id, { title: 'Titre de B' }), LOCAL);
    exchange(a, b);
    const [ta, tb] = [read(a).steps[1]!.title, read(b).steps[1]!.title];
    expect(ta).toBe(tb);
    expect(['Titre de A', 'Titre de B']).toContain(ta);
    expect(read(a)).toEqual(read(b));
  });

  it('keeps the steps two laptops add at the same place, both, in the same order', () => {
    const session = example('dui-groupement.json');
    const a = sessionToDoc(session);
    const b = copyOf(a);
    const base = session.steps[0]!;
    applySessionChange(a, session, addStep(session, { ...base, id: 'de-a', title: 'De A' }, 1), LOCAL);
    applySessionChange(b, session, addStep(session, { ...base, id: 'de-b', title: 'De B' }, 1), LOCAL);
    exchange(a, b);
    const ids = read(a).steps.map((s) => s.id);
    expect(ids).toEqual(read(b).steps.map((s) => s.id));
    expect(ids).toEqual(expect.arrayContaining(['de-a', 'de-b']));
    expect(ids).toHaveLength(session.steps.length + 2);
  });

  it('refuses content that is not a valid session, in French', () => {
    const session = example('dui-groupement.json');
    const doc = sessionToDoc(session);
    doc.getMap<Y.Map<unknown>>('steps').get(session.steps[0]!.id)!.set('title', 42);
    const result = docToSession(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toBe(INVALID_ROOM_CONTENT);
    expect(docToSession(new Y.Doc()).ok).toBe(false);
  });

  it('lists the room index by title, leaving out lines that make no sense', () => {
    const doc = new Y.Doc();
    putIndexEntry(doc, example('minimal.json'));
    putIndexEntry(doc, example('dui-groupement.json'));
    doc.getMap('sessions').set('../bad', new Y.Map());
    const lines = readIndex(doc);
    expect(lines.map((l) => l.id).sort()).toEqual([example('minimal.json').id, example('dui-groupement.json').id].sort());
    expect(lines[0]!.title.localeCompare(lines[1]!.title, 'fr')).toBeLessThan(0);
  });
});

describe('edits that merge into references to nothing', () => {
  it('a step added in a lane deleted meanwhile goes to the first lane; a relation to an actor deleted meanwhile goes', () => {
    const session = example('dui-groupement.json');
    const a = sessionToDoc(session);
    const b = copyOf(a);
    const lane = session.lanes[3]!;
    const actor = session.actors.find((x) => !session.relations.some((r) => r.from === x.id || r.to === x.id) && !session.lanes.some((l) => l.actorId === x.id))
      ?? session.actors[0]!;
    // A deletes the lane (and its steps) and an actor; B meanwhile adds a step in that lane and a relation to that actor.
    const deleted: Session = {
      ...session,
      lanes: session.lanes.filter((l) => l.id !== lane.id),
      steps: session.steps.filter((st) => st.laneId !== lane.id).map((st) => ({ ...st, participants: st.participants.filter((p) => p.actorId !== actor.id) })),
      actors: session.actors.filter((x) => x.id !== actor.id),
      relations: session.relations.filter((r) => r.from !== actor.id && r.to !== actor.id),
      notes: session.notes.filter((n) => n.attachedTo?.id !== actor.id),
      links: session.links.filter((l) => !session.steps.some((st) => st.laneId === lane.id && (st.id === l.from || st.id === l.to))),
      gaps: (session.gaps ?? []).filter((g) => !session.steps.some((st) => st.laneId === lane.id && st.id === g.stepId)),
    };
    const deletedAgain = docToSession(sessionToDoc(deleted));
    expect(deletedAgain.ok).toBe(true);
    applySessionChange(a, session, deleted, LOCAL);
    const added = addStep(session, { ...session.steps[0]!, id: 'ajoutee', title: 'Ajoutée', laneId: lane.id, participants: [{ actorId: actor.id, role: 'pilote' }] }, 1);
    const withRelation: Session = { ...added, relations: [...added.relations, { id: 'rel-ajoutee', from: session.actors[1]!.id === actor.id ? session.actors[2]!.id : session.actors[1]!.id, to: actor.id, kind: 'pilote' }] };
    applySessionChange(b, session, withRelation, LOCAL);
    exchange(a, b);
    const merged = read(a);
    expect(read(b)).toEqual(merged);
    const step = merged.steps.find((st) => st.id === 'ajoutee')!;
    expect(step.laneId).toBe(merged.lanes[0]!.id);
    expect(step.participants).toEqual([]);
    expect(merged.relations.some((r) => r.id === 'rel-ajoutee')).toBe(false);
  });

  it('a start and an end set at once so that the end comes first: the end goes', () => {
    const session = example('dui-groupement.json');
    const a = sessionToDoc(session);
    const b = copyOf(a);
    const id = session.steps[0]!.id;
    applySessionChange(a, session, updateStep(session, id, { date: '2022-05' }), LOCAL);
    applySessionChange(b, session, updateStep(session, id, { endDate: '2020-01' }), LOCAL);
    exchange(a, b);
    const step = read(a).steps[0]!;
    expect(step.date).toBe('2022-05');
    expect(step.endDate).toBeUndefined();
  });
});
