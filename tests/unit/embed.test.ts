import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { addPngText, asciiJson, readPngText, readSvgMetadata, svgMetadata } from '../../src/domain/format/embed';
import { parseSessionFile } from '../../src/domain/format/file';
import { exampleText } from '../formatExamples';

/** A real 2×1 PNG built by hand (IHDR, IDAT, IEND). */
function tinyPng(): Uint8Array {
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

describe('a session carried in a PNG tEXt chunk', () => {
  it('writes and reads back the DUI session, accents included, as the same session', () => {
    const text = exampleText('dui-groupement.json');
    const png = addPngText(tinyPng(), 'cartographies-acia', asciiJson(text));
    const back = readPngText(png, 'cartographies-acia');
    expect(back).not.toBeNull();
    const a = parseSessionFile(back!);
    const b = parseSessionFile(text);
    expect(a.ok && b.ok && a.value).toEqual(b.ok && b.value);
    expect(png.length).toBeGreaterThan(tinyPng().length);
  });

  it('finds nothing in a PNG without the chunk, or in a damaged chunk', () => {
    expect(readPngText(tinyPng(), 'cartographies-acia')).toBeNull();
    const png = addPngText(tinyPng(), 'cartographies-acia', '{"a":1}');
    const damaged = png.slice();
    const at = damaged.length - 20; // inside the tEXt data: its CRC no longer matches
    damaged[at] = damaged[at]! ^ 0xff;
    expect(readPngText(damaged, 'cartographies-acia')).toBeNull();
    expect(readPngText(new Uint8Array([1, 2, 3]), 'cartographies-acia')).toBeNull();
  });

  it('escapes every non-ASCII character and keeps the JSON equal', () => {
    const json = JSON.stringify({ t: 'Référent·es — « DUI » 🙂' });
    const ascii = asciiJson(json);
    expect(/^[\x20-\x7e]*$/.test(ascii)).toBe(true);
    expect(JSON.parse(ascii)).toEqual(JSON.parse(json));
  });
});

describe('a session carried in SVG metadata', () => {
  it('reads back text with markup characters as it was', () => {
    const json = JSON.stringify({ t: '<script>alert("x")</script> & ]]>' });
    const svg = `<svg xmlns="http://www.w3.org/2000/svg">${svgMetadata(json)}<rect/></svg>`;
    expect(svg).not.toContain('<script>');
    expect(readSvgMetadata(svg)).toBe(json);
    expect(readSvgMetadata('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')).toBeNull();
  });
});
