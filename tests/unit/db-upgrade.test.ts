import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../src/domain/format/file';
import { headerOf } from '../../src/domain/session';
import { ENTITY_KINDS } from '../../src/domain/types';
import { AciaDatabase } from '../../src/storage/db';
import { listSessions, loadSession } from '../../src/storage/repository';
import { appendRoomUpdate } from '../../src/storage/room/updates';
import { exampleText } from '../formatExamples';

/**
 * A database exactly as the first released schema (Dexie version 1 = IndexedDB version 10)
 * wrote it, built with raw IndexedDB calls, then opened by the current code.
 */
async function writeFirstSchemaDatabase(name: string) {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error('example');
  const session = parsed.value.session;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 10);
    req.onupgradeneeded = () => {
      const d = req.result;
      d.createObjectStore('sessions', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
      for (const kind of ENTITY_KINDS) d.createObjectStore(kind, { keyPath: ['sessionId', 'id'] }).createIndex('sessionId', 'sessionId');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['sessions', ...ENTITY_KINDS], 'readwrite');
    tx.objectStore('sessions').put({ ...headerOf(session), lastExportedAt: '2026-11-20T10:00:00.000Z' });
    for (const kind of ENTITY_KINDS) {
      (session[kind] as { id: string }[]).forEach((item, order) => tx.objectStore(kind).put({ ...item, sessionId: session.id, order }));
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return session;
}

describe('upgrading the database', () => {
  it('keeps every session written by the first schema', async () => {
    const name = `first-schema-${crypto.randomUUID()}`;
    const session = await writeFirstSchemaDatabase(name);
    const db = new AciaDatabase(name);
    expect((await listSessions(db)).map((s) => [s.title, s.lastExportedAt])).toEqual([[session.title, '2026-11-20T10:00:00.000Z']]);
    expect(await loadSession(db, session.id)).toEqual({ ok: true, value: session });
    // The export date moved to its own table (version 2): the session row is the header alone.
    expect(await db.sessions.get(session.id)).toEqual(headerOf(session));
    db.close();
  });
});

describe('the room updates table (version 3)', () => {
  it('comes empty over a database of version 2, keeping its sessions, and keeps updates in order', async () => {
    const name = `second-schema-${crypto.randomUUID()}`;
    const parsed = parseSessionFile(exampleText('dui-groupement.json'));
    if (!parsed.ok) throw new Error('example');
    const session = parsed.value.session;
    // Written by version 2 of the schema (as the app before the room left it).
    const entity = '[sessionId+id], sessionId';
    const v2 = new Dexie(name);
    v2.version(2).stores({ sessions: 'id, updatedAt', ...Object.fromEntries(ENTITY_KINDS.map((k) => [k, entity])), exports: 'sessionId' });
    await v2.table('sessions').put(headerOf(session));
    for (const kind of ENTITY_KINDS) {
      await v2.table(kind).bulkPut((session[kind] as { id: string }[]).map((item, order) => ({ ...item, sessionId: session.id, order })));
    }
    v2.close();
    const db = new AciaDatabase(name);
    expect(await loadSession(db, session.id)).toEqual({ ok: true, value: session });
    expect(await db.roomUpdates.count()).toBe(0);
    await appendRoomUpdate(db, 'session/x', new Uint8Array([1]));
    await appendRoomUpdate(db, 'salle', new Uint8Array([9]));
    await appendRoomUpdate(db, 'session/x', new Uint8Array([2]));
    expect((await db.roomUpdates.where('docName').equals('session/x').sortBy('seq')).map((r) => [...r.update])).toEqual([[1], [2]]);
    db.close();
  });
});
