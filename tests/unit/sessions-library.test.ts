import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateBackup } from '../../src/domain/format/backup';
import { parseSessionFile } from '../../src/domain/format/file';
import type { Session } from '../../src/domain/types';
import {
  backupAll, createSession, deleteSession, duplicateSession, importSession, importSessionAsCopy, listSessions, loadSession,
  markExported, needsBackup, renameSession, restoreBackup, sessionExists, storageInfo,
} from '../../src/state/sessionsLibrary';
import { AciaDatabase, setDb } from '../../src/storage/db';
import { exampleText } from '../formatExamples';

function example(name: string, patch: Partial<Session> = {}): Session {
  const parsed = parseSessionFile(exampleText(name));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return { ...parsed.value.session, ...patch };
}
const dui = (patch: Partial<Session> = {}) => example('dui-groupement.json', patch);

let db: AciaDatabase;
beforeEach(() => {
  db = new AciaDatabase(`library-${crypto.randomUUID()}`);
  setDb(db);
});
afterEach(() => {
  setDb(undefined);
  db.close();
  vi.unstubAllGlobals();
});

const titles = async () => (await listSessions()).map((s) => s.title);

describe('the sessions library', () => {
  it('creates a session, gives it back whole, and asks once for persistent storage', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persist } });
    const session = dui();
    await createSession(session);
    await createSession(dui({ id: 'autre', title: 'Autre' }));
    expect(await loadSession(session.id)).toEqual({ ok: true, value: session });
    expect(await sessionExists(session.id)).toBe(true);
    expect(await sessionExists('absent')).toBe(false);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('says in French that a session is not there', async () => {
    expect(await loadSession('absent')).toEqual({
      ok: false,
      errors: [{ path: '', message: "Cet atelier n'existe pas (ou plus) dans ce navigateur." }],
    });
  });

  it('lists newest change first; renames, duplicates and deletes', async () => {
    await createSession(dui({ id: 'a', title: 'A', updatedAt: '2026-01-01T00:00:00.000Z' }));
    await createSession(dui({ id: 'b', title: 'B', updatedAt: '2026-02-01T00:00:00.000Z' }));
    expect(await titles()).toEqual(['B', 'A']);

    await renameSession('a', 'A renommé', new Date('2026-03-01T00:00:00Z'));
    expect(await titles()).toEqual(['A renommé', 'B']);

    const copy = await duplicateSession('a', new Date('2026-04-01T00:00:00Z'));
    if (!copy.ok) throw new Error(copy.errors[0]!.message);
    expect(copy.value).toMatchObject({ title: 'A renommé (copie)', updatedAt: '2026-04-01T00:00:00.000Z' });
    expect(copy.value.id).not.toBe('a');
    expect(await titles()).toEqual(['A renommé (copie)', 'A renommé', 'B']);
    expect((await duplicateSession('absent')).ok).toBe(false);

    await markExported('a');
    await deleteSession('a');
    expect(await titles()).toEqual(['A renommé (copie)', 'B']);
    expect(await db.steps.where('sessionId').equals('a').count()).toBe(0);
    expect(await db.exports.get('a')).toBeUndefined();
  });

  it('imports a file over the stored session, or beside it as a copy', async () => {
    const stored = dui({ title: 'Stockée' });
    await createSession(stored);
    await importSession(dui({ title: 'Du fichier' }));
    expect(await titles()).toEqual(['Du fichier']);

    const copy = await importSessionAsCopy(dui({ title: 'Du fichier' }), new Date('2026-05-01T00:00:00Z'));
    expect(copy.title).toBe('Du fichier (copie)');
    expect(copy.id).not.toBe(stored.id);
    expect(await loadSession(copy.id)).toEqual({ ok: true, value: copy });
    expect((await titles()).sort()).toEqual(['Du fichier', 'Du fichier (copie)']);
  });

  it('notes exports: a session exported after its last change needs no backup', async () => {
    const now = new Date('2026-06-01T00:00:00Z');
    await createSession(dui({ id: 'a', title: 'A', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' }));
    await createSession(dui({ id: 'b', title: 'B', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' }));
    expect(needsBackup(await listSessions(), now).map((s) => s.id).sort()).toEqual(['a', 'b']);
    await markExported('a', new Date('2026-05-30T00:00:00Z'));
    const rows = await listSessions();
    expect(rows.find((s) => s.id === 'a')?.lastExportedAt).toBe('2026-05-30T00:00:00.000Z');
    expect(needsBackup(rows, now).map((s) => s.id)).toEqual(['b']);
  });

  it('backs up every readable session in one file, counts the damaged ones, and notes the others as exported', async () => {
    const now = new Date('2026-07-14T10:00:00Z');
    const a = dui({ id: 'a', title: 'A' });
    const minimal = example('minimal.json');
    await createSession(a);
    await createSession(minimal);
    await createSession(dui({ id: 'abime', title: 'Abîmé' }));
    await db.steps.where('sessionId').equals('abime').modify((row) => void Object.assign(row, { kind: 'inconnu' }));

    const save = vi.fn<(text: string, fileName: string) => void>();
    const report = await backupAll(save, now);

    expect(report).toEqual({ saved: 2, damaged: 1, tooLarge: null });
    expect(save).toHaveBeenCalledTimes(1);
    const [text, fileName] = save.mock.calls[0]!;
    expect(fileName).toBe('cartographies-acia-sauvegarde-2026-07-14.json');
    const back = validateBackup(JSON.parse(text));
    if (!back.ok) throw new Error(back.errors[0]!.message);
    expect(back.value.map((s) => s.id).sort()).toEqual([a.id, minimal.id].sort());
    const exported = new Map((await listSessions()).map((s) => [s.id, s.lastExportedAt]));
    expect(exported.get('a')).toBe(now.toISOString());
    expect(exported.get(minimal.id)).toBe(now.toISOString());
    expect(exported.get('abime')).toBeUndefined();
  });

  it('restores a backup without overwriting: new sessions added, same ones left, different ones as copies', async () => {
    const a = dui({ id: 'a', title: 'A', updatedAt: '2026-02-01T00:00:00.000Z' });
    await createSession(a);
    const report = await restoreBackup([a, { ...a, title: 'A ancienne', updatedAt: '2026-01-01T00:00:00.000Z' }, example('minimal.json')]);
    expect(report).toEqual({ added: 1, copies: 1, unchanged: 1 });
    expect(await titles()).toHaveLength(3);
    expect(await titles()).toContain('A');
    expect((await titles()).some((t) => t.startsWith('A ancienne (sauvegarde du '))).toBe(true);
  });

  it("tells what the browser says of this site's storage, and nothing when it says nothing", async () => {
    vi.stubGlobal('navigator', {
      storage: { persisted: async () => true, estimate: async () => ({ usage: 2048, quota: 1_000_000 }) },
    });
    expect(await storageInfo()).toEqual({ persisted: true, usage: 2048, quota: 1_000_000 });
    vi.stubGlobal('navigator', { storage: { persisted: async () => Promise.reject(new Error('non')) } });
    expect(await storageInfo()).toEqual({ persisted: null, usage: null, quota: null });
    vi.stubGlobal('navigator', {});
    expect(await storageInfo()).toEqual({ persisted: null, usage: null, quota: null });
  });
});
