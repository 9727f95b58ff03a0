/**
 * A session open in the workshop room. While it is, the room's Y.Doc is the source of truth: each
 * local command is written into it as a diff (only the changed fields), and every change that
 * comes from elsewhere (another laptop, another tab, this laptop's undo) rebuilds the session and
 * replaces the document store's session without an undo step; the persister then writes it to
 * IndexedDB as usual, so the session stays in this browser. Undo undoes only this laptop's changes.
 */
import * as Y from 'yjs';
import { createStore } from 'zustand';
import type { Session } from '../domain/types';
import { ENTITY_KINDS } from '../domain/types';
import { getDb } from '../storage/db';
import { saveSession, sessionExists } from '../storage/repository';
import { hasRoomDoc, INDEX_DOC, sessionDocName } from '../storage/room/updates';
import { applySessionChange, docHasSession, docToSession, HEADER_MAP, putIndexEntry, readIndex, sessionToDoc, type RoomSessionEntry } from '../storage/room/ysession';
import { onDocumentChange, replaceDocument, setHistoryDelegate, useDocumentStore } from './documentStore';
import { boundHook } from './renderGate';
import { openRoomDoc, presenceName, ROOM_TOKEN_REFUSED, roomToken, RoomDoc, type RoomLinkState } from './roomConnection';
import { followInRoom } from './roomFollowing';
import { setStepPresence } from './roomPresence';
import { useViewStore } from './viewStore';

/** The origin of this laptop's own changes: the only ones its undo takes back. */
export const LOCAL_ORIGIN = Symbol('ce poste');

export interface Peer {
  clientId: number;
  name: string;
  sessionId: string | null;
  /** The step this person has selected (editing). */
  stepId: string | null;
}

export interface RoomState {
  /** Whether this page follows a room (a token or a session kept from one). */
  active: boolean;
  link: RoomLinkState | null;
  /** The session open in the room, if any. */
  sessionId: string | null;
  /** Who is in the room (on the index document), this laptop left out. */
  peers: Peer[];
  /** Who is on the open session, this laptop left out. */
  sessionPeers: Peer[];
  sessions: RoomSessionEntry[];
  error: string | null;
}

const roomStore = createStore<RoomState>()(() => ({
  active: false,
  link: null,
  sessionId: null,
  peers: [],
  sessionPeers: [],
  sessions: [],
  error: null,
}));
export const useRoomStore = boundHook(roomStore);

function linkState(state: RoomLinkState) {
  roomStore.setState({ link: state, ...(state === 'refuse' ? { error: ROOM_TOKEN_REFUSED } : {}) });
}

function peersOf(room: RoomDoc): Peer[] {
  const awareness = room.provider?.awareness;
  if (!awareness) return [];
  const out: Peer[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const user = (state as { user?: { name?: unknown; sessionId?: unknown; stepId?: unknown } }).user;
    if (!user || typeof user.name !== 'string') continue;
    out.push({
      clientId,
      name: user.name.slice(0, 60),
      sessionId: typeof user.sessionId === 'string' ? user.sessionId : null,
      stepId: typeof user.stepId === 'string' ? user.stepId : null,
    });
  }
  return out;
}

// ---- The room index (`salle`): the room's sessions and who is connected ----

let index: { room: RoomDoc; users: number } | null = null;

/** Joins the room's index document (shared by the pages of this tab); returns what leaves it. */
export async function joinRoomIndex(): Promise<{ room: RoomDoc; leave: () => void } | null> {
  const token = roomToken();
  if (!token) return null;
  if (!index) {
    const room = await openRoomDoc(INDEX_DOC, { token, keep: true, onState: linkState });
    if (index) {
      void room.close();
    } else {
      index = { room, users: 0 };
      const refresh = () => roomStore.setState({ sessions: readIndex(room.doc) });
      room.doc.on('update', refresh);
      refresh();
      room.provider?.awareness?.on('change', () => roomStore.setState({ peers: peersOf(room) }));
      room.provider?.setAwarenessField('user', { name: presenceName(), sessionId: roomStore.getState().sessionId, stepId: null });
      roomStore.setState({ active: true, link: room.state });
    }
  }
  const joined = index!;
  joined.users++;
  return {
    room: joined.room,
    leave: () => {
      joined.users--;
      // Kept for the tab's life while a page uses it; the last page out closes it.
      if (joined.users === 0 && index === joined) {
        index = null;
        void joined.room.close();
      }
    },
  };
}

/** Updates what this laptop tells the room (its name, its session, the step it edits). */
function tellRoom(fields: Partial<{ name: string; sessionId: string | null; stepId: string | null }>) {
  for (const room of [index?.room, bound?.room]) {
    const awareness = room?.provider?.awareness;
    if (!awareness) continue;
    const user = (awareness.getLocalState()?.user ?? {}) as Record<string, unknown>;
    awareness.setLocalStateField('user', { name: presenceName(), ...user, ...fields });
  }
}

