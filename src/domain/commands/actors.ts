/**
 * Commands and queries of the actor map: actors, typed relations, and the participation of
 * actors in steps, which is the link between the two maps (the matrix and the step
 * participants are the same data).
 */
import { ACTOR_CATEGORIES, type Participation, type RelationKind } from '../enums';
import type { Actor, Lane, Note, Relation, Session } from '../types';
import { patch, updateById } from './shared';

/** Adds an actor at the end; same session if an actor already has its id. */
export function addActor(session: Session, actor: Actor): Session {
  if (session.actors.some((a) => a.id === actor.id)) return session;
  return { ...session, actors: [...session.actors, actor] };
}

/** Sets the keys of `changes`; a key set to undefined is removed. Same session if nothing changes. */
export function updateActor(session: Session, id: string, changes: Partial<Omit<Actor, 'id'>>): Session {
  const actors = updateById(session.actors, id, (a) => patch(a, changes as Partial<Actor>));
  return actors ? { ...session, actors } : session;
}

/** One command for a drag of several actors (or a rearrangement). */
export function moveActors(session: Session, positions: ReadonlyMap<string, { x: number; y: number }>): Session {
  let changed = false;
  const actors = session.actors.map((a) => {
    const p = positions.get(a.id);
    if (!p) return a;
    const position = { x: Math.round(p.x), y: Math.round(p.y) };
    if (a.position && a.position.x === position.x && a.position.y === position.y) return a;
    changed = true;
    return { ...a, position };
  });
  return changed ? { ...session, actors } : session;
}

export interface ActorUsage {
  participations: { stepId: string; number: number; role: Participation }[];
  lanes: Lane[];
  relations: Relation[];
  notes: Note[];
}

export function actorUsage(session: Session, id: string): ActorUsage {
  const participations: ActorUsage['participations'] = [];
  session.steps.forEach((s, i) => {
    const p = s.participants.find((x) => x.actorId === id);
    if (p) participations.push({ stepId: s.id, number: i + 1, role: p.role });
  });
  return {
    participations,
    lanes: session.lanes.filter((l) => l.actorId === id),
    relations: session.relations.filter((r) => r.from === id || r.to === id),
    notes: session.notes.filter((n) => n.attachedTo?.type === 'actor' && n.attachedTo.id === id),
  };
}

export function deleteActors(session: Session, ids: readonly string[]): Session {
  const gone = new Set(ids.filter((id) => session.actors.some((a) => a.id === id)));
  if (gone.size === 0) return session;
  const keep = <T>(items: T[], next: T[]) => (next.length === items.length && next.every((x, i) => x === items[i]) ? items : next);
  return {
    ...session,
    actors: session.actors.filter((a) => !gone.has(a.id)),
    steps: keep(
      session.steps,
      session.steps.map((s) => (s.participants.some((p) => gone.has(p.actorId)) ? { ...s, participants: s.participants.filter((p) => !gone.has(p.actorId)) } : s)),
    ),
    relations: keep(session.relations, session.relations.filter((r) => !gone.has(r.from) && !gone.has(r.to))),
    lanes: keep(session.lanes, session.lanes.map((l) => (l.actorId && gone.has(l.actorId) ? patch(l, { actorId: undefined }) : l))),
    notes: keep(
      session.notes,
      session.notes.map((n) => (n.attachedTo?.type === 'actor' && gone.has(n.attachedTo.id) ? patch(n, { attachedTo: undefined }) : n)),
    ),
  };
}

/** Why a relation cannot be made (its French message: i18n/messages.ts). */
export type RelationProblem = 'self' | 'duplicate' | 'unknown-actor';

export function relationProblem(session: Session, from: string, to: string, kind: RelationKind, ignoreId?: string): RelationProblem | null {
  if (!session.actors.some((a) => a.id === from) || !session.actors.some((a) => a.id === to)) return 'unknown-actor';
  if (from === to) return 'self';
  if (session.relations.some((r) => r.id !== ignoreId && r.from === from && r.to === to && r.kind === kind)) return 'duplicate';
  return null;
}

/** Adds a relation; same session if it has a problem or its id is taken. */
export function addRelation(session: Session, relation: Relation): Session {
  if (relationProblem(session, relation.from, relation.to, relation.kind)) return session;
  if (session.relations.some((r) => r.id === relation.id)) return session;
  return { ...session, relations: [...session.relations, relation] };
}

export function updateRelation(session: Session, id: string, changes: Partial<Omit<Relation, 'id'>>): Session {
  const current = session.relations.find((r) => r.id === id);
  if (!current) return session;
  // Only feedback gets an answer: a relation that stops being feedback drops it.
  const next = patch(current, { ...changes, ...(changes.kind && changes.kind !== 'remonte' ? { answer: undefined } : {}) } as Partial<Relation>);
  if (next === current || relationProblem(session, next.from, next.to, next.kind, id)) return session;
  return { ...session, relations: session.relations.map((r) => (r.id === id ? next : r)) };
}

export function deleteRelations(session: Session, ids: readonly string[]): Session {
  const gone = new Set(ids);
  const relations = session.relations.filter((r) => !gone.has(r.id));
  return relations.length === session.relations.length ? session : { ...session, relations };
}

/** Why an actor's name is refused (its French message: i18n/messages.ts). */
export type ActorNameProblem = 'required' | 'too-long';

/** The longest actor name, in characters (code points). */
export const ACTOR_NAME_MAX = 200;

