/**
 * Version 2 of the session file: the JSON Schemas agree with the app about the examples, every
 * version 1 example migrates to a valid version 2 session that exports and re-imports equal, and
 * what version 2 adds is checked like the rest (a French message naming the field, nothing kept).
 */
import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { parseSessionFile, serializeSessionFile } from '../../src/domain/format/file';
import type { Session } from '../../src/domain/types';
import { isEventKind } from '../../src/domain/enums';

const dir = new URL('../../docs/format/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, dir), 'utf8');
const json = (path: string) => JSON.parse(read(path)) as Record<string, unknown>;
const V1_EXAMPLES = readdirSync(new URL('examples/v1/', dir)).filter((f) => f.endsWith('.json'));
const V2_EXAMPLES = readdirSync(new URL('examples/', dir)).filter((f) => f.endsWith('.json'));

function validator(version: 1 | 2) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  return ajv.compile(json(`session.schema.v${version}.json`));
}

describe('the JSON Schemas of the format', () => {
  it.each(V2_EXAMPLES)('version 2 accepts %s, and so does the app', (name) => {
    const validate = validator(2);
    expect(validate(json(`examples/${name}`)), JSON.stringify(validate.errors)).toBe(true);
    const parsed = parseSessionFile(read(`examples/${name}`));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it.each(V1_EXAMPLES)('version 1 accepts v1/%s; version 2 accepts it once its version is 2', (name) => {
    const file = json(`examples/v1/${name}`);
    expect(validator(1)(file)).toBe(true);
    expect(validator(2)({ ...file, version: 2 })).toBe(true);
  });

  it('the schema and the app refuse the same unknown value', () => {
    const file = json('examples/dui-groupement.json');
    const steps = (file.session as { steps: Record<string, unknown>[] }).steps;
    steps[0]!.kind = 'catastrophe';
    expect(validator(2)(file)).toBe(false);
    expect(parseSessionFile(JSON.stringify(file)).ok).toBe(false);
  });
});

describe('from version 1 to version 2', () => {
  it.each(V1_EXAMPLES)('v1/%s opens as a version 2 session, written again as version 2, read back equal', (name) => {
    const opened = parseSessionFile(read(`examples/v1/${name}`));
    expect(opened.ok ? [] : opened.errors).toEqual([]);
    if (!opened.ok) return;
    expect(opened.value.version).toBe(2);
    const written = serializeSessionFile(opened.value.session, new Date('2026-12-04T10:00:00Z'));
    if (!written.ok) throw new Error(written.errors[0]!.message);
    expect(JSON.parse(written.value).version).toBe(2);
    const again = parseSessionFile(written.value);
    if (!again.ok) throw new Error(again.errors[0]!.message);
    expect(again.value.session).toStrictEqual(opened.value.session);
  });

  it('the DUI example of version 2 is the version 1 example with what was lived added (and one event step), and nothing else changed', () => {
    const v1 = parseSessionFile(read('examples/v1/dui-groupement.json'));
    const v2 = parseSessionFile(read('examples/dui-groupement.json'));
    if (!v1.ok || !v2.ok) throw new Error('example refused');
    const strip = ({ viewpoints: _v, ...s }: Session) => ({
      ...s,
      steps: s.steps.filter((x) => !isEventKind(x.kind)).map(({ planned: _p, documents: _d, ...rest }) => rest),
      actors: s.actors.map(({ usage: _u, nonUsage: _n, usageNote: _t, ...rest }) => rest),
      relations: s.relations.map(({ channel: _c, formality: _f, answer: _a, ...rest }) => rest),
      notes: s.notes.map(({ aspects: _a, ...rest }) => rest),
    });
    expect(strip(v2.value.session)).toStrictEqual(strip(v1.value.session));
    const s = v2.value.session;
    expect(s.steps.filter((x) => isEventKind(x.kind)).map((x) => [x.id, x.kind])).toEqual([['step-12', 'contournement']]);
    expect(s.steps.find((x) => x.id === 'step-10')!.planned).toBe('2021-12');
    expect(s.relations.find((r) => r.kind === 'remonte')!.answer).toBe('sans-reponse');
    expect(s.actors.some((a) => a.usage === 'non-utilisateur' && a.nonUsage === 'decu')).toBe(true);
    expect(s.notes.some((n) => n.aspects?.length)).toBe(true);
    expect(s.viewpoints!.objectives.length).toBeGreaterThan(3);
    expect(s.viewpoints!.revealed).toBe(true);
  });
});

describe('what version 2 adds is checked', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test breaks the file as JSON, by hand
  const refused = (change: (session: Record<string, any>) => void) => {
    const file = json('examples/dui-groupement.json');
    change(file.session as Record<string, unknown>);
    const result = parseSessionFile(JSON.stringify(file));
    return result.ok ? [] : result.errors;
  };

  it('an unknown channel, reason of non-use or aspect is refused, naming the field in French', () => {
    const channel = refused((s) => (s.relations[0].channel = 'pigeon'));
    expect(channel[0]!.message).toMatch(/^Canal de la relation 1/);
    expect(refused((s) => (s.actors[0].usage = 'parfois'))[0]!.message).toMatch(/^Usage de l'acteur 1/);
    expect(refused((s) => (s.notes[0].aspects = ['bien-etre']))[0]!.message).toMatch(/aspect/i);
  });

  it('a reviewed missing step naming an unknown rule, or a step that does not exist, is refused', () => {
    const rule = refused((s) => (s.gaps = [{ rule: 'horoscope', status: 'ecarte' }]));
    expect(rule[0]!.message).toMatch(/^Règle de l'étape manquante revue 1/);
    const step = refused((s) => (s.gaps = [{ rule: 'analyse-besoins', status: 'planifie', stepId: 'step-99' }]));
    expect(step[0]!.message).toContain('étape inconnue « step-99 »');
    expect(refused((s) => (s.gaps = [{ rule: 'analyse-besoins', status: 'planifie', stepId: 'step-03' }]))).toEqual([]);
  });

  it('an answer on a relation that is not feedback, or a reason of non-use for a user, is refused', () => {
    expect(refused((s) => (s.relations[0].answer = 'repondu'))[0]!.message).toContain('suite donnée sans être une remontée');
    expect(refused((s) => (s.actors[0].nonUsage = 'decu'))[0]!.message).toContain('raison de non-usage');
  });
});
