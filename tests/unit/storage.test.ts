import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseSessionFile } from '../../src/domain/format/file';
import type { Session } from '../../src/domain/types';
import { AciaDatabase } from '../../src/storage/db';
import { diffSessions, rowCount } from '../../src/storage/diff';
import { isQuotaError, storageErrorMessage } from '../../src/storage/errors';
import { FLUSH_DELAY_MS, SAVING_SHOWN_AFTER_MS, SessionPersister, type SaveStatus } from '../../src/storage/persister';
import {
  deleteSession, duplicateStoredSession, listSessions, loadSession, renameSession, saveSession,
} from '../../src/storage/repository';
import { exampleText } from '../formatExamples';

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}

let db: AciaDatabase;
beforeEach(() => {
  db = new AciaDatabase(`unit-${crypto.randomUUID()}`);
});
afterEach(() => db.close());

describe('the repository', () => {
  it('gives back a saved session equal to the original, in order', async () => {
    const session = dui();
    await saveSession(db, session);
    const loaded = await loadSession(db, session.id);
    expect(loaded).toEqual({ ok: true, value: session });
  });

  it('stores one row per entity, keyed by session', async () => {
    const session = dui();
    await saveSession(db, session);
    expect(await db.steps.where('sessionId').equals(session.id).count()).toBe(12);
    expect(await db.actors.count()).toBe(11);
    expect(await db.relations.count()).toBe(9);
  });

  it('lists sessions newest change first; renames; duplicates; deletes every row', async () => {
    const a = { ...dui(), id: 'a', title: 'A', updatedAt: '2026-01-01T00:00:00.000Z' };
    const b = { ...dui(), id: 'b', title: 'B', updatedAt: '2026-02-01T00:00:00.000Z' };
    await saveSession(db, a);
    await saveSession(db, b);
    expect((await listSessions(db)).map((s) => s.title)).toEqual(['B', 'A']);

    await renameSession(db, 'a', 'A renommé', new Date('2026-03-01T00:00:00Z'));
    expect((await listSessions(db)).map((s) => s.title)).toEqual(['A renommé', 'B']);

    const copy = await duplicateStoredSession(db, 'a', new Date('2026-04-01T00:00:00Z'));
    if (!copy.ok) throw new Error(copy.errors[0]!.message);
    expect(copy.value.title).toBe('A renommé (copie)');
    expect(copy.value.id).not.toBe('a');
    const loadedCopy = await loadSession(db, copy.value.id);
    expect(loadedCopy.ok && loadedCopy.value.steps).toEqual(a.steps);

    await deleteSession(db, 'a');
    expect((await listSessions(db)).map((s) => s.id).sort()).toEqual(['b', copy.value.id].sort());
    expect(await db.steps.where('sessionId').equals('a').count()).toBe(0);
    expect(await db.steps.where('sessionId').equals('b').count()).toBe(12);
  });

  it('refuses damaged stored data with a French message instead of opening it', async () => {
    const session = dui();
    await saveSession(db, session);
    await db.steps.update([session.id, 'step-03'], { laneId: 'disparu' });
    const loaded = await loadSession(db, session.id);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.errors[0]!.message).toMatch(/endommagées.*disparu/);
  });

  it('says so when a session does not exist', async () => {
    const loaded = await loadSession(db, 'nulle-part');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.errors[0]!.message).toContain("n'existe pas");
  });
});

describe('diffs', () => {
  it('an edited step title is one row; an unchanged session is none', () => {
    const before = dui();
    const after = { ...before, steps: before.steps.map((s, i) => (i === 4 ? { ...s, title: 'Autre titre' } : s)) };
    const diff = diffSessions(before, after);
    expect(rowCount(diff)).toBe(1);
    expect(diff.puts.steps.map((s) => s.id)).toEqual(['step-05']);
    expect(rowCount(diffSessions(before, before))).toBe(0);
  });

  it('two steps swapped are two rows, each with its new place', () => {
    const before = dui();
    const [a, b, ...rest] = before.steps;
    const diff = diffSessions(before, { ...before, steps: [b!, a!, ...rest] });
    expect(diff.puts.steps.map((s) => [s.id, s.order])).toEqual([[b!.id, 0], [a!.id, 1]]);
    expect(diff.deletes.steps).toEqual([]);
  });

  it('a deleted note is one delete; a header change writes the header', () => {
    const before = { ...dui(), notes: [{ id: 'n1', text: 'x', authorRole: 'dsi' as const, kind: 'constat' as const, map: 'conduite' as const }] };
    const after = { ...before, notes: [], title: 'Nouveau titre' };
    const diff = diffSessions(before, after);
    expect(diff.deletes.notes).toEqual(['n1']);
    expect(diff.header?.title).toBe('Nouveau titre');
  });
});

