/**
 * A session as a Yjs document, for the workshop room. The header's fields are the keys of
 * `doc.getMap('header')`; each collection is `doc.getMap(<kind>)`, id → Y.Map(field → JSON value),
 * with an `order` key (a number between its neighbours' numbers) for the array order. Fields are
 * separate keys so that two laptops editing two fields of one step both keep their edit; the same
 * field converges to one value (Yjs's last writer by client id).
 */
import * as Y from 'yjs';
import { fail, ok, type Result } from '../../domain/result';
import { comparePartialDates } from '../../domain/dates';
import { checkRules } from '../../domain/format/rules';
import { sessionSchema } from '../../domain/format/schema';
import { headerOf } from '../../domain/session';
import { ENTITY_KINDS, type EntityKind, type Session } from '../../domain/types';

export const HEADER_MAP = 'header';
/** The key of an entity's place in its collection (no entity of the format has a field of that name). */
export const ORDER_KEY = 'order';

type Entity = { id: string } & Record<string, unknown>;
type Json = unknown;

const headerMap = (doc: Y.Doc) => doc.getMap<Json>(HEADER_MAP);
const collectionMap = (doc: Y.Doc, kind: EntityKind) => doc.getMap<Y.Map<Json>>(kind);

/** Values are immutable in the session, so a reference test is the fast path; JSON the exact one. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function entityMap(item: Entity, order: number): Y.Map<Json> {
  const map = new Y.Map<Json>();
  for (const [key, value] of Object.entries(item)) if (value !== undefined) map.set(key, value);
  map.set(ORDER_KEY, order);
  return map;
}

/** Writes a whole session into an empty document (publishing a session in the room). */
export function sessionToDoc(session: Session, doc: Y.Doc = new Y.Doc(), origin: unknown = null): Y.Doc {
  doc.transact(() => {
    const header = headerMap(doc);
    for (const [key, value] of Object.entries(headerOf(session))) if (value !== undefined) header.set(key, value);
    for (const kind of ENTITY_KINDS) {
      const map = collectionMap(doc, kind);
      (session[kind] as Entity[]).forEach((item, i) => map.set(item.id, entityMap(item, i)));
    }
  }, origin);
  return doc;
}

/** Whether the document holds a session yet (a room's document not synced yet is empty). */
export const docHasSession = (doc: Y.Doc): boolean => headerMap(doc).has('id');

/** The rows of a collection in their order (ties, from two laptops inserting at once, by id). */
function orderedEntries(doc: Y.Doc, kind: EntityKind): [string, Y.Map<Json>][] {
  const entries = [...collectionMap(doc, kind).entries()].filter((e): e is [string, Y.Map<Json>] => e[1] instanceof Y.Map);
  const orderOf = (m: Y.Map<Json>) => {
    const o = m.get(ORDER_KEY);
    return typeof o === 'number' && Number.isFinite(o) ? o : 0;
  };
  return entries.sort((a, b) => orderOf(a[1]) - orderOf(b[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function readEntity(id: string, map: Y.Map<Json>): Entity {
  const item: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) if (key !== ORDER_KEY) item[key] = value;
  // The id is the collection's key: a field saying otherwise is not trusted.
  item.id = id;
  return item as Entity;
}

export const INVALID_ROOM_CONTENT = "Le contenu reçu de la salle n'est pas une session valide : il n'a pas été appliqué.";

/**
 * Reads the session a document holds, validated with the format's schema (a room's message is
 * outside input). With `previous`, unchanged entities, collections and header values keep their
 * objects, so that the persister and the page see only what changed.
 */
export function docToSession(doc: Y.Doc, previous: Session | null = null): Result<Session> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of headerMap(doc).entries()) raw[key] = value;
  for (const kind of ENTITY_KINDS) raw[kind] = orderedEntries(doc, kind).map(([id, map]) => readEntity(id, map));
  const checked = sessionSchema.safeParse(raw);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return fail({ path: issue ? issue.path.join('.') : '', message: INVALID_ROOM_CONTENT });
  }
  const settled = settleReferences(raw as Session);
  const broken = checkRules(settled, { chronology: false });
  if (broken.length > 0) return fail({ path: broken[0]!.path, message: INVALID_ROOM_CONTENT });
  if (!previous || previous.id !== settled.id) return ok(settled);
  return ok(reuseUnchanged(settled, previous));
}

