/**
 * The three viewpoints (Regards): commands (one undo step each, nothing changed returns the same
 * session), facts (shared and single objectives, divergences of 2 points or more, "ne sait pas"
 * is no number), and the format (both JSON Schemas and the app accept and refuse the same files).
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import {
  addObjective, deleteObjectives, matchObjectives, setMaturityRating, setMaturityRevealed, unmatchObjectives, updateObjective,
} from '../../src/domain/commands/viewpoints';
import { parseSessionFile } from '../../src/domain/format/file';
import type { Maturity, Session, Viewpoints } from '../../src/domain/types';
import { divergences, domainLevel, maturitySpread, objectiveFacts, ratedCount, spreadOf } from '../../src/domain/viewpoints';
import { exampleText } from '../formatExamples';

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  // The example ships with viewpoints: these tests start from none.
  const { viewpoints: _v, ...session } = parsed.value.session;
  return session;
}

function withObjectives(): Session {
  let s = dui();
  s = addObjective(s, { id: 'o-dir-1', role: 'direction', text: 'Se conformer à la loi' });
  s = addObjective(s, { id: 'o-dir-2', role: 'direction', text: 'Harmoniser les pratiques' });
  s = addObjective(s, { id: 'o-rs-1', role: 'representant-salaries', text: 'Moins de ressaisies' });
  s = addObjective(s, { id: 'o-dsi-1', role: 'dsi', text: 'Un seul logiciel' });
  s = addObjective(s, { id: 'o-dsi-2', role: 'dsi', text: 'Pratiques communes' });
  return s;
}

describe('objectives', () => {
  it('are added by role, trimmed, and refused empty, with a taken id or an unknown actor', () => {
    const s = withObjectives();
    expect(s.viewpoints!.objectives.map((o) => o.role)).toEqual(['direction', 'direction', 'representant-salaries', 'dsi', 'dsi']);
    expect(addObjective(s, { id: 'x', role: 'dsi', text: '   ' })).toBe(s);
    expect(addObjective(s, { id: 'o-dsi-1', role: 'dsi', text: 'autre' })).toBe(s);
    expect(addObjective(s, { id: 'x', role: 'dsi', text: 'a', actorId: 'act-nope' })).toBe(s);
    expect(addObjective(s, { id: 'x', role: 'dsi', text: '  a ' }).viewpoints!.objectives.at(-1)!.text).toBe('a');
  });

  it('are edited and deleted with their matches; a change that changes nothing is the same session', () => {
    let s = matchObjectives(withObjectives(), 'o-dir-2', 'o-dsi-2');
    expect(updateObjective(s, 'o-dir-2', { text: 'Harmoniser les pratiques' })).toBe(s);
    expect(updateObjective(s, 'o-dir-2', { text: ' ' })).toBe(s);
    expect(updateObjective(s, 'o-dir-2', { text: 'Harmoniser' }).viewpoints!.objectives[1]!.text).toBe('Harmoniser');
    const before = s;
    s = deleteObjectives(s, ['o-dsi-2']);
    expect(s.viewpoints!.matches).toEqual([]);
    expect(before.viewpoints!.matches).toEqual([['o-dir-2', 'o-dsi-2']]);
    expect(deleteObjectives(s, ['nope'])).toBe(s);
  });

  it('match only across two roles, once in either order, and unmatch', () => {
    const s = withObjectives();
    expect(matchObjectives(s, 'o-dir-1', 'o-dir-2')).toBe(s);
    expect(matchObjectives(s, 'o-dir-1', 'nope')).toBe(s);
    const m = matchObjectives(s, 'o-dir-2', 'o-dsi-2');
    expect(matchObjectives(m, 'o-dsi-2', 'o-dir-2')).toBe(m);
    expect(unmatchObjectives(m, 'o-dsi-2', 'o-dir-2').viewpoints!.matches).toEqual([]);
    expect(unmatchObjectives(s, 'o-dsi-2', 'o-dir-2')).toBe(s);
  });

  it('shared objectives are groups spanning two roles or more; the others are held by a single viewpoint', () => {
    let s = withObjectives();
    s = matchObjectives(s, 'o-dir-2', 'o-dsi-2');
    s = matchObjectives(s, 'o-dsi-2', 'o-rs-1');
    const facts = objectiveFacts(s.viewpoints);
    expect(facts.shared).toHaveLength(1);
    expect(facts.shared[0]!.objectives.map((o) => o.id).sort()).toEqual(['o-dir-2', 'o-dsi-2', 'o-rs-1']);
    expect(facts.shared[0]!.roles).toEqual(['direction', 'representant-salaries', 'dsi']);
    expect(facts.single.map((o) => o.id)).toEqual(['o-dir-1', 'o-dsi-1']);
    expect(objectiveFacts(undefined)).toEqual({ shared: [], single: [] });
  });
});

describe('the maturity grid', () => {
  it('a rating is set, changed and cleared in one command each; the same rating is the same session', () => {
    let s = setMaturityRating(dui(), 'pilotage', 'direction', 3);
    expect(s.viewpoints).toEqual({ objectives: [], maturity: { pilotage: { direction: 3 } } });
    expect(setMaturityRating(s, 'pilotage', 'direction', 3)).toBe(s);
    s = setMaturityRating(s, 'pilotage', 'dsi', 'nsp');
    expect(s.viewpoints!.maturity!.pilotage).toEqual({ direction: 3, dsi: 'nsp' });
    s = setMaturityRating(setMaturityRating(s, 'pilotage', 'dsi', undefined), 'pilotage', 'direction', undefined);
    expect(s.viewpoints!.maturity).toEqual({});
  });

  it('reveal and hide again; revealing twice changes nothing', () => {
    const s = setMaturityRevealed(dui(), true);
    expect(s.viewpoints!.revealed).toBe(true);
    expect(setMaturityRevealed(s, true)).toBe(s);
    expect(setMaturityRevealed(s, false).viewpoints).toEqual({ objectives: [] });
  });

  it('a divergence is two roles 2 points apart or more; "ne sait pas" and a lone rating are no spread', () => {
    const grid: Maturity = {
      pilotage: { direction: 3, 'representant-salaries': 1, dsi: 2 },
      'partage-informations': { direction: 3, 'representant-salaries': 2, dsi: 2 },
      'objets-connectes': { direction: 3, 'representant-salaries': 0, dsi: 'nsp' },
      equipements: { direction: 'nsp', 'representant-salaries': 0, dsi: 1 },
      'relation-usagers': { direction: 3 },
      'accompagnement-publics': { direction: 0, dsi: 'nsp' },
    };
    const found = divergences(grid);
    expect(found.map((d) => [d.domain, d.spread])).toEqual([['pilotage', 2], ['objets-connectes', 3]]);
    expect(found[1]!.ratings).toEqual({ direction: 3, 'representant-salaries': 0, dsi: 'nsp' });
    expect(spreadOf({ direction: 'nsp', dsi: 'nsp' })).toBe(0);
    expect(divergences(undefined)).toEqual([]);
    expect(ratedCount(grid, 'dsi')).toBe(5);
  });
});

describe('the spread across establishments', () => {
  it("an establishment's level is the mean of its numeric ratings; « ne sait pas » and unrated count for nothing", () => {
    expect(domainLevel({ direction: 3, 'representant-salaries': 0, dsi: 'nsp' })).toBe(1.5);
    expect(domainLevel({ direction: 'nsp' })).toBeUndefined();
    expect(domainLevel(undefined)).toBeUndefined();
  });

  it('per domain, the lowest and highest establishments, ties kept; a grid not revealed stays unknown', () => {
    const a: Viewpoints = { objectives: [], revealed: true, maturity: { pilotage: { direction: 3, dsi: 1 }, equipements: { dsi: 2 } } };
    const b: Viewpoints = { objectives: [], revealed: true, maturity: { pilotage: { direction: 0, dsi: 'nsp' }, equipements: { dsi: 2 } } };
    const c: Viewpoints = { objectives: [], revealed: true, maturity: { pilotage: { direction: 3, dsi: 3 } } };
    const hidden: Viewpoints = { objectives: [], maturity: { pilotage: { direction: 3, dsi: 3 } } };
    const spread = maturitySpread([a, b, c, hidden, undefined]);
    expect(spread.map((d) => d.domain)).toHaveLength(7);
    const pilotage = spread.find((d) => d.domain === 'pilotage')!;
    expect(pilotage.levels).toEqual([2, 0, 3, undefined, undefined]);
    expect(pilotage.min).toEqual({ level: 0, at: [1] });
    expect(pilotage.max).toEqual({ level: 3, at: [2] });
    const equipements = spread.find((d) => d.domain === 'equipements')!;
    expect(equipements.min).toEqual({ level: 2, at: [0, 1] });
    expect(equipements.max).toEqual(equipements.min);
    const none = spread.find((d) => d.domain === 'objets-connectes')!;
    expect(none.min).toBeUndefined();
    expect(none.max).toBeUndefined();
  });
});

describe('the format of the viewpoints', () => {
  const schema = JSON.parse(readFileSync(new URL('../../docs/format/session.schema.v2.json', import.meta.url), 'utf8')) as object;
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  const file = (viewpoints: unknown) => {
    const f = JSON.parse(exampleText('dui-groupement.json')) as { session: Record<string, unknown> };
    f.session.viewpoints = viewpoints;
    return f;
  };
  const check = (viewpoints: unknown) => {
    const f = file(viewpoints);
    const parsed = parseSessionFile(JSON.stringify(f));
    return { schema: validate(f), app: parsed.ok ? [] : parsed.errors.map((e) => e.message) };
  };
  const good: Viewpoints = {
    objectives: [
      { id: 'o1', role: 'direction', text: 'Se conformer', actorId: 'act-ars' },
      { id: 'o2', role: 'dsi', text: 'Conformité' },
    ],
    matches: [['o1', 'o2']],
    maturity: { pilotage: { direction: 3, dsi: 'nsp' }, 'objets-connectes': {} },
    revealed: false,
  };

  it('a complete set of viewpoints is accepted by the JSON Schema and the app, and round-trips', () => {
    const actor = (JSON.parse(exampleText('dui-groupement.json')) as { session: Session }).session.actors[0]!.id;
    const vp = { ...good, objectives: [{ ...good.objectives[0]!, actorId: actor }, good.objectives[1]!] };
    expect(check(vp)).toEqual({ schema: true, app: [] });
    const parsed = parseSessionFile(JSON.stringify(file(vp)));
    expect(parsed.ok && parsed.value.session.viewpoints).toEqual(vp);
  });

  it('an unknown domain or a rating out of range is refused by both, in French', () => {
    const domain = check({ objectives: [], maturity: { astrologie: { dsi: 1 } } });
    expect(domain.schema).toBe(false);
    expect(domain.app[0]).toMatch(/grille de maturité.*« astrologie » inconnu/i);
    const rating = check({ objectives: [], maturity: { pilotage: { dsi: 4 } } });
    expect(rating.schema).toBe(false);
    expect(rating.app[0]).toMatch(/^Note de la DSI du domaine « pilotage ».*valeur non reconnue « 4 »/);
    expect(check({ objectives: [], maturity: { pilotage: { animation: 1 } } }).schema).toBe(false);
  });

  it('matches must resolve, join two roles, once; objective ids are unique and actors known', () => {
    const base = good.objectives.map((o) => ({ id: o.id, role: o.role, text: o.text }));
    expect(check({ objectives: base, matches: [['o1', 'o9']] }).app[0]).toContain('objectif inconnu « o9 »');
    expect(check({ objectives: [...base, { id: 'o3', role: 'direction', text: 'x' }], matches: [['o1', 'o3']] }).app[0]).toContain('même regard');
    expect(check({ objectives: base, matches: [['o1', 'o2'], ['o2', 'o1']] }).app[0]).toContain('en double');
    expect(check({ objectives: [...base, base[0]] }).app[0]).toContain('Identifiant en double « o1 » dans les objectifs');
    expect(check({ objectives: [{ ...base[0], actorId: 'act-nope' }] }).app[0]).toContain('acteur inconnu « act-nope »');
    const empty = check({ objectives: [{ id: 'o1', role: 'dsi', text: '' }] });
    expect(empty.schema).toBe(false);
    expect(empty.app[0]).toMatch(/Texte de l'objectif 1 « o1 ».*vide/);
    expect(check({ objectives: base, matches: [['o1']] }).schema).toBe(false);
  });
});
