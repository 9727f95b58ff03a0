/**
 * Hostile files through the whole import, as the home page does it: read the file (JSON, PNG or
 * SVG), then write what it holds. Each file is either imported whole or refused with a French
 * message and the database left exactly as it was; no prototype is ever touched. Seeded, so a
 * failure can be replayed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeBackup } from '../../src/domain/format/backup';
import { addPngText, asciiJson, EMBED_KEYWORD, escapeXml, svgMetadata } from '../../src/domain/format/embed';
import { firstMessage, parseSessionFile } from '../../src/domain/format/file';
import type { Session } from '../../src/domain/types';
import { readImportFile } from '../../src/features/sessions/importFile';
import { AciaDatabase } from '../../src/storage/db';
import { storageErrorMessage } from '../../src/storage/errors';
import { deleteSession, loadSession, restoreSessions, saveSession, sessionExists } from '../../src/storage/repository';
import { exampleText } from '../formatExamples';
import { mutate, rng, tinyPng, type Json } from '../fuzz';

const load = (text: string): Session => {
  const parsed = parseSessionFile(text);
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
};

const EXAMPLES = [exampleText('dui-groupement.json'), exampleText('minimal.json')];

type Outcome = { imported: Session[] } | { conflict: Session } | { refused: string };

/** What the home page does with a chosen file (HomePage's `onFile`), the dialogs left aside. */
async function importAsTheHomePage(db: AciaDatabase, file: File): Promise<Outcome> {
  const result = await readImportFile(file);
  if (!result.ok) return { refused: `Import refusé : ${firstMessage(result.errors)}` };
  try {
    if (result.value.kind === 'backup') {
      await restoreSessions(db, result.value.sessions);
      return { imported: result.value.sessions };
    }
    const session = result.value.session;
    if (await sessionExists(db, session.id)) return { conflict: session }; // a dialog asks; nothing written yet
    await saveSession(db, session);
    return { imported: [session] };
  } catch (e) {
    return { refused: storageErrorMessage(e) }; // what the page's alert says
  }
}

/** Every row of every table, in a stable order. */
async function snapshot(db: AciaDatabase): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of db.tables) out[table.name] = (await table.toArray()).map((r) => JSON.stringify(r)).sort();
  return out;
}

const prototypes = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) =>
    Object.getOwnPropertyNames(p).map((k) => [k, Object.getOwnPropertyDescriptor(p, k)]),
  );

