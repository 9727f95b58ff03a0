// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseSessionFile } from '../../src/domain/format/file';
import { updateStep } from '../../src/domain/commands/conduct';
import type { Session } from '../../src/domain/types';
import { appContext } from '../../src/state/actionContext';
import { useDocumentStore } from '../../src/state/documentStore';
import { bindRoomSession, boundRoomDoc, useRoomStore, type RoomBinding } from '../../src/state/roomSession';
import { openSession } from '../../src/state/sessionController';
import { getDb } from '../../src/storage/db';
import { deleteSession, saveSession } from '../../src/storage/repository';
import { appendRoomUpdate, hasRoomDoc, loadRoomDoc, sessionDocName } from '../../src/storage/room/updates';
import { docToSession, INVALID_ROOM_CONTENT, sessionToDoc } from '../../src/storage/room/ysession';
import { exampleText } from '../formatExamples';

function dui(id: string): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return { ...parsed.value.session, id };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A session kept in this browser from a room (its rows and its room document), opened and bound. */
async function openInRoom(id: string): Promise<{ session: Session; doc: Y.Doc; binding: RoomBinding }> {
  const session = dui(id);
  await saveSession(getDb(), session);
  await appendRoomUpdate(getDb(), sessionDocName(id), Y.encodeStateAsUpdate(sessionToDoc(session)));
  const handle = await openSession(id);
  if ('error' in handle) throw new Error(handle.error);
  cleanups.push(async () => {
    await handle.persister.flush(); // the edits on disk before the tab's channel closes
    await handle.close();
  });
  const binding = await bindRoomSession(id);
  if (!binding) throw new Error('not bound');
  cleanups.push(() => binding.close());
  return { session, doc: boundRoomDoc()!, binding };
}

/** Another laptop's change, as the provider applies it (origin: not this laptop). */
function remoteEdit(doc: Y.Doc, stepId: string, field: string, value: unknown) {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  other.getMap<Y.Map<unknown>>('steps').get(stepId)!.set(field, value);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), 'provider');
}

const stepTitle = (i: number) => useDocumentStore.getState().session!.steps[i]!.title;

describe('a session open in the room', () => {
  it('writes each command into the room document, and a remote edit into the page without undo', async () => {
    const { session, doc } = await openInRoom('salle-a');
    const [first, second] = [session.steps[0]!.id, session.steps[1]!.id];
    appContext.apply((s) => updateStep(s, first, { title: 'Mon titre' }));
    expect(doc.getMap<Y.Map<unknown>>('steps').get(first)!.get('title')).toBe('Mon titre');

    remoteEdit(doc, second, 'title', 'Titre de l’autre poste');
    expect(stepTitle(1)).toBe('Titre de l’autre poste');

    // Undo takes back my title, not the other laptop's.
    expect(appContext.history.canUndo()).toBe(true);
    appContext.history.undo();
    expect(stepTitle(0)).toBe(session.steps[0]!.title);
    expect(stepTitle(1)).toBe('Titre de l’autre poste');
    expect(appContext.history.canUndo()).toBe(false);
    appContext.history.redo();
    expect(stepTitle(0)).toBe('Mon titre');
    expect(stepTitle(1)).toBe('Titre de l’autre poste');
    expect(docToSession(doc).ok && (docToSession(doc) as { value: Session }).value).toEqual(useDocumentStore.getState().session);
  });

  it('a remote change alone leaves nothing to undo', async () => {
    const { session, doc } = await openInRoom('salle-b');
    remoteEdit(doc, session.steps[2]!.id, 'title', 'Venu de la salle');
    expect(stepTitle(2)).toBe('Venu de la salle');
    expect(appContext.history.canUndo()).toBe(false);
    appContext.history.undo();
    expect(stepTitle(2)).toBe('Venu de la salle');
  });

  it('refuses invalid content from the room: the session is unchanged, a French message says why', async () => {
    const { session, doc } = await openInRoom('salle-c');
    const before = useDocumentStore.getState().session;
    remoteEdit(doc, session.steps[0]!.id, 'title', 42);
    expect(useDocumentStore.getState().session).toBe(before);
    expect(useRoomStore.getState().error).toBe(INVALID_ROOM_CONTENT);
  });

  it('keeps the room document in this browser, so an edit made offline survives a reload', async () => {
    const { session, binding } = await openInRoom('salle-d');
    appContext.apply((s) => updateStep(s, session.steps[0]!.id, { title: 'Hors ligne' }));
    await binding.close();
    cleanups.splice(cleanups.length - 1, 1);
    const kept = new Y.Doc();
    Y.applyUpdate(kept, (await loadRoomDoc(getDb(), sessionDocName('salle-d')))!);
    const read = docToSession(kept);
    expect(read.ok && read.value.steps[0]!.title).toBe('Hors ligne');
  });

  it('an edit made while the room document is read goes into it', async () => {
    const session = dui('salle-e');
    await saveSession(getDb(), session);
    await appendRoomUpdate(getDb(), sessionDocName('salle-e'), Y.encodeStateAsUpdate(sessionToDoc(session)));
    const handle = await openSession('salle-e');
    if ('error' in handle) throw new Error(handle.error);
    cleanups.push(async () => {
      await handle.persister.flush();
      await handle.close();
    });
    const binding = bindRoomSession('salle-e');
    appContext.apply((s) => updateStep(s, s.steps[0]!.id, { title: 'Pendant la lecture' }));
    const bound = await binding;
    cleanups.push(() => bound!.close());
    expect(stepTitle(0)).toBe('Pendant la lecture');
    const read = docToSession(boundRoomDoc()!);
    expect(read.ok && read.value.steps[0]!.title).toBe('Pendant la lecture');
  });

  it('deleting the session here forgets its room document here', async () => {
    const { binding } = await openInRoom('salle-f');
    await binding.close();
    cleanups.splice(cleanups.length - 1, 1);
    await deleteSession(getDb(), 'salle-f');
    expect(await hasRoomDoc(getDb(), sessionDocName('salle-f'))).toBe(false);
  });
});
