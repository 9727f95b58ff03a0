/** The holes of a conduct (domain/gaps.ts): one test per rule (fires, does not fire, dismissed, planned). */
import { describe, expect, it } from 'vitest';
import { dismissGap, findGaps, isUpcoming, openGaps, planGap, plannedStep } from '../../src/domain/gaps';
import { deleteSteps } from '../../src/domain/commands/conduct';
import { checkRules } from '../../src/domain/format/rules';
import { parseSessionFile } from '../../src/domain/format/file';
import { createSession } from '../../src/domain/session';
import type { GapRule, StepKind } from '../../src/domain/enums';
import type { Session, Step } from '../../src/domain/types';
import { exampleText } from '../formatExamples';

const base = (): Session => ({
  ...createSession({ title: 'Trous', establishment: { name: 'EHPAD' }, project: { name: 'DUI' } }, new Date('2024-01-01'), 's1'),
  actors: [
    { id: 'dir', name: 'Direction', category: 'direction' },
    { id: 'pros', name: 'Soignant·es', category: 'professionnels' },
    { id: 'cse', name: 'CSE', category: 'representants-personnel' },
    { id: 'dsi', name: 'DSI', category: 'dsi' },
    { id: 'ref', name: 'Référent·es', category: 'referents' },
  ],
  lanes: [
    { id: 'l-dir', label: 'Direction', actorId: 'dir' },
    { id: 'l-dsi', label: 'DSI', actorId: 'dsi' },
    { id: 'l-cse', label: 'CSE', actorId: 'cse' },
    { id: 'l-ref', label: 'Référent·es', actorId: 'ref' },
    { id: 'l-pros', label: 'Pros', actorId: 'pros' },
  ],
});

let n = 0;
const step = (kind: StepKind, extra: Partial<Step> = {}): Step => ({
  id: `st-${++n}`, title: kind, laneId: 'l-dir', kind, markers: [], participants: [], ...extra,
});
const withSteps = (...steps: Step[]): Session => ({ ...base(), steps });
const rules = (s: Session) => findGaps(s).map((g) => g.rule);
const gap = (s: Session, rule: GapRule) => findGaps(s).find((g) => g.rule === rule);
const users: Partial<Step> = { markers: ['utilisateurs-impliques'] };

/** For each rule: a session where it fires, and one where it does not. */
const cases: Record<GapRule, { fires: () => Session; not: () => Session; lane: string }> = {
  'analyse-besoins': {
    fires: () => withSteps(step('lancement'), step('choix-solution')),
    not: () => withSteps(step('organisation', { participants: [{ actorId: 'pros', role: 'contribue' }] }), step('choix-solution')),
    lane: 'l-dir',
  },
  'irp-avant-deploiement': {
    fires: () => withSteps(step('lancement'), step('deploiement'), step('dialogue-social')),
    not: () => withSteps(step('lancement', { markers: ['irp-informees'] }), step('deploiement')),
    lane: 'l-cse',
  },
  'evaluation-apres-deploiement': {
    fires: () => withSteps(step('evaluation', users), step('deploiement')),
    not: () => withSteps(step('deploiement'), step('evaluation', users)),
    lane: 'l-dir',
  },
  'evaluation-sans-utilisateurs': {
    fires: () => withSteps(step('deploiement'), step('evaluation')),
    not: () => withSteps(step('deploiement'), step('evaluation', { participants: [{ actorId: 'pros', role: 'contribue' }] })),
    lane: 'l-pros',
  },
  'suite-formation': {
    fires: () => withSteps(step('formation'), step('ajustement')),
    not: () => withSteps(step('formation'), step('mise-a-jour')),
    lane: 'l-ref',
  },
  'canal-ajustements': {
    fires: () => withSteps(step('ajustement')),
    not: () => ({
      ...withSteps(step('ajustement')),
      relations: [{ id: 'r1', from: 'pros', to: 'dsi', kind: 'remonte', channel: 'logiciel', formality: 'prescrite', answer: 'repondu' }],
    }),
    lane: 'l-dsi',
  },
  'mise-a-jour-sans-information': {
    fires: () => withSteps(step('mise-a-jour')),
    not: () => withSteps(step('mise-a-jour', { markers: ['utilisateurs-informes'] })),
    lane: 'l-dsi',
  },
};

describe.each(Object.entries(cases) as [GapRule, (typeof cases)[GapRule]][])('the rule %s', (rule, c) => {
  it('fires, with the lane of who would run it', () => {
    const g = gap(c.fires(), rule);
    expect(g).toBeDefined();
    expect(g!.laneId).toBe(c.lane);
    expect(g!.review).toBeUndefined();
    expect(openGaps(c.fires()).map((x) => x.rule)).toContain(rule);
  });

  it('does not fire when the map has it', () => {
    expect(rules(c.not())).not.toContain(rule);
  });

  it('is no longer open once dismissed, and keeps the reason', () => {
    const s = dismissGap(c.fires(), rule, '  Hors du champ du projet ');
    expect(gap(s, rule)!.review).toEqual({ rule, status: 'ecarte', reason: 'Hors du champ du projet' });
    expect(openGaps(s).map((x) => x.rule)).not.toContain(rule);
    expect(checkRules(s)).toEqual([]);
  });

  it('becomes a step à venir of its kind once planned', () => {
    const before = c.fires();
    const g = gap(before, rule)!;
    const s = planGap(before, rule, plannedStep(g, { id: 'planned', title: 'À faire', planned: '2030-03' }));
    const added = s.steps.find((x) => x.id === 'planned')!;
    expect(added).toMatchObject({ kind: g.kind, laneId: c.lane, planned: '2030-03' });
    expect(added.date).toBeUndefined();
    expect(isUpcoming(added)).toBe(true);
    expect(s.gaps).toEqual([{ rule, status: 'planifie', stepId: 'planned' }]);
    expect(openGaps(s).map((x) => x.rule)).not.toContain(rule);
    expect(checkRules(s)).toEqual([]);
    // Deleting the planned step makes it a hole again, and the session stays valid.
    const deleted = deleteSteps(s, ['planned']);
    expect(deleted.gaps).toEqual([]);
    expect(checkRules(deleted)).toEqual([]);
  });
});

