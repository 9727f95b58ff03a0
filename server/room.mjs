// @ts-check
/**
 * The workshop room (« salle »): one HTTP server, one origin, that serves the built app and syncs
 * the room's Yjs documents through Hocuspocus on `/salle/sync`. With the app (README, Room;
 * docs/architecture.md): documents `salle` and `session/<id>`, an edit token and a read-only
 * projector token carried in the link's fragment, documents kept in `dataDir/salle.sqlite`.
 *
 * Security, in short: loopback unless told otherwise, no token no document, the projector's writes
 * refused by the server, limits on message size, document size and rates, and a log of who
 * connected to what that never holds a document's content.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { Database } from '@hocuspocus/extension-database';
import { Throttle } from '@hocuspocus/extension-throttle';
import { Hocuspocus } from '@hocuspocus/server';
import BetterSqlite3 from 'better-sqlite3';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';

export const SYNC_PATH = '/salle/sync';
export const INFO_PATH = '/salle/info';
export const DOCUMENT_NAME = /^(salle|session\/[A-Za-z0-9_-]{1,100})$/;

/** The defaults of the limits (README, Room): a 1000-step session's first upload is far below them. */
export const DEFAULT_LIMITS = Object.freeze({
  /** One WebSocket message, in bytes (ws closes the socket with 1009 beyond it). */
  maxPayload: 4 * 1024 * 1024,
  /** One document's encoded state, in bytes. */
  maxDocumentBytes: 32 * 1024 * 1024,
  /** One awareness message (who is where: a name, a colour, a step's id), broadcast to every peer. */
  maxAwarenessBytes: 64 * 1024,
  /** Messages one socket may send in a burst, then per second (a person typing sends a few a second). */
  messageBurst: 1000,
  messagesPerSecond: 200,
  /** Document connections one address may open per minute before it is turned away for `banMinutes`. */
  connectionsPerMinute: 120,
  banMinutes: 1,
});

const MIME = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
});

/**
 * @typedef {{ editToken: string, projectorToken: string }} Tokens
 * @typedef {typeof DEFAULT_LIMITS} Limits
 * @typedef {{
 *   port: number, host: string, origin: string, addresses: string[],
 *   joinUrl: string, projectorUrl: string, editToken: string, projectorToken: string,
 *   dataDir: string, hocuspocus: Hocuspocus, close: () => Promise<void>,
 * }} Room
 */

/** 128 random bits and more, base64url: fits a URL's fragment and a query parameter as is. */
function newToken() {
  return randomBytes(24).toString('base64url');
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22,200}$/;

/**
 * The tokens kept in `dataDir/salle.json`, so that a restarted room takes back the same links and
 * the laptops reconnect by themselves; new ones when asked (`--nouveaux-jetons`) or when the file
 * is missing or not ours.
 * @param {string} dataDir @param {boolean} renew @param {(line: string) => void} note
 * @returns {Tokens}
 */
function loadTokens(dataDir, renew, note) {
  const file = join(dataDir, 'salle.json');
  if (!renew && existsSync(file)) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8'));
      if (TOKEN_SHAPE.test(saved?.editToken) && TOKEN_SHAPE.test(saved?.projectorToken) && saved.editToken !== saved.projectorToken) {
        return { editToken: saved.editToken, projectorToken: saved.projectorToken };
      }
      note('salle.json illisible : nouveaux jetons');
    } catch {
      note('salle.json illisible : nouveaux jetons');
    }
  }
  const tokens = { editToken: newToken(), projectorToken: newToken() };
  writeFileSync(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  return tokens;
}

/** Compares in constant time, so that a wrong token's first letters tell nothing. */
function sameToken(/** @type {unknown} */ given, /** @type {string} */ expected) {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Interfaces that are not the room's network: containers', virtual machines', VPNs'. */
const VIRTUAL_INTERFACE = /^(docker|br-|veth|virbr|vmnet|vboxnet|tun|tap|utun|wg|zt|tailscale)/;

/** The room's address first: a home or office LAN's range (192.168, then 10, then 172.16–31). */
function lanRank(/** @type {string} */ name, /** @type {string} */ address) {
  if (VIRTUAL_INTERFACE.test(name)) return 9;
  if (address.startsWith('192.168.')) return 0;
  if (address.startsWith('10.')) return 1;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(address)) return 2;
  return 3;
}

/**
 * The base URLs the room can be joined at: the host given, or every LAN IPv4 when it listens on
 * all, the likeliest first (the join link and its QR code use the first).
 */
