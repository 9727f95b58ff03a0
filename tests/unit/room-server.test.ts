/**
 * The room's server (server/room.mjs) with real Node Yjs clients over loopback: each test starts a
 * room on a free port in a fresh data folder and closes it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { baseUrls, startRoom, type Room, type RoomOptions } from '../../server/room.mjs';

const INDEX = '<!doctype html><title>Cartographies ACIA</title><p>page de test</p>';
const WAIT = { timeout: 8000, interval: 20 };

let dataDir: string;
let distDir: string;
let lines: string[];
const rooms: Room[] = [];
const providers: HocuspocusProvider[] = [];
const sockets: HocuspocusProviderWebsocket[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'salle-data-'));
  distDir = mkdtempSync(join(tmpdir(), 'salle-dist-'));
  writeFileSync(join(distDir, 'index.html'), INDEX);
  lines = [];
});

afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy();
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const room of rooms.splice(0)) await room.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(distDir, { recursive: true, force: true });
});

async function open(options: Partial<RoomOptions> = {}): Promise<Room> {
  const room = await startRoom({ dataDir, distDir, log: (line) => lines.push(line), ...options });
  rooms.push(room);
  return room;
}

async function closeRoom(room: Room) {
  rooms.splice(rooms.indexOf(room), 1);
  await room.close();
}

/** What a client heard from the server about its writes: Hocuspocus's SyncStatus (type 8) messages. */
type Client = { provider: HocuspocusProvider; doc: Y.Doc; statuses: boolean[]; failures: string[] };

function connect(room: Room, token: string, name = 'session/atelier-1'): Client {
  const doc = new Y.Doc();
  const client: Client = { provider: undefined as unknown as HocuspocusProvider, doc, statuses: [], failures: [] };
  // Node 20 has no WebSocket of its own: the socket is made apart, with ws's.
  const socket = new HocuspocusProviderWebsocket({ url: `${room.origin.replace(/^http/, 'ws')}/salle/sync`, WebSocketPolyfill: WebSocket });
  client.provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    token,
    document: doc,
    onAuthenticationFailed: ({ reason }) => client.failures.push(reason),
  });
  client.provider.attach();
  sockets.push(socket);
  // On the provider, not in its options: those also go to its socket, which emits the bare event.
  client.provider.on('message', ({ event }: { event: MessageEvent }) => {
    const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) === 8) client.statuses.push(decoding.readVarInt(decoder) === 1);
  });
  providers.push(client.provider);
  return client;
}

async function synced(client: Client) {
  await vi.waitFor(() => expect(client.provider.isSynced).toBe(true), WAIT);
}

function steps(client: Client) {
  return client.doc.getMap<Y.Map<unknown>>('steps');
}

/** Writes a step the way the app does: one Y.Map of fields per entity. */
function writeStep(client: Client, id: string, fields: Record<string, unknown>) {
  client.doc.transact(() => {
    let step = steps(client).get(id);
    if (!step) {
      step = new Y.Map();
      steps(client).set(id, step);
    }
    for (const [key, value] of Object.entries(fields)) step.set(key, value);
  });
}

function field(client: Client, id: string, key: string) {
  return steps(client).get(id)?.get(key);
}