/** A message a French user can read: no English from the runtime or from zod, and French words. */
function expectFrench(message: string, what: string) {
  expect(message, what).not.toMatch(/Invalid|Expected|Required|Unrecognized|Unexpected|undefined|TypeError|RangeError|SyntaxError|Cannot|is not|Failed/);
  expect(message, what).toMatch(/^(Import refusé : .{10,}|L'espace de stockage du navigateur est plein : .*)$/);
  expect(message, what).toMatch(/[«:]|invalide|inconnu|double|obligatoire|trop|ordre|doit|ne contient pas|ne peut pas/);
}

let db: AciaDatabase;
const before = prototypes();

beforeAll(async () => {
  db = new AciaDatabase(`fuzz-${crypto.randomUUID()}`);
  // Already in the browser: another session, and the DUI under another id.
  await saveSession(db, { ...load(EXAMPLES[0]!), id: 'deja-la', title: 'Déjà là' });
});
afterAll(() => db.close());

const counts = { imported: 0, conflict: 0, refused: 0 };
const FUZZ_TIMEOUT = 120_000;

/** Imports one hostile file and checks everything the user and the database could notice. */
async function check(name: string, bytes: Uint8Array<ArrayBuffer> | string, type: string, what: string) {
  const held = await snapshot(db);
  let outcome: Outcome;
  try {
    outcome = await importAsTheHomePage(db, new File([bytes], name, { type }));
  } catch (e) {
    throw new Error(`${what}: the import threw ${String(e)}`, { cause: e });
  }
  expect(({} as Record<string, unknown>).polluted, what).toBeUndefined();
  expect(Object.prototype.constructor, what).toBe(Object);
  expect(prototypes(), what).toEqual(before);
  if ('refused' in outcome) {
    counts.refused++;
    expectFrench(outcome.refused, what);
    expect(await snapshot(db), `${what}: the database changed on refusal`).toEqual(held);
    return;
  }
  if ('conflict' in outcome) {
    counts.conflict++;
    expect(await snapshot(db), what).toEqual(held);
    return;
  }
  counts.imported++;
  const after = await snapshot(db);
  // What was there is still there, untouched.
  for (const [table, rows] of Object.entries(held)) for (const row of rows) expect(after[table], what).toContain(row);
  // Each session the file holds is written, and read back whole, as it was in the file, its objects plain.
  const added = (await db.sessions.toArray()).filter((r) => !held.sessions!.includes(JSON.stringify(r)));
  expect(added.length, what).toBe(outcome.imported.length);
  for (const row of added) {
    const back = await loadSession(db, row.id);
    expect(back.ok, what).toBe(true);
    const same = outcome.imported.find((s) => s.id === row.id);
    if (back.ok && same) expect(back.value, what).toEqual(same);
  }
  for (const session of outcome.imported) expectPlain(session, what);
  // A backup comes in whole: every session it holds, or none.
  const file = typeof bytes === 'string' && bytes.includes('"cartographies-acia-sauvegarde"') ? (JSON.parse(bytes) as { sessions?: unknown[] }) : null;
  if (file?.sessions) expect(outcome.imported.length, what).toBe(file.sessions.length);
  // Back to what the database held, for the next file.
  for (const row of added) await deleteSession(db, row.id);
  expect(await snapshot(db), what).toEqual(held);
}

/** No object of an imported session has another prototype than a literal's, nor an own `__proto__`. */
function expectPlain(value: unknown, what: string) {
  if (value === null || typeof value !== 'object') return;
  expect([Object.prototype, Array.prototype], what).toContain(Object.getPrototypeOf(value));
  expect(Object.prototype.hasOwnProperty.call(value, '__proto__'), what).toBe(false);
  for (const v of Object.values(value)) expectPlain(v, what);
}

/** The run is not vacuous: many files refused, and some imported. */
function expectBoth(start: typeof counts, refused: number, imported: number) {
  expect(counts.refused - start.refused).toBeGreaterThan(refused);
  expect(counts.imported - start.imported).toBeGreaterThan(imported);
}

const pick = <T,>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** Every object of a JSON value, by path. */
function objectPaths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const here = Array.isArray(value) ? [] : [prefix];
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return [...here, ...entries.flatMap(([k, v]) => objectPaths(v, [...prefix, k]))];
}

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype'];
const PAYLOADS = [
  '{"polluted":true}',
  '{"prototype":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"__proto__":{"polluted":true}}',
  'null',
  '[]',
  '"polluted"',
  '42',
];

/**
 * The JSON text of `file` with a literal hostile key written into one of its objects, by string:
 * an object literal would make `__proto__` the prototype, and JSON.stringify would drop it.
 * The key is added, or replaces an existing key (which then keeps its value).
 */
function withHostileKey(file: Json, random: () => number): string {
  const copy = structuredClone(file);
  const path = pick(random, objectPaths(copy));
  const target = path.reduce<Json>((node, k) => (node as Record<string | number, Json>)[k]!, copy) as Record<string, Json>;
  const key = pick(random, HOSTILE_KEYS);
  const keys = Object.keys(target);
  const replaced = keys.length > 0 && random() < 0.3 ? pick(random, keys) : null;
  const value = replaced !== null ? JSON.stringify(target[replaced]) : pick(random, PAYLOADS);
  if (replaced !== null) delete target[replaced];
  target['\u0000marker'] = 0;
  const text = JSON.stringify(copy, null, random() < 0.5 ? 2 : undefined);
  return text.replace(/"\\u0000marker":\s*0/, `"${key}": ${value}`);
}

/** The example with one of its ids (and every reference to it) renamed to a name that objects inherit. */
function withHostileId(text: string, random: () => number): string {
  const ids = [...text.matchAll(/"id":\s*"([^"]+)"/g)].map((m) => m[1]!);
  if (ids.length === 0) return text;
  const id = pick(random, ids);
  return text.split(`"${id}"`).join(`"${pick(random, ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'])}"`);
}

/** A session file's text, mutated one of several ways. */
function hostileJson(random: () => number): string {
  const base = pick(random, EXAMPLES);
  const op = Math.floor(random() * 3);
  if (op === 0) return withHostileKey(JSON.parse(base) as Json, random);
  if (op === 1) return withHostileId(base, random);
  let file = JSON.parse(base) as Json;
  for (let t = 1 + Math.floor(random() * 2); t > 0; t--) file = mutate(file, random);
  return JSON.stringify(file);
}

describe('literal "__proto__" and "constructor" keys and ids in session files', () => {
  it('200 files: each imported whole or refused in French, the database unchanged on refusal, no prototype touched', { timeout: FUZZ_TIMEOUT }, async () => {
    const random = rng(20261204);
    const start = { ...counts };
    for (let i = 0; i < 200; i++) {
      const text = i % 2 === 0 ? withHostileKey(JSON.parse(pick(random, EXAMPLES)) as Json, random) : withHostileId(pick(random, EXAMPLES), random);
      await check('atelier.acia.json', text, 'application/json', `json ${i}: ${text.slice(0, 300)}`);
    }
    expectBoth(start, 50, 20);
  });
});

const png = tinyPng();
const pngWith = (text: string, keyword = EMBED_KEYWORD) => addPngText(png, keyword, asciiJson(text));

/** A PNG exported by the app, then damaged one of several ways. */
function hostilePng(random: () => number): Uint8Array {
  const op = Math.floor(random() * 7);
  if (op === 0) return pngWith(hostileJson(random)); // the carried text mutated, its CRC right
  const good = pngWith(pick(random, EXAMPLES));
  const bytes = good.slice();
  const chunkAt = png.length - 12; // the tEXt chunk, placed before IEND
  const view = new DataView(bytes.buffer);
  if (op === 1) {
    for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
      const at = Math.floor(random() * bytes.length);
      bytes[at] = bytes[at]! ^ (1 << Math.floor(random() * 8));
    }
    return bytes;
  }
  if (op === 2) {
    view.setUint32(chunkAt, pick(random, [0, 1, 0x7fffffff, 0xffffffff, view.getUint32(chunkAt) + 1, view.getUint32(chunkAt) - 1]));
    return bytes;
  }
  if (op === 3) return bytes.slice(0, Math.floor(random() * bytes.length));
  if (op === 4) return pngWith(pick(random, EXAMPLES), pick(random, ['', 'Cartographies-acia', `${EMBED_KEYWORD} `, '__proto__']));
  if (op === 5) {
    // Two chunks: a damaged one, then a hostile one with a right CRC.
    const first = pngWith(pick(random, EXAMPLES));
    first[first.length - 20] = first[first.length - 20]! ^ 0xff;
    return addPngText(first, EMBED_KEYWORD, asciiJson(hostileJson(random)));
  }
  // Latin-1 bytes that are not the escaped ASCII the app writes.
  return addPngText(png, EMBED_KEYWORD, pick(random, EXAMPLES).replace(/\\u00e9/g, '\u00e9').replace(/"format"/, `"format\u00ff"`));
}

