/**
 * Opening a session: load it from IndexedDB into the document store, write every change back
 * through a SessionPersister, flush when the page is hidden or closed, and follow the edits
 * another tab makes to the same session (BroadcastChannel).
 */
import { useEffect, useState } from 'react';
import type { Result } from '../domain/result';
import type { Session } from '../domain/types';
import { getDb } from '../storage/db';
import { SessionPersister } from '../storage/persister';
import { loadSession } from '../storage/repository';
import { onDocumentChange, useDocumentStore } from './documentStore';
import { holdRendersUntil } from './renderGate';
import { parseRoute } from './routes';
import { useViewStore } from './viewStore';
import { OtherTabEdits } from './otherTabEdits';
import { isFollowedInRoom } from './roomFollowing';

const CHANNEL = 'cartographies-acia';
const tabId = globalThis.crypto.randomUUID();

interface SavedMessage {
  type: 'saved';
  sessionId: string;
  tabId: string;
}

export interface OpenSession {
  persister: SessionPersister;
  close: () => Promise<void>;
}

let preloaded: { id: string; at: number; loaded: Promise<Result<Session>> } | null = null;
/** A read ahead older than this is not taken: what it read may have changed since. */
const PRELOAD_KEPT_MS = 1000;

/**
 * Starts reading a session as soon as the address points at it, before its page is drawn;
 * `openSession` takes that read if it comes within a second.
 */
export function preloadSession(id: string): void {
  const loaded = loadSession(getDb(), id);
  loaded.catch(() => undefined); // reported by openSession, which awaits it
  preloaded = { id, at: performance.now(), loaded };
}

/** Whether the read ahead is of this session and recent enough to be taken. */
const freshPreload = (id: string) => preloaded !== null && preloaded.id === id && performance.now() - preloaded.at < PRELOAD_KEPT_MS;

/** Reads ahead a session, unless a read of it is under way. */
function preloadOnce(id: string): void {
  if (!freshPreload(id)) preloadSession(id);
}

/** Reads ahead the session an address points at (see `parseRoute`). */
function preloadAddress(address: string): void {
  const route = parseRoute(address);
  if (route.page === 'session') preloadOnce(route.id);
}

/** A click on a link (the DOM's or React's), as much of it as tells where the link opens. */
export type LinkClick = Pick<MouseEvent, 'button' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'currentTarget'>;

/**
 * For a link to a session, at its click: reads the session a few milliseconds before the address
 * changes. A click that opens the link elsewhere (a modifier key, another tab, a download) reads
 * nothing.
 */
export function preloadOnLinkClick(event: LinkClick, id: string): void {
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const link = event.currentTarget;
  if (link instanceof Element && (link.getAttribute('target') || link.hasAttribute('download'))) return;
  preloadOnce(id);
}

/**
 * Reads a session as soon as the address changes to its page (a link followed, a session created,
 * the browser's back button); a read started at the link's click is taken, not repeated.
 */
export function preloadSessionsOnNavigation(): void {
  window.addEventListener('hashchange', () => preloadAddress(window.location.hash));
}

function takePreloaded(id: string): Promise<Result<Session>> | null {
  const taken = freshPreload(id) ? preloaded!.loaded : null;
  preloaded = null;
  return taken;
}

/** Opens a session; resolves to a handle, or to a French error message. */
export async function openSession(id: string): Promise<OpenSession | { error: string }> {
  const db = getDb();
  const reading = takePreloaded(id) ?? loadSession(db, id);
  // Opened while the session is read (the page has nothing else to do then, and opening a channel
  // takes a millisecond or more): a save another tab makes during the read is heard too.
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  const heardDuringRead: SavedMessage[] = [];
  if (channel) channel.onmessage = (event: MessageEvent<SavedMessage>) => void heardDuringRead.push(event.data);
  const loaded = await reading;
  if (!loaded.ok) {
    channel?.close();
    return { error: loaded.errors[0]!.message };
  }

  const doc = useDocumentStore.getState();
  doc.load(loaded.value);
  useViewStore.setState({ selection: [], saveStatus: { state: 'saved', at: loaded.value.updatedAt } });

  const persister = new SessionPersister(db, loaded.value, {
    onStatus: (status) => useViewStore.getState().setSaveStatus(status),
    onWritten: (sessionId) => {
      channel?.postMessage({ type: 'saved', sessionId, tabId } satisfies SavedMessage);
      otherTab.ownWriteDone();
    },
  });
  const otherTab = new OtherTabEdits(
    () => persister.hasPendingChanges,
    async () => {
      // In the room, the other tabs' edits come through the room's document, merged, not from disk.
      if (isFollowedInRoom(id)) return true;
      const fresh = await loadSession(db, id);
      if (!fresh.ok) return true; // nothing readable to follow; the next save will say what is wrong
      if (persister.hasPendingChanges) return false;
      persister.reset(fresh.value);
      useDocumentStore.getState().load(fresh.value);
      return true;
    },
  );

  const unsubscribe = onDocumentChange((session) => {
    if (session?.id !== id) return;
    persister.update(session);
    // Written before drawn: the page redraws the edit once its rows are on disk.
    const writing = persister.inFlight;
    if (writing) holdRendersUntil(writing);
  });

  const flushNow = () => void persister.flush();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flushNow();
  };
  // A tab closed while a write waits its turn loses it: Chromium aborts the transactions of a
  // closing page that have not started. So, while the status line does not say `Enregistré` (an
  // edit waits for the write under way, a write lasts, or failed), the browser asks first. A
  // single write of a few milliseconds, already placed, is not worth the question.
  const askBeforeLeaving = (event: BeforeUnloadEvent) => {
    if (persister.hasPendingChanges && useViewStore.getState().saveStatus.state !== 'saved') event.preventDefault();
  };
  window.addEventListener('pagehide', flushNow);
  window.addEventListener('beforeunload', askBeforeLeaving);
  document.addEventListener('visibilitychange', onVisibility);

  if (channel) {
    const hear = (msg: SavedMessage | undefined) => {
      if (msg?.type !== 'saved' || msg.sessionId !== id || msg.tabId === tabId) return;
      otherTab.otherTabSaved();
    };
    channel.onmessage = (event: MessageEvent<SavedMessage>) => hear(event.data);
    heardDuringRead.forEach(hear);
  }

  return {
    persister,
    close: async () => {
      unsubscribe();
      window.removeEventListener('pagehide', flushNow);
      window.removeEventListener('beforeunload', askBeforeLeaving);
      document.removeEventListener('visibilitychange', onVisibility);
      channel?.close();
      await persister.dispose();
    },
  };
}

/**
 * Tells the other tabs that a session was written from here without being open (a change made on
 * the home page): a tab showing it reloads it, as after any save.
 */
export function announceSaved(sessionId: string): void {
  if (typeof BroadcastChannel !== 'function') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'saved', sessionId, tabId } satisfies SavedMessage);
  channel.close();
}

/** The open session, or null. */
export const useSession = (): Session | null => useDocumentStore((s) => s.session);

/**
 * A count that goes up whenever another tab saves a session. Edits are written with IndexedDB
 * itself (see `writeDiff`), which Dexie's live queries do not hear of: the home page re-reads its
 * list on this count.
 */
export function useSessionsSavedElsewhere(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (typeof BroadcastChannel !== 'function') return;
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent<SavedMessage>) => {
      if (event.data?.type === 'saved') setCount((n) => n + 1);
    };
    return () => channel.close();
  }, []);
  return count;
}