export function baseUrls(/** @type {string} */ host, /** @type {number} */ port, interfaces = networkInterfaces()) {
  if (host === '0.0.0.0' || host === '::') {
    const lan = Object.entries(interfaces)
      .flatMap(([name, addresses]) => (addresses ?? []).filter((a) => a.family === 'IPv4' && !a.internal).map((a) => ({ name, address: a.address })))
      .sort((a, b) => lanRank(a.name, a.address) - lanRank(b.name, b.address))
      .map((a) => `http://${a.address}:${port}/`);
    return lan.length ? lan : [`http://127.0.0.1:${port}/`];
  }
  return [`http://${host.includes(':') ? `[${host}]` : host}:${port}/`];
}

/** The peer's address without IPv4-mapped IPv6's prefix. */
function addressOf(/** @type {import('node:http').IncomingMessage} */ request) {
  return (request.socket.remoteAddress ?? '?').replace(/^::ffff:/, '');
}

/**
 * A Hocuspocus refusal: the provider gets `reason` (authentication failed for every refusal at
 * connection); no `message`, so Hocuspocus does not print it a second time.
 */
function refusal(/** @type {string} */ reason) {
  return { reason, code: 4403 };
}

/**
 * What a refused message waits for: it is never applied, and its socket is closing. (A throw would
 * do the same, with a line of Hocuspocus's own on the console for each message in flight.) A fresh
 * one each time, so that what waits on it is collected with the socket.
 */
const never = () => new Promise(() => {});

/**
 * The documents' rows: one per document name, its whole state as one Yjs update.
 * @param {string} file
 */
function openStore(file) {
  const db = new BetterSqlite3(file);
  // The sessions' content: for this account alone (SQLite gives its journal files the same mode).
  chmodSync(file, 0o600);
  db.pragma('journal_mode = WAL');
  // Commits without waiting for the disk (better-sqlite3 is synchronous: an fsync would hold every
  // socket up); a power cut may lose the last second, which the laptops still hold and send back.
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated_at TEXT NOT NULL)');
  const select = db.prepare('SELECT state FROM documents WHERE name = ?');
  const upsert = db.prepare(
    'INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
  );
  return {
    /** @returns {Uint8Array | null} */
    read(/** @type {string} */ name) {
      const row = /** @type {{ state: Buffer } | undefined} */ (select.get(name));
      return row ? new Uint8Array(row.state) : null;
    },
    write(/** @type {string} */ name, /** @type {Uint8Array} */ state) {
      upsert.run(name, Buffer.from(state), new Date().toISOString());
    },
    close() {
      db.close();
    },
  };
}

/**
 * Starts a room. `log` gets one line per connection, refusal and limit hit (never content).
 * @param {{
 *   port?: number, host?: string, dataDir: string, distDir?: string,
 *   log?: (line: string) => void, newTokens?: boolean, limits?: Partial<Limits>,
 * }} options
 * @returns {Promise<Room>}
 */