describe('the room server', () => {
  it('serves the built app and the room info on one origin', async () => {
    const room = await open();
    const page = await fetch(`${room.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe(INDEX);
    const info = await fetch(`${room.origin}/salle/info`);
    expect(info.headers.get('content-type')).toContain('application/json');
    expect(await info.json()).toEqual({ addresses: [`${room.origin}/`] });
    // The projector's token to an editor only: not to the projector, nor to a wrong token.
    const asked = async (token: string) => (await fetch(`${room.origin}/salle/info`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(await asked(room.editToken)).toEqual({ addresses: [`${room.origin}/`], projectorToken: room.projectorToken });
    expect(await asked(room.projectorToken)).toEqual({ addresses: [`${room.origin}/`] });
    expect(await asked(`${room.editToken}x`)).toEqual({ addresses: [`${room.origin}/`] });
    expect(room.joinUrl).toBe(`${room.origin}/#/salle?jeton=${room.editToken}`);
    expect(room.projectorUrl).toBe(`${room.origin}/#/salle/projecteur?jeton=${room.projectorToken}`);
    // Nothing outside the built app, nor the data folder's tokens.
    expect((await fetch(`${room.origin}/%2e%2e/${join(dataDir, 'salle.json')}`)).status).toBe(404);
    expect((await fetch(`${room.origin}/salle.json`)).status).toBe(404);
  });

  it('on every interface, the join address is the room network\'s, not a container\'s or a VPN\'s', () => {
    const nic = (address: string, internal = false) => ({ address, family: 'IPv4' as const, internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: `${address}/24` });
    const interfaces = {
      lo: [nic('127.0.0.1', true)],
      docker0: [nic('172.17.0.1')],
      tun0: [nic('10.8.0.2')],
      eth0: [nic('172.20.4.7')],
      wlan0: [nic('192.168.1.20')],
    };
    expect(baseUrls('0.0.0.0', 4300, interfaces)).toEqual([
      'http://192.168.1.20:4300/',
      'http://172.20.4.7:4300/',
      'http://172.17.0.1:4300/',
      'http://10.8.0.2:4300/',
    ]);
    expect(baseUrls('0.0.0.0', 4300, { lo: [nic('127.0.0.1', true)] })).toEqual(['http://127.0.0.1:4300/']);
    expect(baseUrls('192.168.1.20', 8080)).toEqual(['http://192.168.1.20:8080/']);
  });

  it('tokens are long and random, one for editing and one for the projector', async () => {
    const room = await open();
    expect(room.editToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(room.projectorToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(room.projectorToken).not.toBe(room.editToken);
  });

  it('two clients on one document converge, concurrent edits to different fields of one step both kept', async () => {
    const room = await open();
    const a = connect(room, room.editToken);
    const b = connect(room, room.editToken);
    await synced(a);
    await synced(b);
    writeStep(a, 's1', { title: 'Accueil', order: 'a0' });
    await vi.waitFor(() => expect(field(b, 's1', 'title')).toBe('Accueil'), WAIT);
    writeStep(a, 's1', { title: 'Accueil du patient' });
    writeStep(b, 's1', { duration: 15 });
    for (const client of [a, b]) {
      await vi.waitFor(() => {
        expect(field(client, 's1', 'title')).toBe('Accueil du patient');
        expect(field(client, 's1', 'duration')).toBe(15);
      }, WAIT);
    }
    expect(lines.filter((line) => line.includes('connexion 127.0.0.1 document « session/atelier-1 » écriture'))).toHaveLength(2);
  });

  it('a wrong token is refused: the client learns it and gets nothing', async () => {
    const room = await open();
    const a = connect(room, room.editToken);
    await synced(a);
    writeStep(a, 's1', { title: 'Secret' });
    await vi.waitFor(() => expect(a.provider.hasUnsyncedChanges).toBe(false), WAIT);
    const intruder = connect(room, `${room.editToken.slice(0, -1)}x`);
    await vi.waitFor(() => expect(intruder.failures).toEqual(['permission-denied']), WAIT);
    expect(intruder.provider.isSynced).toBe(false);
    expect(steps(intruder).size).toBe(0);
    expect(lines.some((line) => line.includes('refusé 127.0.0.1 document « session/atelier-1 » : jeton invalide'))).toBe(true);
  });

  it('the projector reads, and its writes are refused by the server', async () => {
    const room = await open();
    const a = connect(room, room.editToken);
    const b = connect(room, room.editToken);
    const projector = connect(room, room.projectorToken);
    await Promise.all([synced(a), synced(b), synced(projector)]);
    writeStep(a, 's1', { title: 'Accueil' });
    await vi.waitFor(() => expect(field(projector, 's1', 'title')).toBe('Accueil'), WAIT);
    // The projector's provider is not read-only: only the server stands in the way.
    // (Its first sync, with nothing new in it, is acknowledged as applied.)
    const before = projector.statuses.length;
    writeStep(projector, 's1', { title: 'Écrit par le projecteur' });
    writeStep(projector, 's2', { title: 'Ajout du projecteur' });
    await vi.waitFor(() => expect(projector.statuses.length).toBe(before + 2), WAIT);
    expect(projector.statuses.slice(before)).toEqual([false, false]);
    const onServer = room.hocuspocus.documents.get('session/atelier-1')!;
    expect(onServer.getMap<Y.Map<unknown>>('steps').get('s1')?.get('title')).toBe('Accueil');
    expect(onServer.getMap('steps').has('s2')).toBe(false);
    // b hears a's next edit, so anything the server had taken from the projector would be there too.
    writeStep(a, 's3', { title: 'Après' });
    await vi.waitFor(() => expect(field(b, 's3', 'title')).toBe('Après'), WAIT);
    expect(field(b, 's1', 'title')).toBe('Accueil');
    expect(steps(b).has('s2')).toBe(false);
    expect(lines.some((line) => line.includes('document « session/atelier-1 » lecture seule'))).toBe(true);
  });

  it('a restart on the same data folder keeps the documents and the tokens', async () => {
    const first = await open();
    const a = connect(first, first.editToken);
    const index = connect(first, first.editToken, 'salle');
    await Promise.all([synced(a), synced(index)]);
    writeStep(a, 's1', { title: 'Avant le redémarrage', order: 'a0' });
    index.doc.getMap('sessions').set('atelier-1', new Y.Map([['title', 'Atelier 1']]));
    await vi.waitFor(() => expect(a.provider.hasUnsyncedChanges || index.provider.hasUnsyncedChanges).toBe(false), WAIT);
    const { editToken, projectorToken } = first;
    a.provider.destroy();
    index.provider.destroy();
    await closeRoom(first);

    const second = await open();
    expect(second.editToken).toBe(editToken);
    expect(second.projectorToken).toBe(projectorToken);
    const b = connect(second, editToken);
    const projector = connect(second, projectorToken, 'salle');
    await Promise.all([synced(b), synced(projector)]);
    expect(field(b, 's1', 'title')).toBe('Avant le redémarrage');
    expect((projector.doc.getMap('sessions').get('atelier-1') as Y.Map<unknown>).get('title')).toBe('Atelier 1');
  });

  it('closing with laptops still connected keeps their last edit', async () => {
    const first = await open();
    const a = connect(first, first.editToken);
    await synced(a);
    writeStep(a, 's1', { title: 'Dernière seconde' });
    // On the server, and no time for its debounced store: only the closing writes it.
    await vi.waitFor(() => expect(first.hocuspocus.documents.get('session/atelier-1')?.getMap<Y.Map<unknown>>('steps').get('s1')?.get('title')).toBe('Dernière seconde'), WAIT);
    await closeRoom(first);
    a.provider.destroy();

    const second = await open();
    const b = connect(second, second.editToken);
    await synced(b);
    expect(field(b, 's1', 'title')).toBe('Dernière seconde');
  });

  it('npm run salle prints the join address on a line of its own and its QR code; Ctrl+C stores and closes', async () => {
    const cli = spawn(process.execPath, ['server/salle.mjs', '--port', '0', '--data', dataDir, '--dist', distDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    cli.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    cli.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => cli.on('exit', resolve));
    try {
      await vi.waitFor(() => expect(out).toContain('Ctrl+C ferme la salle'), WAIT);
      const join = out.split('\n').find((line) => /^http:\/\/127\.0\.0\.1:\d+\/#\/salle\?jeton=[A-Za-z0-9_-]{32}$/.test(line));
      expect(join).toBeDefined();
      expect(out).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/salle\/projecteur\?jeton=[A-Za-z0-9_-]{32}$/m);
      // The QR code: lines of block characters.
      expect(out.split('\n').filter((line) => /[▀▄█]{5}/.test(line)).length).toBeGreaterThan(10);
      const url = new URL(join!);
      const room = { origin: url.origin, editToken: url.hash.split('jeton=')[1]! } as Room;
      const a = connect(room, room.editToken);
      await synced(a);
      writeStep(a, 's1', { title: 'Avant Ctrl+C' });
      await vi.waitFor(() => expect(a.provider.hasUnsyncedChanges).toBe(false), WAIT);
      cli.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(out).toContain('salle fermée, documents enregistrés');
    } finally {
      cli.kill('SIGKILL');
    }
    const again = await open();
    const b = connect(again, again.editToken);
    await synced(b);
    expect(field(b, 's1', 'title')).toBe('Avant Ctrl+C');
  });

  it('new tokens when asked: the old links no longer open the room', async () => {
    const first = await open();
    const old = first.editToken;
    await closeRoom(first);
    const second = await open({ newTokens: true });
    expect(second.editToken).not.toBe(old);
    const client = connect(second, old);
    await vi.waitFor(() => expect(client.failures).toEqual(['permission-denied']), WAIT);
  });

  it('a document name outside the pattern is refused', async () => {
    const room = await open();
    for (const name of ['autre', 'session/', 'session/a/b', '../salle', `session/${'x'.repeat(101)}`, 'session/\u001b[2J\u001b[31mpiège']) {
      const client = connect(room, room.editToken, name);
      await vi.waitFor(() => expect(client.failures).toEqual(['document-name-refused']), WAIT);
    }
    expect(room.hocuspocus.documents.size).toBe(0);
    expect(lines.filter((line) => line.includes('nom hors du schéma'))).toHaveLength(6);
    // A name is the client's text: no escape sequence reaches the consultant's terminal.
    expect(lines.find((line) => line.includes('piège'))).toContain('« session/?[2J?[31mpiège »');
  });

  it('an oversized message is refused, logged, and changes nothing', async () => {
    const room = await open({ limits: { maxPayload: 64 * 1024 } });
    const a = connect(room, room.editToken);
    const b = connect(room, room.editToken);
    await Promise.all([synced(a), synced(b)]);
    writeStep(a, 's1', { title: 'Petit' });
    await vi.waitFor(() => expect(field(b, 's1', 'title')).toBe('Petit'), WAIT);
    writeStep(a, 's2', { description: 'x'.repeat(100 * 1024) });
    await vi.waitFor(() => expect(lines.some((line) => line.includes('refusé 127.0.0.1 : message trop gros (plus de 65536 octets)'))).toBe(true), WAIT);
    expect(room.hocuspocus.documents.get('session/atelier-1')?.getMap('steps').has('s2')).toBe(false);
    expect(steps(b).has('s2')).toBe(false);
  });

  it('a document past its size cap is refused and logged', async () => {
    const room = await open({ limits: { maxDocumentBytes: 40 * 1024 } });
    const a = connect(room, room.editToken);
    await synced(a);
    writeStep(a, 's1', { description: 'a'.repeat(15 * 1024) });
    writeStep(a, 's2', { description: 'b'.repeat(15 * 1024) });
    await vi.waitFor(() => expect(a.provider.hasUnsyncedChanges).toBe(false), WAIT);
    writeStep(a, 's3', { description: 'c'.repeat(15 * 1024) });
    await vi.waitFor(() => expect(lines.some((line) => line.includes('document « session/atelier-1 » : document trop gros'))).toBe(true), WAIT);
    const onServer = room.hocuspocus.documents.get('session/atelier-1');
    expect(onServer?.getMap('steps').has('s3') ?? false).toBe(false);
  });

  it('too many messages or connections from one address are refused and logged', async () => {
    const room = await open({ limits: { messageBurst: 20, messagesPerSecond: 1, connectionsPerMinute: 3 } });
    const a = connect(room, room.editToken);
    await synced(a);
    for (let i = 0; i < 40; i += 1) writeStep(a, `s${i}`, { title: `Étape ${i}` });
    await vi.waitFor(() => expect(lines.some((line) => line.includes('trop de messages (plus de 1 par seconde)'))).toBe(true), WAIT);
    // a's own reconnection counts too: the third connection after it is turned away.
    for (let i = 0; i < 3; i += 1) connect(room, room.editToken, `session/autre-${i}`);
    await vi.waitFor(() => expect(lines.some((line) => line.includes('trop de connexions (plus de 3 par minute)'))).toBe(true), WAIT);
  });

  it('an oversized presence is not relayed; the projector sends no stateless message', async () => {
    const room = await open({ limits: { maxAwarenessBytes: 8 * 1024 } });
    const a = connect(room, room.editToken);
    const b = connect(room, room.editToken);
    const projector = connect(room, room.projectorToken);
    await Promise.all([synced(a), synced(b), synced(projector)]);
    const presences = () => [...b.provider.awareness!.getStates().values()];
    a.provider.setAwarenessField('user', { name: 'x'.repeat(10 * 1024) });
    await vi.waitFor(() => expect(lines.some((line) => line.includes('présence trop grosse (plus de 8192 octets), ignorée'))).toBe(true), WAIT);
    a.provider.setAwarenessField('user', { name: 'Aïcha' });
    await vi.waitFor(() => expect(presences().some((state) => state.user?.name === 'Aïcha')).toBe(true), WAIT);
    expect(presences().some((state) => String(state.user?.name).startsWith('xxx'))).toBe(false);

    // Hocuspocus relays a BroadcastStateless (type 6) to every peer: from an editor, it arrives.
    const heard: string[] = [];
    b.provider.on('stateless', ({ payload }: { payload: string }) => heard.push(payload));
    const broadcast = (client: Client, payload: string) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, 'session/atelier-1');
      encoding.writeVarUint(encoder, 6);
      encoding.writeVarString(encoder, payload);
      client.provider.configuration.websocketProvider.send(encoding.toUint8Array(encoder));
    };
    broadcast(projector, 'du projecteur');
    await vi.waitFor(() => expect(lines.some((line) => line.includes('message du projecteur (lecture seule), ignoré'))).toBe(true), WAIT);
    broadcast(a, "d'un ordinateur");
    await vi.waitFor(() => expect(heard).toContain("d'un ordinateur"), WAIT);
    expect(heard).not.toContain('du projecteur');
  });

  it('a page from another origin cannot open the room socket', async () => {
    const room = await open();
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${room.origin.replace(/^http/, 'ws')}/salle/sync`, { headers: { Origin: 'http://ailleurs.example' } });
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('open', () => resolve(101));
      socket.on('error', () => undefined);
    });
    expect(status).toBe(403);
    expect(lines.some((line) => line.includes('origine étrangère ailleurs.example'))).toBe(true);
  });

  it('the log tells who connected to what, never what they wrote', async () => {
    const secret = 'Mme-Duval-licenciement-7Q4Z';
    const room = await open({ limits: { maxPayload: 32 * 1024 } });
    const a = connect(room, room.editToken);
    const projector = connect(room, room.projectorToken);
    const index = connect(room, room.editToken, 'salle');
    await Promise.all([synced(a), synced(projector), synced(index)]);
    writeStep(a, 's1', { title: secret, order: 'a0' });
    index.doc.getMap('sessions').set(secret, new Y.Map([['title', secret]]));
    writeStep(projector, 's2', { title: secret });
    await vi.waitFor(() => expect(a.provider.hasUnsyncedChanges || index.provider.hasUnsyncedChanges).toBe(false), WAIT);
    await vi.waitFor(() => expect(projector.statuses).toContain(false), WAIT);
    writeStep(a, 's3', { title: secret.repeat(2000) });
    await vi.waitFor(() => expect(lines.some((line) => line.includes('message trop gros'))).toBe(true), WAIT);
    const intruder = connect(room, secret, `session/${secret}`);
    await vi.waitFor(() => expect(intruder.failures).toEqual(['permission-denied']), WAIT);
    for (const client of [a, projector, index]) client.provider.destroy();
    await vi.waitFor(() => expect(lines.filter((line) => line.includes('déconnexion'))).toHaveLength(3), WAIT);
    await closeRoom(room);
    expect(lines.length).toBeGreaterThan(8);
    // The session's id is a document name (logged); its title, steps and tokens are not.
    expect(lines.filter((line) => line.includes(secret) && !line.includes(`document « session/${secret} »`))).toEqual([]);
    expect(lines.join('\n')).not.toContain(room.editToken);
    expect(lines.join('\n')).not.toContain(room.projectorToken);
  });
});