/**
 * Two laptops' edits, each valid, can merge into references to nothing: a step added in a lane
 * another laptop deleted, a relation to an actor deleted meanwhile. They are settled as the
 * deleting commands would have: the step goes to the first lane (or goes, with no lane left), what
 * pointed at a deleted object lets go of it. A session with nothing to settle is returned as is.
 */
export function settleReferences(session: Session): Session {
  const actorIds = new Set(session.actors.map((a) => a.id));
  const laneIds = new Set(session.lanes.map((l) => l.id));
  const firstLane = session.lanes[0]?.id;
  let changed = false;
  const keep = <T>(items: T[], next: T[]) => {
    const same = next.length === items.length && next.every((item, i) => item === items[i]);
    if (!same) changed = true;
    return same ? items : next;
  };

  const lanes = keep(
    session.lanes,
    session.lanes.map((lane) => (lane.actorId !== undefined && !actorIds.has(lane.actorId) ? omit(lane, 'actorId') : lane)),
  );
  const steps = keep(
    session.steps,
    session.steps.flatMap((step) => {
      let next = step;
      if (!laneIds.has(step.laneId)) {
        if (firstLane === undefined) return [];
        next = { ...next, laneId: firstLane };
      }
      // Its start and end set at once on two laptops: an end before the start goes.
      if (step.date && step.endDate && comparePartialDates(step.endDate, step.date) < 0) next = omit(next, 'endDate');
      if (step.participants.some((p) => !actorIds.has(p.actorId))) {
        next = { ...next, participants: step.participants.filter((p) => actorIds.has(p.actorId)) };
      }
      return [next];
    }),
  );
  const stepIds = new Set(steps.map((s) => s.id));
  const links = keep(session.links, session.links.filter((l) => stepIds.has(l.from) && stepIds.has(l.to)));
  const relations = keep(
    session.relations,
    session.relations
      .filter((r) => actorIds.has(r.from) && actorIds.has(r.to))
      .map((r) => (r.answer !== undefined && r.kind !== 'remonte' ? omit(r, 'answer') : r)),
  );
  const actors = keep(
    session.actors,
    session.actors.map((a) => (a.nonUsage !== undefined && a.usage !== 'non-utilisateur' ? omit(a, 'nonUsage') : a)),
  );
  const notes = keep(
    session.notes,
    session.notes.map((n) => {
      const t = n.attachedTo;
      return t && !(t.type === 'step' ? stepIds : actorIds).has(t.id) ? omit(n, 'attachedTo') : n;
    }),
  );
  let gaps = session.gaps;
  if (gaps?.some((g) => g.stepId !== undefined && !stepIds.has(g.stepId))) {
    gaps = gaps.map((g) => (g.stepId !== undefined && !stepIds.has(g.stepId) ? omit(g, 'stepId') : g));
    changed = true;
  }
  let viewpoints = session.viewpoints;
  if (viewpoints) {
    const objectives = viewpoints.objectives.map((o) => (o.actorId !== undefined && !actorIds.has(o.actorId) ? omit(o, 'actorId') : o));
    const objectiveIds = new Set(objectives.map((o) => o.id));
    const matches = viewpoints.matches?.filter(([a, b]) => objectiveIds.has(a) && objectiveIds.has(b));
    const objectivesChanged = objectives.some((o, i) => o !== viewpoints!.objectives[i]);
    const matchesChanged = (matches?.length ?? 0) !== (viewpoints.matches?.length ?? 0);
    if (objectivesChanged || matchesChanged) {
      viewpoints = { ...viewpoints, objectives, ...(viewpoints.matches ? { matches: matches! } : {}) };
      changed = true;
    }
  }
  if (!changed) return session;
  return {
    ...session, lanes, steps, links, relations, actors, notes,
    ...(gaps ? { gaps } : {}),
    ...(viewpoints ? { viewpoints } : {}),
  };
}