export async function startRoom({ port = 0, host = '127.0.0.1', dataDir, distDir = 'dist', log = console.log, newTokens = false, limits: given = {} }) {
  const limits = { ...DEFAULT_LIMITS, ...given };
  const root = resolve(distDir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${join(root, 'index.html')} est introuvable : construire l'application d'abord (npm run build).`);
  }
  const data = resolve(dataDir);
  mkdirSync(data, { recursive: true, mode: 0o700 });
  const note = (/** @type {string} */ line) => log(`${new Date().toISOString()} ${line}`);
  const tokens = loadTokens(data, newTokens, note);
  const store = openStore(join(data, 'salle.sqlite'));
  let closed = false;

  // The extension's IP is the socket's alone: its default reads X-Forwarded-For, which anyone can send.
  const throttle = new Throttle({ throttle: limits.connectionsPerMinute, consideredSeconds: 60, banTime: limits.banMinutes });
  const throttled = (/** @type {string} */ ip) => /** @type {(ip: string) => boolean} */ (throttle['throttle'].bind(throttle))(ip);

  /** Bytes a document may have grown by since its size was last measured (encoding it is not free). */
  const grownSince = new Map();

  const hocuspocus = new Hocuspocus({
    name: 'salle',
    // Stored 1 s after the last change, at least every 5 s while people type.
    debounce: 1000,
    maxDebounce: 5000,
    extensions: [
      new Database({
        fetch: async ({ documentName }) => store.read(documentName),
        store: async ({ documentName, state }) => {
          if (!closed) store.write(documentName, state);
        },
      }),
    ],
    async onConnect({ documentName, request }) {
      const ip = addressOf(request);
      if (!DOCUMENT_NAME.test(documentName)) {
        note(`refusé ${ip} document « ${printable(documentName.slice(0, 120))} » : nom hors du schéma`);
        throw refusal('document-name-refused');
      }
      if (throttled(ip)) {
        note(`refusé ${ip} document « ${documentName} » : trop de connexions (plus de ${limits.connectionsPerMinute} par minute)`);
        throw refusal('too-many-connections');
      }
    },
    async onAuthenticate({ token, documentName, request, connectionConfig }) {
      if (sameToken(token, tokens.editToken)) return { role: 'edit' };
      if (sameToken(token, tokens.projectorToken)) {
        connectionConfig.readOnly = true;
        return { role: 'projector' };
      }
      note(`refusé ${addressOf(request)} document « ${documentName} » : jeton invalide`);
      throw refusal('permission-denied');
    },
    async connected({ documentName, request, connectionConfig }) {
      note(`connexion ${addressOf(request)} document « ${documentName} » ${connectionConfig.readOnly ? 'lecture seule' : 'écriture'}`);
    },
    async beforeHandleMessage({ documentName, document, update, connection }) {
      const ip = addressOf(connection.request);
      const socket = /** @type {{ bucket?: { tokens: number, at: number }, refused?: boolean }} */ (connection.webSocket);
      // The messages already on their way when a socket was refused: turned away, logged once.
      if (socket.refused) return never();
      const now = Date.now();
      const bucket = socket.bucket ?? { tokens: limits.messageBurst, at: now };
      bucket.tokens = Math.min(limits.messageBurst, bucket.tokens + ((now - bucket.at) / 1000) * limits.messagesPerSecond);
      bucket.at = now;
      socket.bucket = bucket;
      if (bucket.tokens < 1) {
        note(`refusé ${ip} document « ${documentName} » : trop de messages (plus de ${limits.messagesPerSecond} par seconde)`);
        socket.refused = true;
        connection.webSocket.close(1008, 'rate-limit');
        return never();
      }
      bucket.tokens -= 1;
      const type = messageType(update);
      if (type === AWARENESS && update.length > limits.maxAwarenessBytes) {
        note(`refusé ${ip} document « ${documentName} » : présence trop grosse (plus de ${limits.maxAwarenessBytes} octets), ignorée`);
        return never();
      }
      // The projector reads: stateless messages (5, and 6 which Hocuspocus relays to every peer) are
      // not for it to send. (Its document writes are refused by Hocuspocus itself.)
      if (connection.readOnly && (type === STATELESS || type === BROADCAST_STATELESS)) {
        note(`refusé ${ip} document « ${documentName} » : message du projecteur (lecture seule), ignoré`);
        return never();
      }
      // Only sync messages can make a document grow.
      if (type !== SYNC || connection.readOnly) return;
      const grown = (grownSince.get(documentName) ?? limits.maxDocumentBytes) + update.length;
      if (grown < limits.maxDocumentBytes) {
        grownSince.set(documentName, grown);
        return;
      }
      const size = Y.encodeStateAsUpdate(document).length + update.length;
      grownSince.set(documentName, size);
      if (size > limits.maxDocumentBytes) {
        grownSince.delete(documentName);
        note(`refusé ${ip} document « ${documentName} » : document trop gros (plus de ${limits.maxDocumentBytes} octets)`);
        socket.refused = true;
        connection.webSocket.close(1009, 'document-too-large');
        return never();
      }
    },
    async onDisconnect({ documentName, context }) {
      note(`déconnexion ${context.ip ?? '?'} document « ${documentName} »`);
    },
    async afterUnloadDocument({ documentName }) {
      grownSince.delete(documentName);
    },
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayload });
  const http = createServer((request, response) => serveHttp(request, response, root, () => baseUrls(host, boundPort), tokens));
  http.on('upgrade', (request, socket, head) => {
    const ip = addressOf(request);
    const path = (request.url ?? '').split('?')[0];
    if (path !== SYNC_PATH || closed) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    // A page from another origin cannot open the room's socket from a participant's browser.
    const origin = request.headers.origin;
    if (origin && safeHost(origin) !== request.headers.host) {
      note(`refusé ${ip} : origine étrangère ${printable(safeHost(origin))}`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', (error) => {
        const code = /** @type {{ code?: string }} */ (error).code;
        note(
          code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
            ? `refusé ${ip} : message trop gros (plus de ${limits.maxPayload} octets), connexion fermée`
            : `erreur ${ip} : ${code ?? 'socket'}`,
        );
      });
      hocuspocus.handleConnection(ws, request, { ip });
    });
  });

  await new Promise((done, fail) => {
    http.once('error', fail);
    http.listen(port, host, () => {
      http.off('error', fail);
      done(undefined);
    });
  });
  const address = http.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const addresses = baseUrls(host, boundPort);
  const base = /** @type {string} */ (addresses[0]);
  const origin = base.replace(/\/$/, '');
  note(`salle ouverte sur ${addresses.join(', ')} (données : ${data})`);

  async function close() {
    if (closed) return;
    // No new socket, no new message: the sockets go first, so that nothing changes a document
    // after it is written. Then, before their close events unload anything, every document is
    // written from its state in memory (Hocuspocus's own stores from now on are skipped).
    closed = true;
    for (const ws of wss.clients) ws.terminate();
    wss.close();
    for (const [name, document] of hocuspocus.documents) {
      store.write(name, Y.encodeStateAsUpdate(document));
      // Clears the pending store's timer (its run is skipped), so that nothing is left waiting.
      void hocuspocus.debouncer.executeNow(`onStoreDocument-${name}`);
    }
    await new Promise((done) => {
      http.close(() => done(undefined));
      http.closeAllConnections();
    });
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
    await throttle.onDestroy();
    store.close();
    note('salle fermée, documents enregistrés');
  }

  return {
    port: boundPort,
    host,
    origin,
    addresses,
    joinUrl: `${origin}/#/salle?jeton=${tokens.editToken}`,
    projectorUrl: `${origin}/#/salle/projecteur?jeton=${tokens.projectorToken}`,
    editToken: tokens.editToken,
    projectorToken: tokens.projectorToken,
    dataDir: data,
    hocuspocus,
    close,
  };
}

