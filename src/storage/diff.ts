/**
 * What changed between two versions of a session, as rows to put and ids to delete. Pure, and
 * cheap when the document is updated immutably: an unchanged collection keeps its array, an
 * unchanged entity keeps its object.
 */
import { headerOf } from '../domain/session';
import { ENTITY_KINDS, type EntityKind, type Session, type SessionHeader } from '../domain/types';
import type { EntityRows } from './db';

export interface SessionDiff {
  sessionId: string;
  header: SessionHeader | null;
  puts: { [K in EntityKind]: EntityRows[K][] };
  deletes: { [K in EntityKind]: string[] };
}

const emptyByKind = <T>(make: () => T) =>
  Object.fromEntries(ENTITY_KINDS.map((k) => [k, make()])) as { [K in EntityKind]: T };

export function headerChanged(prev: Session, next: Session): boolean {
  const a = headerOf(prev) as Record<string, unknown>;
  const b = headerOf(next) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (a[k] !== b[k]) return true;
  return false;
}

/** Every row of a session (for a first write). */
export function fullDiff(session: Session): SessionDiff {
  const diff: SessionDiff = {
    sessionId: session.id,
    header: headerOf(session),
    puts: emptyByKind(() => []),
    deletes: emptyByKind(() => []),
  };
  for (const kind of ENTITY_KINDS) {
    (diff.puts[kind] as unknown[]) = session[kind].map((item, order) => ({ ...item, sessionId: session.id, order }));
  }
  return diff;
}

export function diffSessions(prev: Session, next: Session): SessionDiff {
  const diff: SessionDiff = {
    sessionId: next.id,
    header: headerChanged(prev, next) ? headerOf(next) : null,
    puts: emptyByKind(() => []),
    deletes: emptyByKind(() => []),
  };
  for (const kind of ENTITY_KINDS) {
    const before = prev[kind] as readonly { id: string }[];
    const after = next[kind] as readonly { id: string }[];
    if (before === after) continue;
    const puts = diff.puts[kind] as unknown[];
    if (sameIdsInOrder(before, after)) {
      // The usual edit: the same items in the same order, some of them changed.
      after.forEach((item, order) => {
        if (item !== before[order]) puts.push({ ...item, sessionId: next.id, order });
      });
      continue;
    }
    const old = new Map<string, { item: { id: string }; order: number }>();
    before.forEach((item, order) => old.set(item.id, { item, order }));
    after.forEach((item, order) => {
      const was = old.get(item.id);
      old.delete(item.id);
      if (!was || was.item !== item || was.order !== order) puts.push({ ...item, sessionId: next.id, order });
    });
    diff.deletes[kind] = [...old.keys()];
  }
  return diff;
}

function sameIdsInOrder(a: readonly { id: string }[], b: readonly { id: string }[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && a[i]!.id !== b[i]!.id) return false;
  return true;
}

export function isEmptyDiff(diff: SessionDiff): boolean {
  return diff.header === null && ENTITY_KINDS.every((k) => diff.puts[k].length === 0 && diff.deletes[k].length === 0);
}

/** How many rows a diff writes or deletes. */
export function rowCount(diff: SessionDiff): number {
  return (diff.header ? 1 : 0) + ENTITY_KINDS.reduce((n, k) => n + diff.puts[k].length + diff.deletes[k].length, 0);
}