export function renameInRoom(name: string): void {
  tellRoom({ name });
}

// ---- Publishing and fetching sessions ----

/** Puts a local session in the room (its document and its line in the index). */
export async function publishSession(session: Session): Promise<{ ok: true } | { error: string }> {
  const token = roomToken();
  const joined = await joinRoomIndex();
  if (!token || !joined) return { error: 'Aucune salle : ouvrez d’abord l’adresse de la salle.' };
  try {
    const room = await openRoomDoc(sessionDocName(session.id), { token, keep: true });
    await room.whenSynced();
    if (!docHasSession(room.doc)) sessionToDoc(session, room.doc, LOCAL_ORIGIN);
    putIndexEntry(joined.room.doc, session, LOCAL_ORIGIN);
    await room.flushed();
    await joined.room.flushed();
    // Let the provider send before closing (it sends each update as it comes, once connected).
    await waitUnsynced(room);
    await room.close();
    return { ok: true };
  } finally {
    joined.leave();
  }
}

/** Waits (a little) for the room to acknowledge this document's changes. */
function waitUnsynced(room: RoomDoc, timeoutMs = 3000): Promise<void> {
  const provider = room.provider;
  if (!provider || !provider.hasUnsyncedChanges) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(finish, timeoutMs);
    function finish() {
      clearTimeout(timer);
      provider!.off('unsyncedChanges', check);
      resolve();
    }
    function check() {
      if (!provider!.hasUnsyncedChanges) finish();
    }
    provider.on('unsyncedChanges', check);
  });
}

/** Reads a room session from the room (to keep it in this browser before opening it). */
export async function fetchRoomSession(id: string): Promise<{ session: Session } | { error: string }> {
  const token = roomToken();
  if (!token) return { error: 'Aucune salle : ouvrez d’abord l’adresse de la salle.' };
  const room = await openRoomDoc(sessionDocName(id), { token, keep: true });
  try {
    const synced = await room.whenSynced();
    if (!docHasSession(room.doc)) {
      return { error: synced ? "Cet atelier n'est plus dans la salle." : "La salle ne répond pas : vérifiez le réseau, puis réessayez." };
    }
    const read = docToSession(room.doc);
    if (!read.ok) return { error: read.errors[0]!.message };
    await room.flushed();
    return { session: read.value };
  } finally {
    await room.close();
  }
}

/**
 * Makes a room session ready to open here: read from the room and kept in this browser (its rows
 * and its room document), unless this browser keeps it already. Then its page follows the room.
 */
export async function takeFromRoom(id: string): Promise<{ ok: true } | { error: string }> {
  const db = getDb();
  if ((await sessionExists(db, id)) && (await hasRoomDoc(db, sessionDocName(id)))) return { ok: true };
  const fetched = await fetchRoomSession(id);
  if ('error' in fetched) return fetched;
  await saveSession(db, fetched.session);
  return { ok: true };
}

// ---- The open session, bound to its room document ----

let bound: { id: string; room: RoomDoc } | null = null;

/** The room document of the open session (for tests and the Salle dialog). */
export const boundRoomDoc = (): Y.Doc | null => bound?.room.doc ?? null;


export interface RoomBinding {
  close: () => Promise<void>;
}

/**
 * Binds the open session to its room document when this browser keeps one (the session was
 * opened or published in a room): the room's document, as kept here, replaces what the rows say,
 * then every change flows both ways. Without a token (a new tab), it works on the kept document
 * alone and merges when the room is joined again.
 */
