/**
 * The sessions stored in this browser, as the pages use them: list, create, rename, duplicate,
 * delete, import, back up, restore, read one for an export, note an export, and the browser's
 * storage. Features come here, never to `storage/`; each function is a thin step over the
 * repository, on the app's database (`getDb`, which tests replace with `setDb`).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { backupSizeWarning, serializeBackup } from '../domain/format/backup';
import type { Result } from '../domain/result';
import { validateSession } from '../domain/format/file';
import { copyTitle, duplicateSession as duplicateModel, headerOf } from '../domain/session';
import type { Session } from '../domain/types';
import { getDb, isDatabaseOutdated, OUTDATED_EVENT } from '../storage/db';
import { storageErrorMessage } from '../storage/errors';
import { askPersistentStorage, type SaveStatus } from '../storage/persister';
import * as repository from '../storage/repository';
import type { RestoreReport, SessionSummary } from '../storage/repository';
import { announceSaved, useSessionsSavedElsewhere } from './sessionController';

export type { RestoreReport, SaveStatus, SessionSummary };
export { isDatabaseOutdated, OUTDATED_EVENT, storageErrorMessage };
export { needsBackup } from '../storage/repository';

/**
 * The stored sessions, newest change first; `undefined` while they are read. Follows every change
 * made here (a Dexie live query) and every save another tab announces.
 */
export function useSessionList(): SessionSummary[] | undefined {
  const savedElsewhere = useSessionsSavedElsewhere();
  const db = getDb();
  return useLiveQuery(() => repository.listSessions(db), [db, savedElsewhere]);
}

/** The stored sessions, newest change first. */
export const listSessions = (): Promise<SessionSummary[]> => repository.listSessions(getDb());

/** A stored session, validated: `ok: false` with a French message when it is missing or damaged. */
export const loadSession = (id: string): Promise<Result<Session>> => repository.loadSession(getDb(), id);

export const sessionExists = (id: string): Promise<boolean> => repository.sessionExists(getDb(), id);

/** Stores a new session, and asks the browser (once) to keep this site's data. */
export async function createSession(session: Session): Promise<void> {
  await repository.saveSession(getDb(), session);
  askPersistentStorage();
}

/** Stores a session read from a file, replacing the one stored under its id, if any. */
export const importSession = (session: Session): Promise<void> => repository.saveSession(getDb(), session);

/** Stores a session read from a file as a copy (new id, title « … (copie) »), beside the one with its id; returns the copy. */
export async function importSessionAsCopy(session: Session, now: Date = new Date()): Promise<Session> {
  const copy = duplicateModel(session, copyTitle(session.title), now);
  await repository.saveSession(getDb(), copy);
  return copy;
}

export const renameSession = (id: string, title: string, now: Date = new Date()): Promise<void> =>
  repository.renameSession(getDb(), id, title, now);

/** Copies a stored session under a new id; the copy, or why it could not be made. */
export const duplicateSession = (id: string, now: Date = new Date()): Promise<Result<Session>> =>
  repository.duplicateStoredSession(getDb(), id, now);

/**
 * Changes a stored session's header (its action collective, its institutional events) with a
 * domain command, from the home page: validated, then written, and announced to the other tabs.
 * Only the header is written: `change` must leave the session's entities as they are.
 */
export async function updateStoredSession(id: string, change: (session: Session) => Session, now: Date = new Date()): Promise<Result<Session>> {
  const loaded = await repository.loadSession(getDb(), id);
  if (!loaded.ok) return loaded;
  const next = change(loaded.value);
  if (next === loaded.value) return loaded;
  const checked = validateSession({ ...next, updatedAt: now.toISOString() }, { chronology: false });
  if (!checked.ok) return checked;
  await repository.saveSessionHeader(getDb(), headerOf(checked.value));
  announceSaved(id);
  return checked;
}

/** Deletes a session, its rows and its export date. */
export const deleteSession = (id: string): Promise<void> => repository.deleteSession(getDb(), id);

/** Notes that a session was exported from here (the home page's reminder counts from then). */
export const markExported = (id: string, at: Date = new Date()): Promise<void> => repository.markExported(getDb(), id, at);

/** Restores a backup's sessions; nothing stored is overwritten (see `restoreSessions`). */
export const restoreBackup = (sessions: readonly Session[], now: Date = new Date()): Promise<RestoreReport> =>
  repository.restoreSessions(getDb(), sessions, now);

export interface BackupReport {
  /** Sessions in the backup. */
  saved: number;
  /** Sessions left out: their stored rows are damaged. */
  damaged: number;
  /** A French warning when the file is too large to be opened comfortably, or null. */
  tooLarge: string | null;
}

/**
 * Writes every readable session into one backup file, hands it to `save` (the download), then
 * notes each of them as exported.
 */
export async function backupAll(save: (text: string, fileName: string) => void, now: Date = new Date()): Promise<BackupReport> {
  const db = getDb();
  const { sessions, damaged } = await repository.loadAllSessions(db);
  const text = serializeBackup(sessions, now);
  save(text, `cartographies-acia-sauvegarde-${now.toISOString().slice(0, 10)}.json`);
  for (const s of sessions) await repository.markExported(db, s.id, now);
  return { saved: sessions.length, damaged, tooLarge: backupSizeWarning(new Blob([text]).size) };
}

export interface StorageInfo {
  /** Whether the browser keeps this site's data for sure; null when it does not say. */
  persisted: boolean | null;
  /** Bytes used and available, when the browser says. */
  usage: number | null;
  quota: number | null;
}

/** What the browser says of this site's storage (each part null when it does not say). */
export async function storageInfo(): Promise<StorageInfo> {
  const storage = globalThis.navigator?.storage;
  const [persisted, estimate] = await Promise.all([
    storage?.persisted?.().catch(() => null) ?? null,
    storage?.estimate?.().catch(() => null) ?? null,
  ]);
  return { persisted: persisted ?? null, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}
