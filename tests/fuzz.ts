import { deflateSync } from 'node:zlib';

/** Mutations of the example files for the fuzz tests; a small deterministic generator (mulberry32), so a failure can be replayed. */
export function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function get(root: Json, path: (string | number)[]): Json {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, root);
}

const HOSTILE: Json[] = [
  null, 42, -1e9, true, '', ' ', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'x'.repeat(6000),
  '2022-13', '18', '__proto__', [], {}, { __proto__: { polluted: true } } as unknown as Json, 'step-01', 'act-cse', '💥'.repeat(300),
];

export function mutate(file: Json, random: () => number): Json {
  const copy = structuredClone(file);
  const all = paths(copy).filter((p) => p.length > 0);
  const path = all[Math.floor(random() * all.length)]!;
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, Json> | Json[];
  const key = path[path.length - 1]!;
  const op = Math.floor(random() * 5);
  if (op === 0) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete (parent as Record<string, Json>)[key];
  } else if (op === 1) {
    (parent as Record<string | number, Json>)[key] = HOSTILE[Math.floor(random() * HOSTILE.length)]!;
  } else if (op === 2 && Array.isArray(parent) && parent.length > 0) {
    parent.push(structuredClone(parent[0]!)); // duplicate id
  } else if (op === 3) {
    (parent as Record<string | number, Json>)[key] = 'id-inconnu'; // dangling reference or wrong type
  } else {
    (parent as Record<string, Json>)[`champ${Math.floor(random() * 10)}`] = 'en trop';
  }
  return copy;
}

/** A real 2×1 PNG built by hand (IHDR, IDAT, IEND). */
export function tinyPng(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const raw = Buffer.from([0, 255, 0, 0, 0, 0, 255]);
  return new Uint8Array(Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]));
}
