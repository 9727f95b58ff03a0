/**
 * The session file carried inside exported images, so that an image pasted in slides can be
 * reopened as the editable session: a PNG `tEXt` chunk with the keyword `cartographies-acia`,
 * an SVG `<metadata>` element. Pure byte and string functions.
 */
import { FORMAT_NAME } from './schema';

export const EMBED_KEYWORD = FORMAT_NAME;

/** JSON text with every non-ASCII character escaped (`é` → `\u00e9`): still the same JSON, and Latin-1 safe. */
export function asciiJson(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let crcTable: Uint32Array | null = null;
function crc32(bytes: Uint8Array, start: number, end: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

interface Chunk {
  type: string;
  /** Offset of the chunk's length field. */
  offset: number;
  dataStart: number;
  length: number;
}

function* chunks(png: Uint8Array): Generator<Chunk> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let offset = 8;
  while (offset + 12 <= png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(png[offset + 4]!, png[offset + 5]!, png[offset + 6]!, png[offset + 7]!);
    const dataStart = offset + 8;
    if (dataStart + length + 4 > png.length) return;
    yield { type, offset, dataStart, length };
    if (type === 'IEND') return;
    offset = dataStart + length + 4;
  }
}

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** A copy of the PNG with a `tEXt` chunk (keyword, text) placed just before `IEND`. */
export function addPngText(png: Uint8Array, keyword: string, text: string): Uint8Array {
  if (!isPng(png)) throw new Error("Ce n'est pas une image PNG.");
  let iend = -1;
  for (const c of chunks(png)) if (c.type === 'IEND') iend = c.offset;
  if (iend < 0) throw new Error('Image PNG incomplète (pas de fin).');
  const data = latin1(`${keyword}\u0000${text}`);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(latin1('tEXt'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk, 4, 8 + data.length));
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, iend), 0);
  out.set(chunk, iend);
  out.set(png.subarray(iend), iend + chunk.length);
  return out;
}

/** The text of the first `tEXt` chunk with this keyword whose CRC is right, or null. */
export function readPngText(png: Uint8Array, keyword: string): string | null {
  if (!isPng(png)) return null;
  for (const c of chunks(png)) {
    if (c.type !== 'tEXt') continue;
    const end = c.dataStart + c.length;
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    if (view.getUint32(end) !== crc32(png, c.offset + 4, end)) continue;
    let sep = c.dataStart;
    while (sep < end && png[sep] !== 0) sep++;
    let key = '';
    for (let i = c.dataStart; i < sep; i++) key += String.fromCharCode(png[i]!);
    if (key !== keyword) continue;
    let text = '';
    for (let i = sep + 1; i < end; i++) text += String.fromCharCode(png[i]!);
    return text;
  }
  return null;
}

export const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|#x[0-9a-fA-F]+|#[0-9]+|amp);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : e === 'amp' ? '&'
      : String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );

/** The `<metadata>` element that carries the session file in an SVG. */
export function svgMetadata(json: string): string {
  return `<metadata id="${EMBED_KEYWORD}">${escapeXml(json)}</metadata>`;
}

/** The session file text carried by an SVG made by the app, or null. */
export function readSvgMetadata(svg: string): string | null {
  const match = new RegExp(`<metadata[^>]*\\bid="${EMBED_KEYWORD}"[^>]*>([\\s\\S]*?)</metadata>`).exec(svg);
  if (!match) return null;
  const body = match[1]!.trim();
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(body);
  return cdata ? cdata[1]! : unescapeXml(body);
}