describe('the persister', () => {
  it('writes an edit to disk, setting the status to Enregistré, and only the changed row, without reading first', async () => {
    const session = dui();
    await saveSession(db, session);
    const statuses: SaveStatus['state'][] = [];
    const persister = new SessionPersister(db, session, { onStatus: (s) => statuses.push(s.state) });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const edited = { ...session, steps: session.steps.map((s) => (s.id === 'step-02' ? { ...s, title: 'Appel à projets ARS' } : s)) };
    persister.update(edited);
    // The edited row is placed at once, before anything else runs (the page re-renders after this).
    expect(put.mock.contexts.map((store) => (store as IDBObjectStore).name)).toEqual(['steps']);
    expect(persister.hasPendingChanges).toBe(true);
    await persister.flush();
    // The header (its store is indexed by date) follows in a transaction of its own.
    expect(put.mock.contexts.map((store) => (store as IDBObjectStore).name)).toEqual(['steps', 'sessions']);
    expect(transaction.mock.calls.map(([stores]) => [stores].flat())).toEqual([['steps'], ['sessions']]);
    transaction.mockRestore();
    expect(get).not.toHaveBeenCalled();
    put.mockRestore();
    get.mockRestore();
    expect(persister.hasPendingChanges).toBe(false);
    // A write of a few milliseconds goes straight to Enregistré: the status line does not flicker.
    expect(statuses).not.toContain('saving');
    expect(statuses.at(-1)).toBe('saved');
    const other = new AciaDatabase(db.name);
    expect((await other.steps.get([session.id, 'step-02']))?.title).toBe('Appel à projets ARS');
    expect((await other.sessions.get(session.id))?.updatedAt).not.toBe(session.updatedAt);
    other.close();
  });

  it('says Enregistrement… while a write lasts longer than SAVING_SHOWN_AFTER_MS', async () => {
    const session = dui();
    await saveSession(db, session);
    const statuses: SaveStatus['state'][] = [];
    const persister = new SessionPersister(db, session, { onStatus: (s) => statuses.push(s.state) });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      persister.update({ ...session, title: 'Un titre long à écrire' });
      // The write is under way (fake-indexeddb completes it on a later turn, not on these timers).
      vi.advanceTimersByTime(SAVING_SHOWN_AFTER_MS);
      expect(statuses).toEqual(['saving']);
    } finally {
      vi.useRealTimers();
    }
    await persister.flush();
    expect(statuses[0]).toBe('saving');
    expect(statuses.at(-1)).toBe('saved');
  });

  it('writes on its own after a change, with no explicit flush', async () => {
    const session = dui();
    await saveSession(db, session);
    const persister = new SessionPersister(db, session);
    persister.update({ ...session, title: 'Titre changé' });
    expect(FLUSH_DELAY_MS).toBeLessThan(300);
    await vi.waitFor(async () => expect((await db.sessions.get(session.id))?.title).toBe('Titre changé'), { timeout: 3000 });
  });

  it('keeps what failed to write and reports a full disk in French', async () => {
    const session = dui();
    await saveSession(db, session);
    const statuses: SaveStatus[] = [];
    const persister = new SessionPersister(db, session, { onStatus: (s) => statuses.push(s) });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    persister.update({ ...session, title: 'Perdu ?' });
    await persister.flush();
    const last = statuses.at(-1)!;
    expect(last.state).toBe('error');
    expect(last.state === 'error' && last.message).toContain('stockage du navigateur est plein');
    expect(persister.hasPendingChanges).toBe(true);
    expect((await db.sessions.get(session.id))?.title).toBe(session.title);

    put.mockRestore();
    await persister.flush();
    expect(statuses.at(-1)!.state).toBe('saved');
    expect((await db.sessions.get(session.id))?.title).toBe('Perdu ?');
  });
});

describe('storage errors', () => {
  it('recognises a quota error wrapped by Dexie', () => {
    const quota = Object.assign(new Error('q'), { name: 'QuotaExceededError' });
    expect(isQuotaError(Object.assign(new Error('a'), { name: 'AbortError', inner: quota }))).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(storageErrorMessage(new Error('boom'))).toContain("L'enregistrement a échoué");
  });
});