export function actorNameIssue(name: string): ActorNameProblem | null {
  const t = name.trim();
  if (!t) return 'required';
  if ([...t].length > ACTOR_NAME_MAX) return 'too-long';
  return null;
}

export function participationOf(session: Session, stepId: string, actorId: string): Participation | null {
  return session.steps.find((s) => s.id === stepId)?.participants.find((p) => p.actorId === actorId)?.role ?? null;
}

export function setParticipation(session: Session, stepId: string, actorId: string, role: Participation | null): Session {
  if (!session.actors.some((a) => a.id === actorId)) return session;
  const steps = updateById(session.steps, stepId, (s) => {
    const i = s.participants.findIndex((p) => p.actorId === actorId);
    if (role === null) return i < 0 ? s : { ...s, participants: s.participants.filter((p) => p.actorId !== actorId) };
    if (i < 0) return { ...s, participants: [...s.participants, { actorId, role }] };
    if (s.participants[i]!.role === role) return s;
    return { ...s, participants: s.participants.map((p, j) => (j === i ? { actorId, role } : p)) };
  });
  return steps ? { ...session, steps } : session;
}

export interface ParticipationMatrix {
  actors: Actor[];
  steps: { id: string; number: number; title: string }[];
  cells: ReadonlyMap<string, Participation>;
  uninvolved: ReadonlySet<string>;
}

export function participationMatrix(session: Pick<Session, 'actors' | 'steps'>): ParticipationMatrix {
  const cells = new Map<string, Participation>();
  const involved = new Set<string>();
  for (const s of session.steps) {
    for (const p of s.participants) {
      cells.set(`${p.actorId}|${s.id}`, p.role);
      involved.add(p.actorId);
    }
  }
  return {
    actors: session.actors.slice(),
    steps: session.steps.map((s, i) => ({ id: s.id, number: i + 1, title: s.title })),
    cells,
    uninvolved: new Set(session.actors.filter((a) => !involved.has(a.id)).map((a) => a.id)),
  };
}

export function stepsOfActor(session: Pick<Session, 'steps'>, actorId: string): string[] {
  return session.steps.filter((s) => s.participants.some((p) => p.actorId === actorId)).map((s) => s.id);
}

export function actorsOfStep(session: Pick<Session, 'steps'>, stepId: string): string[] {
  return session.steps.find((s) => s.id === stepId)?.participants.map((p) => p.actorId) ?? [];
}

export const GRID_ORIGIN = 80;
export const GRID_COLUMN = 260;
export const GRID_ROW = 130;

/**
 * A fallback arrangement by category, used when no layout library is loaded: one column per
 * category in use, in the order of ACTOR_CATEGORIES, 260 px apart; actors of a category one
 * under the other, 130 px apart, in their order in the session. With a `width` (px), the columns
 * that do not fit wrap to a new band under the tallest column of the band above, one empty row
 * between bands.
 */
export function arrangeGrid(session: Pick<Session, 'actors'>, width?: number): Map<string, { x: number; y: number }> {
  const perBand = width !== undefined && Number.isFinite(width) ? Math.max(1, Math.floor((width - GRID_ORIGIN) / GRID_COLUMN)) : Infinity;
  const positions = new Map<string, { x: number; y: number }>();
  let col = 0;
  let bandTop = GRID_ORIGIN;
  let bandRows = 0;
  for (const c of ACTOR_CATEGORIES) {
    const members = session.actors.filter((a) => a.category === c);
    if (members.length === 0) continue;
    if (col >= perBand) {
      bandTop += (bandRows + 1) * GRID_ROW;
      col = 0;
      bandRows = 0;
    }
    members.forEach((a, i) => positions.set(a.id, { x: GRID_ORIGIN + col * GRID_COLUMN, y: bandTop + i * GRID_ROW }));
    bandRows = Math.max(bandRows, members.length);
    col++;
  }
  return positions;
}

// Copy and paste of actors (with the relations between them), within and across sessions.

export interface ActorClipboard {
  kind: 'cartographies-acia/actors';
  actors: Actor[];
  relations: Relation[];
}

export function copyActors(session: Session, ids: readonly string[]): ActorClipboard | null {
  const wanted = new Set(ids);
  const actors = session.actors.filter((a) => wanted.has(a.id));
  if (actors.length === 0) return null;
  const copied = new Set(actors.map((a) => a.id));
  return { kind: 'cartographies-acia/actors', actors, relations: session.relations.filter((r) => copied.has(r.from) && copied.has(r.to)) };
}

/** Pasted actors get new ids and sit a little aside from the originals. */
export function pasteActors(session: Session, clip: ActorClipboard, makeId: () => string): { session: Session; pastedIds: string[] } {
  const ids = new Map<string, string>();
  const actors = clip.actors.map((a, i) => {
    const id = makeId();
    ids.set(a.id, id);
    const p = a.position ?? { x: 80 + i * 40, y: 80 };
    return { ...a, id, position: { x: p.x + 40, y: p.y + 40 } };
  });
  const relations = clip.relations
    .filter((r) => ids.has(r.from) && ids.has(r.to))
    .map((r) => ({ ...r, id: makeId(), from: ids.get(r.from)!, to: ids.get(r.to)! }));
  return {
    session: { ...session, actors: [...session.actors, ...actors], relations: relations.length ? [...session.relations, ...relations] : session.relations },
    pastedIds: actors.map((a) => a.id),
  };
}
