import { describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../src/domain/format/file';
import { exampleText } from '../formatExamples';
import { mutate, rng, type Json } from '../fuzz';

describe('500 mutations of the example files', () => {
  it('each is either valid or refused with a French message; nothing throws', () => {
    const random = rng(20261124);
    const bases = [JSON.parse(exampleText('dui-groupement.json')), JSON.parse(exampleText('minimal.json'))] as Json[];
    let refused = 0;
    let valid = 0;
    for (let i = 0; i < 500; i++) {
      let file: Json = bases[i % 2] ?? null;
      const times = 1 + Math.floor(random() * 3);
      for (let t = 0; t < times; t++) file = mutate(file, random);
      const text = JSON.stringify(file);
      let result: ReturnType<typeof parseSessionFile>;
      try {
        result = parseSessionFile(text);
      } catch (e) {
        throw new Error(`mutation ${i} threw: ${String(e)}\n${text.slice(0, 500)}`, { cause: e });
      }
      if (result.ok) {
        valid++;
        continue;
      }
      refused++;
      expect(result.errors.length).toBeGreaterThan(0);
      for (const e of result.errors) {
        expect(e.message.length).toBeGreaterThan(10);
        expect(e.message).not.toMatch(/Invalid input|Expected|Required|Unrecognized key/);
        expect(e.message).toMatch(/[«:]|invalide|inconnu|double|obligatoire|trop|ordre|doit/);
      }
    }
    expect(refused).toBeGreaterThan(300);
    expect(valid + refused).toBe(500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
