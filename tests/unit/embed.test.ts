import { describe, expect, it } from 'vitest';
import { addPngText, asciiJson, readPngText, readSvgMetadata, svgMetadata } from '../../src/domain/format/embed';
import { parseSessionFile } from '../../src/domain/format/file';
import { exampleText } from '../formatExamples';
import { tinyPng } from '../fuzz';

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
