/**
 * Reading and writing sessions in IndexedDB. Every session read back is validated as if it came
 * from a file: a damaged row gives a French message, never a broken page.
 */
import { validateSession } from '../domain/format/file';
import { copyTitle, duplicateSession as duplicateModel, headerOf } from '../domain/session';
import { ENTITY_KINDS, type Session, type SessionHeader } from '../domain/types';
import { fail, ok, type Result } from '../domain/result';
import { type AciaDatabase, type SessionRow } from './db';
import { fullDiff, type SessionDiff } from './diff';

/** A session as the home page lists it: its header, and when it was last exported from here. */
export type SessionSummary = SessionRow & { lastExportedAt?: string };

/** Sessions, newest change first. */
export async function listSessions(db: AciaDatabase): Promise<SessionSummary[]> {
  return db.transaction('r', db.sessions, db.exports, async () => {
    const rows = await db.sessions.orderBy('updatedAt').reverse().toArray();
    const exported = new Map((await db.exports.toArray()).map((e) => [e.sessionId, e.lastExportedAt]));
    return rows.map((row) => {
      const at = exported.get(row.id);
      return at ? { ...row, lastExportedAt: at } : row;
    });
  });
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
  const read = await readSessionRows(db, id);
  if (!read) return fail<Session>({ path: '', message: "Cet atelier n'existe pas (ou plus) dans ce navigateur." });
  const session: Record<string, unknown> = { ...read.row };
  ENTITY_KINDS.forEach((kind, i) => {
    const rows = read.entities[i]!;
    rows.sort((a, b) => a.order - b.order);
    session[kind] = rows.map(strip);
  });
  const checked = validateSession(session as Session, { chronology: false });
  if (!checked.ok) {
    return fail<Session>({
      path: '',
      message: `Les données enregistrées de cet atelier sont endommagées : ${checked.errors[0]!.message}`,
    });
  }
  return ok(checked.value);
}

type EntityRow = { sessionId: string; order: number } & Record<string, unknown>;

/**
 * A session's rows, read with IndexedDB itself in one transaction: its seven requests placed at
 * once (each entity store by its primary key range `[id, …]`), and the rows taken as soon as the
 * last one answers. Opening a session waits for one round trip, not for Dexie's per-request
 * promises and the transaction's end. `null` when there is no such session.
 */
async function readSessionRows(db: AciaDatabase, id: string): Promise<{ row: SessionRow; entities: EntityRow[][] } | null> {
  if (!db.isOpen()) await db.open();
  return new Promise((resolve, reject) => {
    const tx = db.backendDB().transaction(['sessions', ...ENTITY_KINDS], 'readonly');
    const range = IDBKeyRange.bound([id], [id, []]);
    const requests = [tx.objectStore('sessions').get(id), ...ENTITY_KINDS.map((kind) => tx.objectStore(kind).getAll(range))];
    let pending = requests.length;
    for (const request of requests) {
      request.onsuccess = () => {
        if (--pending > 0) return;
        const [row, ...entities] = requests.map((r) => r.result as unknown);
        resolve(row ? { row: row as SessionRow, entities: entities as EntityRow[][] } : null);
      };
      request.onerror = () => reject(request.error);
    }
    tx.onabort = () => reject(tx.error ?? new DOMException('La lecture a été interrompue.', 'AbortError'));
  });
}

/**
 * Writes a diff's rows in one transaction, then the session's header (its `updatedAt` set to
 * `savedAt`) in a second one, once the first is on disk.
 *
 * Written with IndexedDB itself rather than Dexie: the rows' requests are placed before this
 * function returns, and each transaction is committed at once, so the rows reach the disk while
 * the page is busy, without waiting for the page to be free to hear back from each
 * request. (Dexie would start the transaction a microtask later and commit it only once the page
 * had handled every request's success.) Nothing is read: the header is written whole, from the
 * document.
 *
 * The rows of an edit are written together (a step and its links never half-saved). The header
 * goes apart, after them: its store is indexed by date, so its write costs more than the edited
 * row's, and the edited row need not wait for it. Should the page die between the two, the list
 * shows the session's previous date; no edit is lost.
 */
export function writeDiff(db: AciaDatabase, diff: SessionDiff, header: SessionHeader, savedAt: string): Promise<void> {
  if (!db.isOpen()) return db.open().then(() => writeDiff(db, diff, header, savedAt));
  const kinds = ENTITY_KINDS.filter((k) => diff.puts[k].length > 0 || diff.deletes[k].length > 0);
  const writeHeader = () => transact(db, ['sessions'], (tx) => tx.objectStore('sessions').put({ ...header, updatedAt: savedAt } satisfies SessionRow));
  if (kinds.length === 0) return writeHeader();
  const rows = transact(db, kinds, (tx) => {
    for (const kind of kinds) {
      const store = tx.objectStore(kind);
      for (const id of diff.deletes[kind]) store.delete([diff.sessionId, id]);
      for (const row of diff.puts[kind]) store.put(row);
    }
  });
  // The header once the rows are on disk: the disk does the edited rows alone first.
  return rows.then(writeHeader);
}

/** One read-write transaction, its requests placed by `place` and committed at once. */
function transact(db: AciaDatabase, stores: string[], place: (tx: IDBTransaction) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.backendDB().transaction(stores, 'readwrite');
    } catch (error) {
      reject(error);
      return;
    }
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException("L'écriture a été interrompue.", 'AbortError'));
    try {
      place(tx);
      tx.commit();
    } catch (error) {
      // A request refused at once (the disk is full, a value cannot be stored): nothing is written.
      tx.onabort = null;
      try {
        tx.abort();
      } catch {
        // already finished
      }
      reject(error);
    }
  });
}

async function deleteRows(db: AciaDatabase, id: string): Promise<void> {
  for (const kind of ENTITY_KINDS) await db.entityTable(kind).where('sessionId').equals(id).delete();
}

/** Writes a whole session, replacing whatever was stored under its id. */
export async function saveSession(db: AciaDatabase, session: Session): Promise<void> {
  await db.transaction('rw', db.allTables, async () => {
    await deleteRows(db, session.id);
    const diff = fullDiff(session);
    await db.sessions.put(headerOf(session));
    for (const kind of ENTITY_KINDS) await db.entityTable(kind).bulkPut(diff.puts[kind] as never[]);
  });
}

/** Writes a session's header alone (its rows unchanged): for changes made from the home page. */
export async function saveSessionHeader(db: AciaDatabase, header: SessionHeader): Promise<void> {
  await db.sessions.put(header);
}

export async function deleteSession(db: AciaDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.allTables, async () => {
    await db.sessions.delete(id);
    await db.exports.delete(id);
    await deleteRows(db, id);
    // What this browser kept of the session's room document goes with it (the room keeps its own).
    await db.roomUpdates.where('docName').equals(`session/${id}`).delete();
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
  await db.exports.put({ sessionId: id, lastExportedAt: at.toISOString() });
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
export function needsBackup(rows: readonly SessionSummary[], now: Date = new Date()): SessionSummary[] {
  const week = 7 * 24 * 3600 * 1000;
  return rows.filter((r) => {
    const since = r.lastExportedAt ?? r.createdAt;
    const changed = !r.lastExportedAt || r.updatedAt > r.lastExportedAt;
    return changed && now.getTime() - new Date(since).getTime() > week;
  });
}
