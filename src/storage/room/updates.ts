/**
 * The room's Yjs documents kept in this browser (Dexie table `roomUpdates`): every update is
 * appended as it happens, and read back, merged, when the document is opened again. This is how
 * an edit made offline in the room survives a reload and reaches the room when the network is back.
 */
import * as Y from 'yjs';
import type { AciaDatabase } from '../db';

/** Above this many rows, opening a document merges them into one. */
export const COMPACT_ABOVE = 50;

/** The document's updates kept here, merged into one (null when none). Compacts them on the way. */
export async function loadRoomDoc(db: AciaDatabase, docName: string): Promise<Uint8Array | null> {
  const rows = await db.roomUpdates.where('docName').equals(docName).sortBy('seq');
  if (rows.length === 0) return null;
  const merged = rows.length === 1 ? rows[0]!.update : Y.mergeUpdates(rows.map((r) => r.update));
  if (rows.length > COMPACT_ABOVE) {
    // Replaced in one transaction: the rows read are gone and their merge is in, or nothing changed.
    await db.transaction('rw', db.roomUpdates, async () => {
      await db.roomUpdates.bulkDelete(rows.map((r) => r.seq!));
      await db.roomUpdates.add({ docName, update: merged });
    });
  }
  return merged;
}

/** Keeps one update of the document. */
export async function appendRoomUpdate(db: AciaDatabase, docName: string, update: Uint8Array): Promise<void> {
  await db.roomUpdates.add({ docName, update });
}

/** Whether this browser holds the document (the session was opened or published in a room). */
export async function hasRoomDoc(db: AciaDatabase, docName: string): Promise<boolean> {
  return (await db.roomUpdates.where('docName').equals(docName).count()) > 0;
}

export const sessionDocName = (sessionId: string) => `session/${sessionId}`;
export const INDEX_DOC = 'salle';