function omit<T extends object, K extends keyof T>(item: T, key: K): Omit<T, K> & T {
  const { [key]: _dropped, ...rest } = item;
  return rest as Omit<T, K> & T;
}

/** The session read, with the previous version's objects wherever nothing changed. */
function reuseUnchanged(next: Session, previous: Session): Session {
  const out: Record<string, unknown> = {};
  const prevRecord = previous as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(next)) {
    if ((ENTITY_KINDS as readonly string[]).includes(key)) continue;
    out[key] = sameJson(value, prevRecord[key]) ? prevRecord[key] : value;
  }
  for (const kind of ENTITY_KINDS) {
    const before = previous[kind] as Entity[];
    const byId = new Map(before.map((item) => [item.id, item]));
    const items = (next[kind] as Entity[]).map((item) => {
      const old = byId.get(item.id);
      return old && sameEntity(old, item) ? old : item;
    });
    const same = items.length === before.length && items.every((item, i) => item === before[i]);
    out[kind] = same ? before : items;
  }
  const session = out as unknown as Session;
  const unchanged = Object.keys(out).length === Object.keys(prevRecord).length && Object.keys(out).every((k) => out[k] === prevRecord[k]);
  return unchanged ? previous : session;
}

function sameEntity(a: Entity, b: Entity): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!sameJson(a[key], b[key])) return false;
  return true;
}

/**
 * Writes into the document what changed from one version of the session to the next: only the
 * changed fields, the added and deleted entities, and new order keys for the entities that moved,
 * in one transaction with the given origin (the room's undo manager tracks the local origin).
 */
export function applySessionChange(doc: Y.Doc, prev: Session, next: Session, origin: unknown): void {
  if (prev === next) return;
  doc.transact(() => {
    const header = headerMap(doc);
    const a = headerOf(prev) as Record<string, unknown>;
    const b = headerOf(next) as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (sameJson(a[key], b[key]) && header.has(key) === (b[key] !== undefined)) continue;
      if (b[key] === undefined) header.delete(key);
      else header.set(key, b[key]);
    }
    for (const kind of ENTITY_KINDS) {
      const before = prev[kind] as Entity[];
      const after = next[kind] as Entity[];
      if (before === after) continue;
      applyCollectionChange(collectionMap(doc, kind), before, after);
    }
  }, origin);
}

function applyCollectionChange(map: Y.Map<Y.Map<Json>>, before: Entity[], after: Entity[]): void {
  const old = new Map(before.map((item) => [item.id, item]));
  const kept = new Set<string>();
  const fresh = new Set<string>();
  for (const item of after) {
    kept.add(item.id);
    const was = old.get(item.id);
    const row = map.get(item.id);
    if (!(row instanceof Y.Map)) {
      map.set(item.id, entityMap(item, 0)); // its order is set below
      fresh.add(item.id);
      continue;
    }
    if (was === item) continue;
    const prevFields = (was ?? {}) as Record<string, unknown>;
    for (const key of new Set([...Object.keys(prevFields), ...Object.keys(item)])) {
      if (key === ORDER_KEY) continue;
      const value = item[key];
      if (value === undefined) {
        if (row.has(key)) row.delete(key);
      } else if (!was || !sameJson(prevFields[key], value) || !row.has(key)) {
        row.set(key, value);
      }
    }
  }
  for (const item of before) if (!kept.has(item.id)) map.delete(item.id);
  // The usual edit changes fields, not the order: the order keys are then left alone.
  const sameOrder = before.length === after.length && before.every((item, i) => item.id === after[i]!.id);
  if (!sameOrder || fresh.size > 0) placeInOrder(map, after.map((item) => item.id), fresh);
}