describe('damaged and hostile PNG images', () => {
  it('200 images: each imported whole or refused in French, the database unchanged on refusal, no prototype touched', { timeout: FUZZ_TIMEOUT }, async () => {
    const random = rng(4242);
    const start = { ...counts };
    for (let i = 0; i < 200; i++) await check('carte.png', new Uint8Array(hostilePng(random)), 'image/png', `png ${i}`);
    expectBoth(start, 50, 20);
  });
});

const svgOf = (metadata: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${metadata}<rect width="10" height="10"/></svg>`;
const SVG_SNIPPETS = ['<', '>', '&', '&amp;', '&#x110000;', '&#99999999999;', '&#0;', '&#xD800;', ']]>', '<![CDATA[', '</metadata>', '&quot;__proto__&quot;:{}', '"', '\u0000', '💥'];

/** An SVG exported by the app, then damaged one of several ways. */
function hostileSvg(random: () => number): string {
  const op = Math.floor(random() * 5);
  if (op === 0) return svgOf(svgMetadata(hostileJson(random)));
  const json = pick(random, EXAMPLES);
  if (op === 1) {
    // Markup or entities dropped into the escaped text.
    let body = escapeXml(json);
    for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
      const at = Math.floor(random() * body.length);
      body = body.slice(0, at) + pick(random, SVG_SNIPPETS) + body.slice(at + Math.floor(random() * 3));
    }
    return svgOf(`<metadata id="${EMBED_KEYWORD}">${body}</metadata>`);
  }
  if (op === 2) return svgOf(`<metadata id="${EMBED_KEYWORD}"><![CDATA[${hostileJson(random)}]]></metadata>`);
  if (op === 3) return svgOf(`<metadata id="${pick(random, ['autre', `${EMBED_KEYWORD}-x`, ''])}">${escapeXml(json)}</metadata>${random() < 0.5 ? svgMetadata(hostileJson(random)) : ''}`);
  const whole = svgOf(svgMetadata(json));
  return whole.slice(0, Math.floor(random() * whole.length));
}

describe('damaged and hostile SVG images', () => {
  it('200 images: each imported whole or refused in French, the database unchanged on refusal, no prototype touched', { timeout: FUZZ_TIMEOUT }, async () => {
    const random = rng(777);
    const start = { ...counts };
    for (let i = 0; i < 200; i++) {
      const svg = hostileSvg(random);
      await check('carte.svg', svg, 'image/svg+xml', `svg ${i}: ${svg.slice(0, 300)}`);
    }
    expectBoth(start, 50, 20);
  });
});

/** A backup of the two examples, damaged one of several ways. */
function hostileBackup(random: () => number): string {
  const sessions = EXAMPLES.map(load).map((s, i) => (i === 0 ? { ...s, id: 'dui-sauvegarde' } : s));
  const backup = JSON.parse(serializeBackup(sessions, new Date('2026-12-04T12:00:00Z'))) as Json;
  const op = Math.floor(random() * 3);
  if (op === 0) return withHostileKey(backup, random);
  if (op === 1) return withHostileId(JSON.stringify(backup), random);
  let file = backup;
  for (let t = 1 + Math.floor(random() * 2); t > 0; t--) file = mutate(file, random);
  return JSON.stringify(file);
}

describe('damaged and hostile backups', () => {
  it('150 backups: each restored whole or refused in French, the database unchanged on refusal, no prototype touched', { timeout: FUZZ_TIMEOUT }, async () => {
    const random = rng(31337);
    const start = { ...counts };
    for (let i = 0; i < 150; i++) {
      const text = hostileBackup(random);
      await check('sauvegarde.json', text, 'application/json', `backup ${i}: ${text.slice(0, 300)}`);
    }
    expectBoth(start, 40, 10);
  });
});

describe('a backup whose restore fails midway', () => {
  it('the disk full after a few rows: the database is left exactly as it was, and the alert says so in French', { timeout: FUZZ_TIMEOUT }, async () => {
    const random = rng(99);
    const sessions = [load(EXAMPLES[1]!), { ...load(EXAMPLES[0]!), id: 'dui-sauvegarde' }];
    const text = serializeBackup(sessions);
    const rows = sessions.reduce((n, s) => n + 1 + s.lanes.length + s.actors.length + s.steps.length + s.links.length + s.relations.length + s.notes.length, 0);
    const store = globalThis.IDBObjectStore.prototype;
    const { put, add } = store;
    let left = Infinity;
    const full = <A extends unknown[], R>(write: (...args: A) => R) =>
      function (this: IDBObjectStore, ...args: A): R {
        if (left-- <= 0) throw new DOMException('Quota exceeded', 'QuotaExceededError');
        return write.apply(this, args);
      };
    store.put = full(put);
    store.add = full(add);
    try {
      for (let i = 0; i < 20; i++) {
        left = Math.floor(random() * rows); // the disk fills somewhere among the rows the backup writes
        const held = await snapshot(db);
        const outcome = await importAsTheHomePage(db, new File([text], 'sauvegarde.json', { type: 'application/json' }));
        left = Infinity;
        expect(outcome, `disk full after ${i} rows`).toHaveProperty('refused');
        if ('refused' in outcome) expectFrench(outcome.refused, `run ${i}`);
        expect(await snapshot(db), `run ${i}: half a backup written`).toEqual(held);
      }
    } finally {
      store.put = put;
      store.add = add;
    }
  });
});
