/**
 * The workshop room's connection: the token of this tab, and one room document (`salle` or
 * `session/<id>`) as a Y.Doc kept in this browser (its updates in IndexedDB), shared with the other
 * tabs of this browser (BroadcastChannel) and with the room's server (Hocuspocus provider on
 * `/salle/sync` of this very origin, so that the page's `connect-src 'self'` holds).
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { getDb } from '../storage/db';
import { appendRoomUpdate, loadRoomDoc } from '../storage/room/updates';

const NAME_KEY = 'acia-salle-nom';

export { roomToken, setRoomToken } from './roomToken';

/** The name this laptop shows to the room (kept in this browser). */
export function presenceName(): string {
  try {
    const kept = globalThis.localStorage?.getItem(NAME_KEY);
    if (kept) return kept;
    const made = `Poste ${Math.random().toString(36).slice(2, 5).toUpperCase()}`;
    globalThis.localStorage?.setItem(NAME_KEY, made);
    return made;
  } catch {
    return 'Poste';
  }
}

export function setPresenceName(name: string): void {
  try {
    globalThis.localStorage?.setItem(NAME_KEY, name.trim().slice(0, 60) || presenceName());
  } catch {
    // not kept: this page shows it still
  }
}

/** The room's sync endpoint on this page's own origin. */
export function roomSyncUrl(location: Pick<Location, 'protocol' | 'host'> = globalThis.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/salle/sync`;
}

export const ROOM_TOKEN_REFUSED = "Jeton de salle refusé : l'adresse utilisée n'est pas (ou plus) celle de la salle. Demandez l'adresse à l'animateur·rice.";

export type RoomLinkState = 'connexion' | 'connecte' | 'hors-ligne' | 'refuse';

/** Updates that came from another tab of this browser, or from what this browser kept. */
export const FROM_TAB = Symbol('autre onglet');
export const FROM_DISK = Symbol('navigateur');

export interface RoomDocOptions {
  token: string | null;
  /** Keep the document's updates in IndexedDB (not for the projector, which only looks). */
  keep: boolean;
  onState?: (state: RoomLinkState) => void;
  onSynced?: () => void;
}

/** One room document, live. */
export class RoomDoc {
  readonly doc = new Y.Doc();
  provider: HocuspocusProvider | null = null;
  private channel: BroadcastChannel | null = null;
  private writes: Promise<unknown> = Promise.resolve();
  state: RoomLinkState = 'connexion';
  synced = false;

  constructor(
    readonly name: string,
    private readonly options: RoomDocOptions,
  ) {}

  /** Reads what this browser kept of the document (before any drawing: local first). */
  async loadKept(): Promise<void> {
    if (!this.options.keep) return;
    const kept = await loadRoomDoc(getDb(), this.name);
    if (kept) Y.applyUpdate(this.doc, kept, FROM_DISK);
  }

  /** Starts following the document: keeps its updates, shares them with the tabs and the room. */
  start(): this {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (this.options.keep && origin !== FROM_DISK) {
        const db = getDb();
        this.writes = this.writes.then(() => appendRoomUpdate(db, this.name, update)).catch(() => undefined);
      }
      if (origin !== FROM_TAB && origin !== FROM_DISK) this.channel?.postMessage(update);
    });
    if (this.options.keep && typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(`acia-salle:${this.name}`);
      this.channel.onmessage = (event: MessageEvent<unknown>) => {
        if (event.data instanceof Uint8Array) Y.applyUpdate(this.doc, event.data, FROM_TAB);
      };
      // What the other tabs hold that this one lacks (edits made offline there).
      this.channel.postMessage(Y.encodeStateAsUpdate(this.doc));
    }
    const token = this.options.token;
    if (token) {
      this.provider = new HocuspocusProvider({
        url: roomSyncUrl(),
        name: this.name,
        document: this.doc,
        token,
        onStatus: ({ status }) => {
          if (this.state === 'refuse') return;
          this.setState(status === 'connected' ? 'connecte' : status === 'connecting' ? 'connexion' : 'hors-ligne');
        },
        onAuthenticationFailed: () => this.setState('refuse'),
        onSynced: () => {
          this.synced = true;
          this.options.onSynced?.();
        },
      });
      // The browser says the network is gone: the socket may not notice for a while (an
      // established connection can linger), so the room is left at once and joined again when back.
      globalThis.addEventListener?.('offline', this.goOffline);
      globalThis.addEventListener?.('online', this.goOnline);
    } else {
      this.setState('hors-ligne');
    }
    return this;
  }

  private readonly goOffline = () => {
    this.provider?.disconnect();
    if (this.state !== 'refuse') this.setState('hors-ligne');
  };

  private readonly goOnline = () => {
    if (this.state !== 'refuse') void this.provider?.connect();
  };

  private setState(state: RoomLinkState) {
    this.state = state;
    this.options.onState?.(state);
  }

  /** Resolves once the room sent the document (or at once when there is no room to ask). */
  whenSynced(timeoutMs = 10_000): Promise<boolean> {
    if (this.synced) return Promise.resolve(true);
    if (!this.provider) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.provider?.off('synced', onSynced);
        this.provider?.off('authenticationFailed', onFailed);
        resolve(ok);
      };
      const onSynced = () => done(true);
      const onFailed = () => done(false);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.provider!.on('synced', onSynced);
      this.provider!.on('authenticationFailed', onFailed);
    });
  }

  /** The updates not yet in IndexedDB, written. */
  flushed(): Promise<unknown> {
    return this.writes;
  }

  async close(): Promise<void> {
    globalThis.removeEventListener?.('offline', this.goOffline);
    globalThis.removeEventListener?.('online', this.goOnline);
    this.provider?.destroy();
    this.channel?.close();
    await this.writes;
    this.doc.destroy();
  }
}

/** Opens a room document: what this browser kept first, then the room. */
export async function openRoomDoc(name: string, options: RoomDocOptions): Promise<RoomDoc> {
  const room = new RoomDoc(name, options);
  await room.loadKept();
  return room.start();
}