/**
 * Gives order keys to the entities that are out of place: those on the longest run already in
 * increasing order keep theirs (an edit elsewhere in the list is not overwritten), the others get
 * a number between their kept neighbours.
 */
function placeInOrder(map: Y.Map<Y.Map<Json>>, ids: string[], fresh: Set<string>): void {
  const rows = ids.map((id) => map.get(id)!);
  const keys = rows.map((row, i) => {
    const o = row.get(ORDER_KEY);
    return typeof o === 'number' && Number.isFinite(o) && !fresh.has(ids[i]!) ? o : NaN;
  });
  const keep = longestIncreasing(keys);
  let i = 0;
  while (i < ids.length) {
    if (keep.has(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < ids.length && !keep.has(j)) j++;
    // Rows i..j-1 go between keys[i-1] and keys[j].
    const lo = i > 0 ? keys[i - 1]! : undefined;
    const hi = j < ids.length ? keys[j]! : undefined;
    const count = j - i;
    const from = lo ?? (hi !== undefined ? hi - count - 1 : 0);
    const to = hi ?? from + count + 1;
    const step = (to - from) / (count + 1);
    if (!(step > 0) || from + step === from || to - step === to) {
      renumber(rows);
      return;
    }
    for (let k = 0; k < count; k++) {
      const value = from + step * (k + 1);
      keys[i + k] = value;
      if (rows[i + k]!.get(ORDER_KEY) !== value) rows[i + k]!.set(ORDER_KEY, value);
    }
    i = j;
  }
}

function renumber(rows: Y.Map<Json>[]): void {
  rows.forEach((row, i) => {
    if (row.get(ORDER_KEY) !== i) row.set(ORDER_KEY, i);
  });
}

/** The indices of a longest strictly increasing run of the numbers (NaN never on it). */
function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = []; // index of the smallest tail of each length
  const parent = new Array<number>(values.length).fill(-1);
  values.forEach((v, i) => {
    if (Number.isNaN(v)) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) parent[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const kept = new Set<number>();
  let k = tails.length ? tails[tails.length - 1]! : -1;
  while (k >= 0) {
    kept.add(k);
    k = parent[k]!;
  }
  return kept;
}

/** A room's list of sessions (the index document `salle`): what the join page shows. */
export interface RoomSessionEntry {
  id: string;
  title: string;
  establishment: string;
  project: string;
  updatedAt: string;
}

export const INDEX_MAP = 'sessions';

/** Adds or updates a session's line in the room's index document. */
export function putIndexEntry(doc: Y.Doc, session: Session, origin: unknown = null): void {
  doc.transact(() => {
    const map = doc.getMap<Y.Map<Json>>(INDEX_MAP);
    let row = map.get(session.id);
    if (!(row instanceof Y.Map)) {
      row = new Y.Map<Json>();
      map.set(session.id, row);
    }
    const fields = { title: session.title, establishment: session.establishment.name, project: session.project.name, updatedAt: session.updatedAt };
    for (const [key, value] of Object.entries(fields)) if (row.get(key) !== value) row.set(key, value);
  }, origin);
}

/** The room's sessions, the lines that make sense (a hostile line is left out), by title. */
export function readIndex(doc: Y.Doc): RoomSessionEntry[] {
  const out: RoomSessionEntry[] = [];
  for (const [id, row] of doc.getMap<Y.Map<Json>>(INDEX_MAP).entries()) {
    if (!(row instanceof Y.Map) || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) continue;
    const text = (key: string) => {
      const v = row.get(key);
      return typeof v === 'string' ? v.slice(0, 200) : '';
    };
    if (!text('title')) continue;
    out.push({ id, title: text('title'), establishment: text('establishment'), project: text('project'), updatedAt: text('updatedAt') });
  }
  return out.sort((a, b) => a.title.localeCompare(b.title, 'fr'));
}
