/**
 * Reading and writing sessions in IndexedDB. Every session read back is validated as if it came
 * from a file: a damaged row gives a French message, never a broken page.
 */
import { validateSession } from '../domain/format/file';
import { copyTitle, duplicateSession as duplicateModel, headerOf } from '../domain/session';
import { ENTITY_KINDS, type Session } from '../domain/types';
import { fail, ok, type Result } from '../domain/result';
import { type AciaDatabase, type SessionRow } from './db';
import { fullDiff, type SessionDiff } from './diff';

export type SessionSummary = SessionRow;

/** Sessions, newest change first. */
export async function listSessions(db: AciaDatabase): Promise<SessionSummary[]> {
  const rows = await db.sessions.orderBy('updatedAt').reverse().toArray();
  return rows;
}

export async function sessionExists(db: AciaDatabase, id: string): Promise<boolean> {
  return (await db.sessions.get(id)) !== undefined;
}

function strip<T extends { sessionId: string; order: number }>(row: T): Omit<T, 'sessionId' | 'order'> {
  const { sessionId: _s, order: _o, ...item } = row;
  return item;
}

/** The whole session, validated. `ok: false` when it is missing or damaged. */
export async function loadSession(db: AciaDatabase, id: string): Promise<Result<Session>> {
  return db.transaction('r', db.allTables, async () => {
    const row = await db.sessions.get(id);
    if (!row) return fail<Session>({ path: '', message: "Cet atelier n'existe pas (ou plus) dans ce navigateur." });
    const { lastExportedAt: _e, ...header } = row;
    const session: Record<string, unknown> = { ...header };
    for (const kind of ENTITY_KINDS) {
      const rows = await db.entityTable(kind).where('sessionId').equals(id).toArray();
      rows.sort((a, b) => a.order - b.order);
      session[kind] = rows.map(strip);
    }
    const checked = validateSession(session as Session, { chronology: false });
    if (!checked.ok) {
      return fail<Session>({
        path: '',
        message: `Les données enregistrées de cet atelier sont endommagées : ${checked.errors[0]!.message}`,
      });
    }
    return ok(checked.value);
  });
}

/** Writes a diff in one transaction; the header's `updatedAt` is set to `savedAt`. */
export async function writeDiff(db: AciaDatabase, diff: SessionDiff, savedAt: string): Promise<void> {
  await db.transaction('rw', db.allTables, async () => {
    const existing = await db.sessions.get(diff.sessionId);
    const header = diff.header ?? (existing ? headerOf(existing as unknown as Session) : null);
    if (header) await db.sessions.put({ ...existing, ...header, updatedAt: savedAt } as SessionRow);
    for (const kind of ENTITY_KINDS) {
      const table = db.entityTable(kind);
      if (diff.deletes[kind].length > 0) await table.bulkDelete(diff.deletes[kind].map((id) => [diff.sessionId, id] as [string, string]));
      if (diff.puts[kind].length > 0) await table.bulkPut(diff.puts[kind] as never[]);
    }
  });
}

async function deleteRows(db: AciaDatabase, id: string): Promise<void> {
  for (const kind of ENTITY_KINDS) await db.entityTable(kind).where('sessionId').equals(id).delete();
}

/** Writes a whole session, replacing whatever was stored under its id. */
export async function saveSession(db: AciaDatabase, session: Session, extra: Partial<SessionRow> = {}): Promise<void> {
  await db.transaction('rw', db.allTables, async () => {
    await deleteRows(db, session.id);
    const diff = fullDiff(session);
    await db.sessions.put({ ...headerOf(session), ...extra });
    for (const kind of ENTITY_KINDS) await db.entityTable(kind).bulkPut(diff.puts[kind] as never[]);
  });
}

export async function deleteSession(db: AciaDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.allTables, async () => {
    await db.sessions.delete(id);
    await deleteRows(db, id);
  });
}

export async function renameSession(db: AciaDatabase, id: string, title: string, now: Date = new Date()): Promise<void> {
  await db.sessions.update(id, { title, updatedAt: now.toISOString() });
}

/** Copies a stored session under a new id; returns the copy, or the reason it failed. */
export async function duplicateStoredSession(db: AciaDatabase, id: string, now: Date = new Date()): Promise<Result<Session>> {
  const loaded = await loadSession(db, id);
  if (!loaded.ok) return loaded;
  const copy = duplicateModel(loaded.value, copyTitle(loaded.value.title), now);
  await saveSession(db, copy);
  return ok(copy);
}

export async function markExported(db: AciaDatabase, id: string, at: Date = new Date()): Promise<void> {
  await db.sessions.update(id, { lastExportedAt: at.toISOString() });
}

export interface RestoreReport {
  added: number;
  copies: number;
  unchanged: number;
}

/**
 * Restores the sessions of a backup in one transaction. Nothing stored is overwritten: a session
 * already here with the same last change is left as it is; one that differs comes in as a copy.
 */
export async function restoreSessions(db: AciaDatabase, sessions: readonly Session[], now: Date = new Date()): Promise<RestoreReport> {
  const report: RestoreReport = { added: 0, copies: 0, unchanged: 0 };
  const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short' });
  await db.transaction('rw', db.allTables, async () => {
    for (const session of sessions) {
      const existing = await db.sessions.get(session.id);
      if (!existing) {
        await saveSession(db, session);
        report.added++;
      } else if (existing.updatedAt === session.updatedAt) {
        report.unchanged++;
      } else {
        const title = `${session.title} (sauvegarde du ${day.format(new Date(session.updatedAt))})`;
        await saveSession(db, duplicateModel(session, title, now));
        report.copies++;
      }
    }
  });
  return report;
}

/** Every session stored here, for a backup; damaged ones are counted, not included. */
export async function loadAllSessions(db: AciaDatabase): Promise<{ sessions: Session[]; damaged: number }> {
  const rows = await listSessions(db);
  const sessions: Session[] = [];
  let damaged = 0;
  for (const row of rows) {
    const loaded = await loadSession(db, row.id);
    if (loaded.ok) sessions.push(loaded.value);
    else damaged++;
  }
  return { sessions, damaged };
}

/** Sessions changed since their last export, and not exported for more than a week. */
export function needsBackup(rows: readonly SessionRow[], now: Date = new Date()): SessionRow[] {
  const week = 7 * 24 * 3600 * 1000;
  return rows.filter((r) => {
    const since = r.lastExportedAt ?? r.createdAt;
    const changed = !r.lastExportedAt || r.updatedAt > r.lastExportedAt;
    return changed && now.getTime() - new Date(since).getTime() > week;
  });
}