describe('the holes', () => {
  it('an unanswered feedback is a hole of the feedback channel, even without adjustments', () => {
    const s = { ...withSteps(step('lancement')), relations: [{ id: 'r', from: 'pros', to: 'dsi', kind: 'remonte' as const, answer: 'sans-reponse' as const }] };
    expect(rules(s)).toEqual(['canal-ajustements']);
    expect(gap(s, 'canal-ajustements')!.anchor).toBe(1);
  });

  it('places a hole before the step that shows it', () => {
    const s = withSteps(step('lancement'), step('formation'), step('deploiement'));
    expect(gap(s, 'irp-avant-deploiement')!.anchor).toBe(2);
    expect(gap(s, 'evaluation-apres-deploiement')!.anchor).toBe(3);
  });

  it('falls back to the first lane when no actor fits', () => {
    const s = { ...withSteps(step('mise-a-jour')), lanes: [{ id: 'only', label: 'Tous' }] };
    expect(gap(s, 'mise-a-jour-sans-information')!.laneId).toBe('only');
  });

  it('an empty map has no hole; a planned step is placed by its planned date', () => {
    expect(findGaps(base())).toEqual([]);
    const s = withSteps(step('deploiement', { date: '2020' }), step('formation', { date: '2022' }));
    const g = gap(s, 'irp-avant-deploiement')!;
    const planned = planGap(s, g.rule, plannedStep(g, { id: 'p', title: 'CSE', planned: '2021' }));
    expect(planned.steps.map((x) => x.id)).toEqual([s.steps[0]!.id, 'p', s.steps[1]!.id]);
  });

  it('the v1 DUI example has its holes: the CSE, the evaluation, after the training, the adjustments', () => {
    const parsed = parseSessionFile(exampleText('v1/dui-groupement.json'));
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    const found = findGaps(parsed.value.session);
    expect(found.map((g) => g.rule)).toEqual(['irp-avant-deploiement', 'evaluation-apres-deploiement', 'suite-formation', 'canal-ajustements']);
    expect(found[0]!.laneId).toBe('lane-cse');
  });
});

describe('the ghosts on the map', () => {
  it('sit in their lane, near their place, over no step and no other ghost', async () => {
    const { layoutConductMap } = await import('../../src/domain/layout/conduct');
    const { placeGhosts } = await import('../../src/domain/layout/ghosts');
    const parsed = parseSessionFile(exampleText('v1/dui-groupement.json'));
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    const session = parsed.value.session;
    // Every hole at once, all in one crowded lane.
    const gaps = (['analyse-besoins', 'irp-avant-deploiement', 'evaluation-apres-deploiement', 'suite-formation'] as const).map((rule, i) => ({ rule, laneId: 'lane-pros', anchor: 7 + i }));
    const layout = layoutConductMap(session);
    const ghosts = placeGhosts(layout, [...gaps, ...findGaps(session)]);
    const boxes = [...layout.steps, ...ghosts];
    const hit = (a: (typeof boxes)[number], b: (typeof boxes)[number]) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const g of ghosts) {
      const lane = layout.lanes.find((l) => l.id === g.laneId)!;
      expect(g.y).toBeGreaterThanOrEqual(lane.y);
      expect(g.y + g.height).toBeLessThanOrEqual(lane.y + lane.height);
      for (const b of boxes) if (b !== g) expect(hit(g, b)).toBe(false);
    }
  });

  it('stay inside the lanes: a hole after the last step is drawn at the lane\'s end, not past it', async () => {
    const { layoutConductMap } = await import('../../src/domain/layout/conduct');
    const { placeGhosts } = await import('../../src/domain/layout/ghosts');
    const parsed = parseSessionFile(exampleText('dui-groupement.json'));
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    const session = parsed.value.session;
    const layout = layoutConductMap(session);
    const ghosts = placeGhosts(layout, openGaps(session));
    expect(ghosts.map((g) => g.rule)).toContain('evaluation-apres-deploiement');
    for (const g of ghosts) expect(g.x + g.width).toBeLessThanOrEqual(layout.width);
  });
});

describe('the ghosts in the SVG export', () => {
  it('are drawn only when shown, named like on the map; a step à venir says so', async () => {
    const { renderConductSvg } = await import('../../src/render/conductSvg');
    const parsed = parseSessionFile(exampleText('v1/dui-groupement.json'));
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    const session = parsed.value.session;
    const shown = renderConductSvg(session, { ghosts: true }).svg;
    expect(shown.match(/<g class="ghost"/g)).toHaveLength(4);
    expect(shown).toContain('<title>Étape manquante : Information et consultation du CSE avant le déploiement, couloir CSE / représentant·es du personnel</title>');
    expect(renderConductSvg(session, { ghosts: false }).svg).not.toContain('class="ghost"');
    const g = findGaps(session)[0]!;
    const planned = planGap(session, g.rule, plannedStep(g, { id: 'p', title: 'Consultation du CSE', planned: '2026-03' }));
    const svg = renderConductSvg(planned, { ghosts: true }).svg;
    expect(svg.match(/<g class="ghost"/g)).toHaveLength(3);
    expect(svg).toContain('À venir · mars 2026');
  });
});