/** Hocuspocus's message types (@hocuspocus/server's MessageType) that the room looks at. */
const SYNC = 0;
const AWARENESS = 1;
const STATELESS = 5;
const BROADCAST_STATELESS = 6;

/** A Hocuspocus message's type: a varUint after the document's name (a varString). */
function messageType(/** @type {Uint8Array} */ data) {
  let length = 0;
  let shift = 0;
  let i = 0;
  for (; i < data.length; i += 1) {
    const byte = /** @type {number} */ (data[i]);
    length += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) break;
  }
  // Types are below 128: one byte.
  return data[i + 1 + length];
}

/** What a client sent, fit for the consultant's terminal: no control characters (escape sequences). */
function printable(/** @type {string} */ text) {
  return text.replace(/\p{Cc}/gu, '?');
}

/** The host of an Origin header, or a placeholder when it is not a URL. */
function safeHost(/** @type {string} */ origin) {
  try {
    return new URL(origin).host;
  } catch {
    return '(illisible)';
  }
}

/**
 * The built app, as `vite preview` serves it (index.html for `/`), and the room's info.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {string} root
 * @param {() => string[]} addresses
 * @param {Tokens} tokens
 */
function serveHttp(request, response, root, addresses, tokens) {
  const headers = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  let path;
  try {
    path = decodeURIComponent(new URL(request.url ?? '/', 'http://salle').pathname);
  } catch {
    response.writeHead(400, headers).end();
    return;
  }
  if (path === INFO_PATH) {
    // An editor's Salle dialog shows the projector's link: the projector's token (read-only, so lesser
    // than the editor's) goes to whoever proves the edit token, never to anyone else.
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    const editor = bearer !== undefined && sameToken(bearer, tokens.editToken);
    const body = JSON.stringify({ addresses: addresses(), ...(editor ? { projectorToken: tokens.projectorToken } : {}) });
    response.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : body);
    return;
  }
  let file = resolve(root, `.${path}`);
  if (file !== root && !file.startsWith(root + sep)) {
    response.writeHead(404, headers).end();
    return;
  }
  if (path.endsWith('/')) file = join(file, 'index.html');
  let stat;
  try {
    stat = statSync(file);
  } catch {
    stat = null;
  }
  if (!stat?.isFile()) {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Introuvable');
    return;
  }
  const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
  // Hashed assets never change; the page and the service worker are asked for afresh.
  const cache = file.startsWith(join(root, 'assets') + sep) ? 'public, max-age=31536000, immutable' : 'no-cache';
  response.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': stat.size, 'Cache-Control': cache });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}
