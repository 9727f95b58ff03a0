import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../src/domain/format/file';

const example = (name: string) => readFileSync(new URL(`../../docs/format/examples/${name}`, import.meta.url), 'utf8');

describe('the example files of docs/format', () => {
  it.each(['minimal.json', 'dui-groupement.json'])('%s is valid', (name) => {
    const result = parseSessionFile(example(name));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('the DUI example has its eleven steps and one event, eleven actors and nine relations', () => {
    const result = parseSessionFile(example('dui-groupement.json'));
    if (!result.ok) throw new Error(result.errors[0]!.message);
    expect(result.value.session.steps).toHaveLength(12);
    expect(result.value.session.steps[11]).toMatchObject({ kind: 'contournement', title: 'Transmissions de nuit sur papier' });
    expect(result.value.session.actors).toHaveLength(11);
    expect(result.value.session.relations).toHaveLength(9);
  });
});
