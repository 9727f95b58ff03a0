import { describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../src/domain/format/file';
import { CONDUCT_LAYOUT, dateToX, laneAtY, layoutConductMap, period, type ConductLayout } from '../../src/domain/layout/conduct';
import { axisTickLabel } from '../../src/i18n/dates';
import type { Session, Step } from '../../src/domain/types';
import { exampleText } from '../formatExamples';

/** The ticks of the axis with their French labels. */
const tickLabels = (layout: ConductLayout) => layout.ticks.map((t) => ({ ...t, label: axisTickLabel(t.month, layout.scale) }));

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}

const step = (id: string, laneId: string, extra: Partial<Step> = {}): Step => ({
  id, title: id, laneId, kind: 'autre', markers: [], participants: [], ...extra,
});

const lanes = [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }];
const base = { lanes, timeline: { scale: 'annee' as const } };
const centre = (b: { x: number; width: number }) => b.x + b.width / 2;
const overlaps = (p: { x: number; y: number; width: number; height: number }, q: typeof p) =>
  p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;

describe('the layout of the conduct map', () => {
  it('places dated steps at their date, later ones to the right', () => {
    const layout = layoutConductMap({ ...base, steps: [step('s1', 'a', { date: '2018' }), step('s2', 'a', { date: '2022-04' })] });
    const [s1, s2] = layout.steps;
    expect(centre(s1!)).toBeCloseTo(dateToX(layout, '2018'));
    expect(centre(s2!)).toBeCloseTo(dateToX(layout, '2022-04'));
    expect(centre(s1!)).toBeLessThan(centre(s2!));
    expect(tickLabels(layout).map((t) => t.label)).toEqual(['2018', '2019', '2020', '2021', '2022']);
  });

  it('steps that share a date and a lane never overlap; in different lanes they share the x', () => {
    const layout = layoutConductMap({
      ...base,
      steps: [step('s1', 'a', { date: '2020' }), step('s2', 'a', { date: '2020' }), step('s3', 'b', { date: '2020' })],
    });
    const [s1, s2, s3] = layout.steps;
    expect(overlaps(s1!, s2!)).toBe(false);
    expect(s2!.row).toBe(1);
    expect(s3!.x).toBe(s1!.x);
    // The lane with two rows is taller, and the next lane starts below it.
    expect(layout.lanes[0]!.height).toBeGreaterThan(layout.lanes[1]!.height);
    expect(layout.lanes[1]!.y).toBe(layout.lanes[0]!.y + layout.lanes[0]!.height);
  });

  it('undated steps sit between their neighbours, in order (the DUI example, steps 3 to 8)', () => {
    const layout = layoutConductMap(dui());
    const xs = layout.steps.map(centre);
    for (let i = 2; i <= 8; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    expect(xs[2]!).toBeGreaterThan(xs[1]!);
    expect(xs[7]!).toBeLessThan(xs[8]!);
    expect(layout.steps.map((b) => b.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('a step that lasts is drawn as a bar from its start to its end', () => {
    const layout = layoutConductMap({ ...base, steps: [step('s1', 'a', { date: '2019', endDate: '2021' })] });
    const [bar] = layout.steps;
    expect(bar!.isBar).toBe(true);
    expect(bar!.x).toBeCloseTo(dateToX(layout, '2019') - CONDUCT_LAYOUT.unitWidth.annee / 2);
    expect(bar!.width).toBeCloseTo(3 * CONDUCT_LAYOUT.unitWidth.annee);
  });

  it('the scale changes the axis: months are wider than years, quarters are labelled', () => {
    const steps = [step('s1', 'a', { date: '2019-02' }), step('s2', 'b', { date: '2019-11' })];
    const years = layoutConductMap({ ...base, steps });
    const quarters = layoutConductMap({ lanes, steps, timeline: { scale: 'trimestre' } });
    const months = layoutConductMap({ lanes, steps, timeline: { scale: 'mois' } });
    expect(tickLabels(quarters).map((t) => t.label)).toEqual(['T1 2019', 'T2 2019', 'T3 2019', 'T4 2019']);
    expect(tickLabels(months)[0]!.label).toBe('févr.');
    expect(tickLabels(months).at(-1)!.label).toBe('nov.');
    const gap = (l: typeof years) => centre(l.steps[1]!) - centre(l.steps[0]!);
    expect(gap(months)).toBeGreaterThan(gap(quarters));
    expect(gap(quarters)).toBeGreaterThan(gap(years));
  });

  it('finds the lane under a point, clamped to the first and last', () => {
    const layout = layoutConductMap({ ...base, steps: [] });
    expect(laneAtY(layout, layout.lanes[1]!.y + 5)?.id).toBe('b');
    expect(laneAtY(layout, -100)?.id).toBe('a');
    expect(laneAtY(layout, 1e6)?.id).toBe('b');
  });

  it('marks today when it falls inside the axis', () => {
    const steps = [step('s1', 'a', { date: '2025' }), step('s2', 'a', { date: '2027' })];
    expect(layoutConductMap({ ...base, steps }, { today: '2026-11-24' }).today).not.toBeNull();
    expect(layoutConductMap({ ...base, steps }, { today: '2030-01-01' }).today).toBeNull();
  });

  it('a session with no date at all still lays its steps out in order', () => {
    const layout = layoutConductMap({ ...base, steps: [step('s1', 'a'), step('s2', 'a'), step('s3', 'b')] });
    const xs = layout.steps.map(centre);
    expect(xs[0]!).toBeLessThan(xs[1]!);
    expect(xs[1]!).toBeLessThan(xs[2]!);
    expect(layout.width).toBeGreaterThan(layout.steps[2]!.x + layout.steps[2]!.width);
  });

  it('lays out 2000 steps with no overlap inside a lane', () => {
    const steps = Array.from({ length: 2000 }, (_, i) => step(`s${i}`, i % 2 ? 'a' : 'b', i % 3 ? { date: `${2000 + Math.floor(i / 100)}` } : {}));
    const layout = layoutConductMap({ ...base, steps });
    expect(layout.steps).toHaveLength(2000);
    const inA = layout.steps.filter((b) => b.laneId === 'a').slice(0, 200);
    for (let i = 0; i < inA.length; i++) for (let j = i + 1; j < inA.length; j++) expect(overlaps(inA[i]!, inA[j]!)).toBe(false);
  });

  it('periods of partial dates', () => {
    expect(period('2018')).toEqual({ start: 2018 * 12, end: 2019 * 12 });
    expect(period('2022-04')).toEqual({ start: 2022 * 12 + 3, end: 2022 * 12 + 4 });
    expect(period('2022-04-16').start).toBeCloseTo(2022 * 12 + 3 + 0.5);
  });
});
