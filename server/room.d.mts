// The types of server/room.mjs for the TypeScript tests and bench that start a room (kept by hand
// in step with the module's JSDoc; the module itself: `npx tsc -p server/tsconfig.json`).
import type { Hocuspocus } from '@hocuspocus/server';

export declare const SYNC_PATH: '/salle/sync';
export declare const INFO_PATH: '/salle/info';
export declare const DOCUMENT_NAME: RegExp;

export interface Limits {
  maxPayload: number;
  maxDocumentBytes: number;
  maxAwarenessBytes: number;
  messageBurst: number;
  messagesPerSecond: number;
  connectionsPerMinute: number;
  banMinutes: number;
}
export declare const DEFAULT_LIMITS: Readonly<Limits>;

export interface Room {
  port: number;
  host: string;
  origin: string;
  addresses: string[];
  joinUrl: string;
  projectorUrl: string;
  editToken: string;
  projectorToken: string;
  dataDir: string;
  hocuspocus: Hocuspocus;
  close: () => Promise<void>;
}

export interface RoomOptions {
  port?: number;
  host?: string;
  dataDir: string;
  distDir?: string;
  log?: (line: string) => void;
  newTokens?: boolean;
  limits?: Partial<Limits>;
}

export declare function startRoom(options: RoomOptions): Promise<Room>;

export declare function baseUrls(host: string, port: number, interfaces?: NodeJS.Dict<import('node:os').NetworkInterfaceInfo[]>): string[];