export async function bindRoomSession(id: string): Promise<RoomBinding | null> {
  const db = getDb();
  const name = sessionDocName(id);
  // What the page shows as binding starts: an edit made while the room's document is read goes
  // into it below, not lost under the document's version.
  const opened = useDocumentStore.getState().session;
  if (!(await hasRoomDoc(db, name))) return null;
  const token = roomToken();
  const room = await openRoomDoc(name, {
    token,
    keep: true,
    onState: (state) => linkState(state),
  });
  const doc = room.doc;
  const store = useDocumentStore;
  const current = store.getState().session;
  if (current?.id !== id) {
    await room.close();
    return null;
  }
  if (docHasSession(doc)) {
    if (opened?.id === id && opened !== current) applySessionChange(doc, opened, current, LOCAL_ORIGIN);
    const read = docToSession(doc, current);
    if (read.ok && read.value !== current) store.getState().load(read.value);
    if (!read.ok) roomStore.setState({ error: read.errors[0]!.message });
  } else {
    sessionToDoc(current, doc, null);
  }

  let fromRoom = false;
  const apply = () => {
    const before = store.getState().session;
    if (before?.id !== id) return;
    const read = docToSession(doc, before);
    if (!read.ok) {
      // Refused: the session stays as it is, nothing is written.
      roomStore.setState({ error: read.errors[0]!.message });
      return;
    }
    roomStore.setState({ error: null });
    if (read.value === before) return;
    fromRoom = true;
    try {
      replaceDocument(read.value);
    } finally {
      fromRoom = false;
    }
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== LOCAL_ORIGIN) apply();
  };
  doc.on('update', onUpdate);
  const stopLocal = onDocumentChange((session, previous) => {
    if (fromRoom || !session || !previous || session.id !== id || previous.id !== id) return;
    applySessionChange(doc, previous, session, LOCAL_ORIGIN);
  });

  const undoManager = new Y.UndoManager([doc.getMap(HEADER_MAP), ...ENTITY_KINDS.map((kind) => doc.getMap(kind))], {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    // One command, one undo step, as outside the room.
    captureTimeout: 0,
  });
  setHistoryDelegate({
    undo: () => void undoManager.undo(),
    redo: () => void undoManager.redo(),
    canUndo: () => undoManager.canUndo(),
    canRedo: () => undoManager.canRedo(),
  });

  bound = { id, room };
  followInRoom(id, true);
  roomStore.setState({ active: true, sessionId: id, link: room.state });
  const awareness = room.provider?.awareness;
  const onPeers = () => {
    const peers = peersOf(room);
    roomStore.setState({ sessionPeers: peers });
    setStepPresence(peers);
  };
  awareness?.on('change', onPeers);
  awareness?.setLocalStateField('user', { name: presenceName(), sessionId: id, stepId: null });
  const stopSelection = useViewStore.subscribe((state, prev) => {
    if (state.selection === prev.selection) return;
    const step = state.selection.find((sel) => store.getState().session?.steps.some((s) => s.id === sel)) ?? null;
    tellRoom({ stepId: step });
  });
  const joined = await joinRoomIndex();
  tellRoom({ sessionId: id });
  // The room's line of this session follows its title.
  const stopIndex = onDocumentChange((session, previous) => {
    if (!joined || !session || session.id !== id || previous?.title === session.title) return;
    putIndexEntry(joined.room.doc, session, LOCAL_ORIGIN);
  });

  return {
    close: async () => {
      doc.off('update', onUpdate);
      stopLocal();
      stopIndex();
      stopSelection();
      awareness?.off('change', onPeers);
      setHistoryDelegate(null);
      undoManager.destroy();
      if (bound?.room === room) bound = null;
      followInRoom(id, false);
      roomStore.setState({ sessionId: null, sessionPeers: [] });
      setStepPresence([]);
      tellRoom({ sessionId: null, stepId: null });
      joined?.leave();
      await room.close();
    },
  };
}

// ---- The projector: every session of the room, read-only ----

/**
 * Follows every session of the room without keeping or writing anything (the projector's token is
 * read-only; the server refuses its writes). Calls back with the sessions that read as valid, in
 * the index's order, at most every 200 ms. Returns what stops it.
 */
export function watchRoomReadOnly(
  token: string,
  callbacks: { onSessions: (sessions: Session[]) => void; onState: (state: RoomLinkState) => void },
): () => void {
  let stopped = false;
  const docs = new Map<string, RoomDoc>();
  const read = new Map<string, Session>();
  let indexRoom: RoomDoc | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const publish = () => {
    timer = null;
    if (stopped || !indexRoom) return;
    const out: Session[] = [];
    for (const entry of readIndex(indexRoom.doc)) {
      const room = docs.get(entry.id);
      if (!room || !docHasSession(room.doc)) continue;
      const result = docToSession(room.doc, read.get(entry.id) ?? null);
      if (!result.ok) continue; // a session that does not read is left out, not shown half
      read.set(entry.id, result.value);
      out.push(result.value);
    }
    callbacks.onSessions(out);
  };
  const schedule = () => {
    timer ??= setTimeout(publish, 200);
  };
  const follow = () => {
    if (stopped || !indexRoom) return;
    for (const entry of readIndex(indexRoom.doc)) {
      if (docs.has(entry.id)) continue;
      const room = new RoomDoc(sessionDocName(entry.id), { token, keep: false });
      docs.set(entry.id, room);
      room.doc.on('update', schedule);
      room.start();
    }
    schedule();
  };
  void openRoomDoc(INDEX_DOC, { token, keep: false, onState: callbacks.onState }).then((room) => {
    if (stopped) return void room.close();
    indexRoom = room;
    room.doc.on('update', follow);
    follow();
  });
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    void indexRoom?.close();
    for (const room of docs.values()) void room.close();
  };
}
