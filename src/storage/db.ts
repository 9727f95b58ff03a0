/**
 * The IndexedDB database (Dexie 4). One row per entity, keyed by session, so that one edit
 * writes one small row whatever the size of the session.
 *
 * Versions: every change of the stores is a new `this.version(n)` below, never an edit of an
 * earlier one; tests open a database written by version 1 with the current code.
 * Edits are written, and sessions opened, with IndexedDB itself (see `writeDiff`, `loadSession`);
 * everything else goes through Dexie.
 */
import { Dexie, type Table } from 'dexie';
import type { Actor, EntityKind, Lane, Link, Note, Relation, SessionHeader, Step } from '../domain/types';

/** The session header as stored. */
export type SessionRow = SessionHeader;

/** What only this browser knows about a session: when it was last exported from here. */
export interface ExportRow {
  sessionId: string;
  /** ISO date-time. */
  lastExportedAt: string;
}

/**
 * A Yjs update of a workshop room's document (`salle` or `session/<id>`), kept until the room has
 * it and across reloads: the edits made offline in the room survive and merge when back.
 */
export interface RoomUpdateRow {
  seq?: number;
  docName: string;
  update: Uint8Array;
}

/** An entity as stored: the entity, its session, and its place in the session's array. */
export type Row<T> = T & { sessionId: string; order: number };

export interface EntityRows {
  lanes: Row<Lane>;
  actors: Row<Actor>;
  steps: Row<Step>;
  links: Row<Link>;
  relations: Row<Relation>;
  notes: Row<Note>;
}

export const DB_NAME = 'cartographies-acia';

const ENTITY_STORE = '[sessionId+id], sessionId';

export class AciaDatabase extends Dexie {
  sessions!: Table<SessionRow, string>;
  lanes!: Table<Row<Lane>, [string, string]>;
  actors!: Table<Row<Actor>, [string, string]>;
  steps!: Table<Row<Step>, [string, string]>;
  links!: Table<Row<Link>, [string, string]>;
  relations!: Table<Row<Relation>, [string, string]>;
  notes!: Table<Row<Note>, [string, string]>;
  exports!: Table<ExportRow, string>;
  roomUpdates!: Table<RoomUpdateRow, number>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores({
      sessions: 'id, updatedAt',
      lanes: ENTITY_STORE,
      actors: ENTITY_STORE,
      steps: ENTITY_STORE,
      links: ENTITY_STORE,
      relations: ENTITY_STORE,
      notes: ENTITY_STORE,
    });
    // Version 2: the last export date leaves the session row for a table of its own, so that
    // saving an edit writes the session row whole, without reading it first.
    this.version(2)
      .stores({ exports: 'sessionId' })
      .upgrade(async (tx) => {
        const exported: ExportRow[] = [];
        await tx
          .table('sessions')
          .toCollection()
          .modify((row: SessionRow & { lastExportedAt?: unknown }) => {
            if (typeof row.lastExportedAt === 'string') exported.push({ sessionId: row.id, lastExportedAt: row.lastExportedAt });
            delete row.lastExportedAt;
          });
        await tx.table('exports').bulkPut(exported);
      });
    // Version 3: the room's Yjs updates, one row per update, read back in order by document.
    this.version(3).stores({ roomUpdates: '++seq, docName' });
  }

  entityTable<K extends EntityKind>(kind: K): Table<EntityRows[K], [string, string]> {
    return this[kind] as unknown as Table<EntityRows[K], [string, string]>;
  }

  get allTables() {
    return [this.sessions, this.lanes, this.actors, this.steps, this.links, this.relations, this.notes, this.exports, this.roomUpdates];
  }
}

let shared: AciaDatabase | undefined;

export const OUTDATED_EVENT = 'acia-database-outdated';
let outdated = false;

/** Whether a newer version of the app took the database over from this tab (it no longer writes). */
export const isDatabaseOutdated = () => outdated;

/**
 * The app's database, opened once. When a newer version of the app upgrades the database in
 * another tab, this tab closes its connection, stops writing, and asks to be reloaded.
 */
export function getDb(): AciaDatabase {
  if (!shared) {
    const db = new AciaDatabase();
    db.on('versionchange', () => {
      outdated = true;
      db.close();
      globalThis.dispatchEvent?.(new Event(OUTDATED_EVENT));
      return false;
    });
    shared = db;
  }
  return shared;
}

/** For tests: use another database instance. */
export function setDb(db: AciaDatabase | undefined): void {
  shared = db;
}
