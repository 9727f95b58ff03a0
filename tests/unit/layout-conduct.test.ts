import { describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../src/domain/format/file';
import { CONDUCT_LAYOUT as L, dateToX, laneAtY, layoutConductMap, neighbourStep, sameLayoutInputs, type StepBox, type ConductLayout } from '../../src/domain/layout/conduct';
import { axisTickLabel } from '../../src/i18n/dates';
import type { TimelineScale } from '../../src/domain/enums';
import type { Lane, Session, Step } from '../../src/domain/types';
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

const lanes: Lane[] = [{ id: 'a', label: 'A', actorId: 'actor-a' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }];
const map = (steps: Step[], scale: TimelineScale = 'annee', timeline: { start?: string; end?: string } = {}, today?: string) =>
  layoutConductMap({ lanes, steps, timeline: { scale, ...timeline } }, today === undefined ? {} : { today });

const X0 = L.laneHeaderWidth + L.margin;
const centre = (b: StepBox) => b.x + b.width / 2;
const apart = (p: StepBox, q: StepBox) => p.x + p.width + 8 <= q.x || q.x + q.width + 8 <= p.x;
const overlaps = (p: StepBox, q: StepBox) =>
  p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;

describe('conduct map layout: dated steps', () => {
  it('puts a step at the middle of its date, 2018 left of 2022, on an axis of whole years', () => {
    const layout = map([step('s1', 'a', { date: '2018' }), step('s2', 'b', { date: '2022-04' })]);
    const [s1, s2] = layout.steps as [StepBox, StepBox];
    expect(layout.range).toEqual({ start: 2018 * 12, end: 2023 * 12 });
    expect(s1.x).toBe(X0 + 130 - L.nodeWidth / 2); // middle of the 2018 column
    expect(centre(s1)).toBeCloseTo(dateToX(layout, '2018'));
    expect(centre(s2)).toBeCloseTo(X0 + 4 * 260 + 3.5 * (260 / 12)); // middle of April 2022
    expect(centre(s1)).toBeLessThan(centre(s2));
    expect([s1.width, s1.height, s1.dated, s1.isBar]).toEqual([L.nodeWidth, L.nodeHeight, true, false]);
    expect(layout.width).toBe(X0 + 5 * 260 + L.margin);
  });

  it('stacks two steps of the same year and lane in two rows that do not overlap', () => {
    const layout = map([step('s1', 'a', { date: '2020' }), step('s2', 'a', { date: '2020-06' })]);
    const [s1, s2] = layout.steps as [StepBox, StepBox];
    expect([s1.row, s2.row]).toEqual([0, 1]);
    expect(overlaps(s1, s2)).toBe(false);
    expect(s1.y).toBe(L.axisHeight + L.lanePadding);
    expect(s2.y).toBe(s1.y + L.nodeHeight + L.rowGap);
  });

  it('gives steps of the same date in different lanes the same x', () => {
    const layout = map([step('s1', 'a', { date: '2020-03' }), step('s2', 'b', { date: '2020-03' }), step('s3', 'c', { date: '2020-03' })]);
    const [s1, s2, s3] = layout.steps as [StepBox, StepBox, StepBox];
    expect(s2.x).toBe(s1.x);
    expect(s3.x).toBe(s1.x);
    expect(layout.steps.map((b) => b.row)).toEqual([0, 0, 0]);
    expect(layout.steps.map((b) => b.laneId)).toEqual(['a', 'b', 'c']);
    expect(s1.y).toBeLessThan(s2.y);
    expect(s2.y).toBeLessThan(s3.y);
  });

  it('requires 8 px between two boxes of a row', () => {
    // Months: 110 px each. The centres of 1 January and 24 February are 200.5 px apart: boxes 0.5 px apart.
    const close = map([step('s1', 'a', { date: '2022-01-01' }), step('s2', 'a', { date: '2022-02-24' })], 'mois');
    expect(close.steps.map((b) => b.row)).toEqual([0, 1]);
    // 1 January and 27 February: 12 px apart, they share the row.
    const far = map([step('s1', 'a', { date: '2022-01-01' }), step('s2', 'a', { date: '2022-02-27' })], 'mois');
    expect(far.steps.map((b) => b.row)).toEqual([0, 0]);
    expect(apart(far.steps[0]!, far.steps[1]!)).toBe(true);
  });

  it('takes the lowest free row even when a later step sits left of an earlier one', () => {
    // `2022` (middle of the year) then `2022-01` (January) is in order; in months they are far apart.
    const layout = map([step('s1', 'a', { date: '2022' }), step('s2', 'a', { date: '2022-01' })], 'mois');
    const [s1, s2] = layout.steps as [StepBox, StepBox];
    expect(s2.x + s2.width).toBeLessThan(s1.x);
    expect([s1.row, s2.row]).toEqual([0, 0]);
    expect(layout.lanes[0]!.height).toBe(L.minLaneHeight);
  });

  it('counts timeline start and end in the axis', () => {
    const layout = map([step('s1', 'a', { date: '2020' })], 'annee', { start: '2018-05', end: '2023-02' });
    expect(layout.range).toEqual({ start: 2018 * 12, end: 2024 * 12 });
    expect(tickLabels(layout).map((t) => t.label)).toEqual(['2018', '2019', '2020', '2021', '2022', '2023']);
  });
});

describe('conduct map layout: undated steps', () => {
  it('places the DUI example steps 3 to 8 in order between steps 2 and 9', () => {
    const layout = layoutConductMap(dui());
    const xs = layout.steps.map(centre);
    expect(layout.steps.map((b) => b.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(layout.steps.map((b) => b.dated)).toEqual([true, true, false, false, false, false, false, false, true, true, false, false]);
    let previous = xs[1]!; // step 2
    for (let i = 2; i <= 7; i++) {
      expect(xs[i]!).toBeGreaterThan(previous);
      previous = xs[i]!;
    }
    expect(previous).toBeLessThan(xs[8]!); // step 9
    // Evenly spaced between the two dated neighbours.
    const pitch = (xs[8]! - xs[1]!) / 7;
    for (let i = 2; i <= 7; i++) expect(xs[i]! - xs[i - 1]!).toBeCloseTo(pitch);
  });

  it('spaces undated steps leftward before the first dated one, never over the lane labels, and rightward after the last', () => {
    const layout = map([
      step('u1', 'a'), step('u2', 'a'), step('u3', 'b'), step('d1', 'c', { date: '2020' }), step('u4', 'a'), step('u5', 'b'),
    ], 'annee', { start: '2019' });
    const [u1, u2, u3, d1, u4, u5] = layout.steps.map(centre) as [number, number, number, number, number, number];
    const pitch = L.nodeWidth * 0.75;
    expect(d1).toBe(X0 + 260 + 130);
    expect(u3).toBe(d1 - pitch);
    expect(u2).toBe(d1 - 2 * pitch);
    // u1 would start left of the labels column: clamped to it.
    expect(u1).toBe(L.laneHeaderWidth + 8 + L.nodeWidth / 2);
    expect(u1).toBeLessThan(u2);
    expect(u4).toBe(d1 + pitch);
    expect(u5).toBe(d1 + 2 * pitch);
    expect(layout.steps.every((b) => b.x >= L.laneHeaderWidth + 8)).toBe(true);
    expect(layout.width).toBe(layout.steps[5]!.x + L.nodeWidth + L.margin);
  });

  it('lays out a session with no date at all in order, on an axis without years and with no today mark', () => {
    const steps = [step('s1', 'a'), step('s2', 'a'), step('s3', 'b'), step('s4', 'a'), step('s5', 'a')];
    const layout = map(steps, 'annee', {}, '2026-11-24');
    expect(layout.steps.map(centre)).toEqual([0, 1, 2, 3, 4].map((i) => X0 + L.nodeWidth / 2 + i * (L.nodeWidth + 24)));
    expect(layout.steps.every((b) => !b.dated && b.row === 0)).toBe(true);
    // Years around today would read as a project planned ahead.
    expect(layout.ticks).toEqual([]);
    expect(layout.today).toBeNull();
    const last = layout.steps[4]!;
    expect(layout.width).toBeGreaterThanOrEqual(last.x + last.width + L.margin);
    expect(map([], 'annee').ticks).toEqual([]);
    // One dated step brings the years back.
    expect(tickLabels(map([step('s1', 'a', { date: '2021' }), step('s2', 'a')], 'annee'))[0]!.label).toBe('2021');
  });
});

describe('conduct map layout: bars', () => {
  it('draws a step with an end date as a bar from the start of its date to the end of its end date', () => {
    const layout = map([step('s1', 'a', { date: '2019', endDate: '2021' }), step('s2', 'b', { date: '2019-03', endDate: '2020-02' })]);
    const [years, months] = layout.steps as [StepBox, StepBox];
    expect(years.isBar).toBe(true);
    expect(years.x).toBe(X0);
    expect(years.width).toBe(3 * 260);
    expect(layout.range).toEqual({ start: 2019 * 12, end: 2022 * 12 });
    expect(months.x).toBeCloseTo(X0 + 2 * (260 / 12));
    expect(months.width).toBeCloseTo(260);
  });

  it('keeps a short bar at least as wide as a node', () => {
    const [bar] = map([step('s1', 'a', { date: '2019-03', endDate: '2019-04' })]).steps as [StepBox];
    expect(bar.isBar).toBe(true);
    expect(bar.width).toBe(L.nodeWidth);
  });
});

describe('conduct map layout: scales', () => {
  const steps = [step('s1', 'a', { date: '2019-02' }), step('s2', 'b', { date: '2020-11' })];

  it('labels years, quarters and months', () => {
    const years = map(steps, 'annee');
    expect(tickLabels(years).map((t) => [t.label, t.major])).toEqual([['2019', true], ['2020', true]]);
    const quarters = map(steps, 'trimestre');
    expect(tickLabels(quarters).map((t) => t.label)).toEqual(['T1 2019', 'T2 2019', 'T3 2019', 'T4 2019', 'T1 2020', 'T2 2020', 'T3 2020', 'T4 2020']);
    expect(tickLabels(quarters).filter((t) => t.major).map((t) => t.label)).toEqual(['T1 2019', 'T1 2020']);
    const months = map(steps, 'mois');
    expect(months.range).toEqual({ start: 2019 * 12 + 1, end: 2020 * 12 + 11 });
    expect(tickLabels(months).slice(0, 12).map((t) => t.label)).toEqual([
      'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.', 'janv. 2020',
    ]);
    expect(tickLabels(months).at(-1)!.label).toBe('nov.');
    expect(tickLabels(months).filter((t) => t.major).map((t) => t.label)).toEqual(['janv. 2020']);
  });

  it('makes the axis columns as wide as the scale says, one after another', () => {
    for (const scale of ['annee', 'trimestre', 'mois'] as const) {
      const { ticks } = map(steps, scale);
      expect(ticks[0]!.x).toBe(X0);
      expect(ticks.every((t) => t.width === L.unitWidth[scale])).toBe(true);
      for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.x).toBeCloseTo(ticks[i - 1]!.x + ticks[i - 1]!.width);
    }
  });

  it('is wider in months than in quarters, and in quarters than in years', () => {
    const [years, quarters, months] = (['annee', 'trimestre', 'mois'] as const).map((s) => map(steps, s)) as [
      ReturnType<typeof map>, ReturnType<typeof map>, ReturnType<typeof map>,
    ];
    expect(months.width).toBeGreaterThan(quarters.width);
    expect(quarters.width).toBeGreaterThan(years.width);
    const gap = (l: typeof years) => centre(l.steps[1]!) - centre(l.steps[0]!);
    expect(gap(months)).toBeGreaterThan(gap(quarters));
    expect(gap(quarters)).toBeGreaterThan(gap(years));
    expect(months.scale).toBe('mois');
  });
});

describe('conduct map layout: lanes', () => {
  it('stacks lane bands under the axis and grows a lane with its rows', () => {
    const layout = map([
      step('s1', 'b', { date: '2020' }), step('s2', 'b', { date: '2020' }), step('s3', 'b', { date: '2020' }), step('s4', 'c', { date: '2020' }),
    ]);
    const [a, b, c] = layout.lanes as [(typeof layout.lanes)[number], (typeof layout.lanes)[number], (typeof layout.lanes)[number]];
    expect(layout.lanes.map((l) => [l.id, l.label, l.index])).toEqual([['a', 'A', 0], ['b', 'B', 1], ['c', 'C', 2]]);
    expect(a.actorId).toBe('actor-a');
    expect(a.y).toBe(L.axisHeight);
    expect(a.height).toBe(L.minLaneHeight); // empty lane
    expect(b.y).toBe(a.y + a.height);
    expect(b.height).toBe(2 * L.lanePadding + 3 * L.nodeHeight + 2 * L.rowGap);
    expect(c.y).toBe(b.y + b.height);
    expect(c.height).toBe(L.minLaneHeight);
    expect(layout.height).toBe(L.axisHeight + a.height + b.height + c.height);
    expect(layout.steps.map((s) => s.row)).toEqual([0, 1, 2, 0]);
    for (const s of layout.steps) {
      const lane = layout.lanes.find((l) => l.id === s.laneId)!;
      expect(s.y).toBeGreaterThanOrEqual(lane.y + L.lanePadding);
      expect(s.y + s.height).toBeLessThanOrEqual(lane.y + lane.height - L.lanePadding);
    }
  });

  it('finds the lane under a y, clamped to the first and the last', () => {
    const layout = map([step('s1', 'b', { date: '2020' }), step('s2', 'b', { date: '2020' })]);
    const [a, b, c] = layout.lanes as [(typeof layout.lanes)[number], (typeof layout.lanes)[number], (typeof layout.lanes)[number]];
    expect(laneAtY(layout, a.y)?.id).toBe('a');
    expect(laneAtY(layout, b.y - 0.5)?.id).toBe('a');
    expect(laneAtY(layout, b.y)?.id).toBe('b');
    expect(laneAtY(layout, b.y + b.height - 1)?.id).toBe('b');
    expect(laneAtY(layout, c.y + 1)?.id).toBe('c');
    expect(laneAtY(layout, 0)?.id).toBe('a');
    expect(laneAtY(layout, -500)?.id).toBe('a');
    expect(laneAtY(layout, layout.height + 500)?.id).toBe('c');
    expect(laneAtY(layoutConductMap({ lanes: [], steps: [], timeline: { scale: 'annee' } }), 100)).toBeUndefined();
  });

  it('puts a step of an unknown lane in the first lane', () => {
    const layout = map([step('s1', 'nowhere', { date: '2020' }), step('s2', 'a', { date: '2020' })]);
    const [s1, s2] = layout.steps as [StepBox, StepBox];
    expect(s1.laneId).toBe('a');
    expect(s1.y).toBe(L.axisHeight + L.lanePadding);
    expect(s2.row).toBe(1);
    expect(overlaps(s1, s2)).toBe(false);
  });

  it('still lays steps out in one band when there is no lane', () => {
    const layout = layoutConductMap({
      lanes: [], steps: [step('s1', 'x', { date: '2020' }), step('s2', 'y', { date: '2020' })], timeline: { scale: 'annee' },
    });
    expect(layout.lanes).toEqual([]);
    const [s1, s2] = layout.steps as [StepBox, StepBox];
    expect(s1.laneId).toBe('');
    expect(s1.y).toBe(L.axisHeight + L.lanePadding);
    expect(s2.y).toBe(s1.y + L.nodeHeight + L.rowGap);
    expect(layout.height).toBeGreaterThanOrEqual(s2.y + s2.height);
  });
});

describe('conduct map layout: today and dates', () => {
  const steps = [step('s1', 'a', { date: '2025' }), step('s2', 'a', { date: '2027' })];

  it('marks today at the middle of its day when it falls inside the axis', () => {
    const layout = map(steps, 'annee', {}, '2026-11-24');
    expect(layout.today).toBeCloseTo(X0 + 260 + (10 + 23.5 / 30) * (260 / 12));
    expect(layout.today).toBeCloseTo(dateToX(layout, '2026-11-24'));
  });

  it('has no today mark outside the axis or without a today', () => {
    expect(map(steps, 'annee', {}, '2030-01-01').today).toBeNull();
    expect(map(steps, 'annee', {}, '2024-12-31').today).toBeNull();
    expect(map(steps, 'annee').today).toBeNull();
  });

  it('maps partial dates to the centre of their period', () => {
    const layout = map([step('s1', 'a', { date: '2020' })], 'mois', { end: '2020-12' });
    expect(dateToX(layout, '2020')).toBe(X0 + 6 * 110);
    expect(dateToX(layout, '2020-04')).toBe(X0 + 3.5 * 110);
    expect(dateToX(layout, '2020-02-15')).toBeCloseTo(X0 + (1 + 14.5 / 29) * 110); // 2020 is a leap year
  });
});

describe('conduct map layout: a large session', () => {
  it('lays out 2000 steps, each once, with no overlap inside a lane', () => {
    const steps = Array.from({ length: 2000 }, (_, i) =>
      step(`s${i}`, ['a', 'b', 'c'][i % 3]!, i % 4 ? { date: `${2000 + Math.floor(i / 100)}-${String((i % 12) + 1).padStart(2, '0')}` } : {}),
    );
    // Keep the chronology valid: dates must not go back, so sort the dated ones.
    const dates = steps.flatMap((s) => (s.date ? [s.date] : [])).sort();
    let k = 0;
    for (const s of steps) if (s.date) s.date = dates[k++]!;
    const layout = map(steps, 'mois');
    expect(layout.steps).toHaveLength(2000);
    expect(layout.byId.size).toBe(2000);
    expect(layout.steps.map((b) => b.number)).toEqual(steps.map((_, i) => i + 1));
    expect(layout.byId.get('s1234')).toBe(layout.steps[1234]);
    for (const lane of ['a', 'b', 'c']) {
      const inLane = layout.steps.filter((b) => b.laneId === lane);
      const sample = inLane.slice(300, 500);
      for (let i = 0; i < sample.length; i++) {
        for (let j = i + 1; j < sample.length; j++) expect(overlaps(sample[i]!, sample[j]!)).toBe(false);
      }
      // Every box of a row keeps 8 px from the others of its row.
      const byRow = new Map<number, StepBox[]>();
      for (const b of inLane) byRow.set(b.row, [...(byRow.get(b.row) ?? []), b]);
      for (const row of byRow.values()) {
        row.sort((p, q) => p.x - q.x);
        for (let i = 1; i < row.length; i++) expect(apart(row[i - 1]!, row[i]!)).toBe(true);
      }
    }
    const right = Math.max(...layout.steps.map((b) => b.x + b.width));
    expect(layout.width).toBeGreaterThanOrEqual(right + L.margin);
  });
});

describe('moving between steps with the arrow keys', () => {
  const session = dui();
  const layout = layoutConductMap(session);
  const id = (n: number) => session.steps[n - 1]!.id;
  const number = (stepId: string | null) => (stepId ? layout.byId.get(stepId)!.number : null);

  it('goes through the chronology with ← and →, and stops at both ends', () => {
    expect(number(neighbourStep(layout, id(1), 'next'))).toBe(2);
    expect(number(neighbourStep(layout, id(5), 'previous'))).toBe(4);
    expect(neighbourStep(layout, id(1), 'previous')).toBeNull();
    expect(number(neighbourStep(layout, id(11), 'next'))).toBe(12);
    expect(neighbourStep(layout, id(12), 'next')).toBeNull();
  });

  it('goes to the lane above or below, skipping empty lanes, to the step closest in time', () => {
    // Step 3 is in the Groupement lane; the DSI lane below it is empty.
    expect(session.lanes.find((l) => l.id === session.steps[2]!.laneId)!.label).toBe('Groupement');
    expect(number(neighbourStep(layout, id(3), 'laneBelow'))).toBe(5);
    // Above it, the Direction lane holds steps 1 (2018) and 9 (2022): step 1 is closer in time.
    expect(number(neighbourStep(layout, id(3), 'laneAbove'))).toBe(1);
    // Nothing above the first lane, nothing but the empty CSE lane below the last steps.
    expect(neighbourStep(layout, id(2), 'laneAbove')).toBeNull();
    expect(neighbourStep(layout, id(11), 'laneBelow')).toBeNull();
  });
});

describe('conduct map layout: kept after a text edit', () => {
  const steps = dui().steps;
  const edit = (i: number, change: Partial<Step>) => steps.map((s, k) => (k === i ? { ...s, ...change } : s));

  it('a new title, markers or participants lay out alike', () => {
    expect(sameLayoutInputs(steps, edit(2, { title: 'Autre titre', markers: [] }))).toBe(true);
    const layout = (s: readonly Step[]) => layoutConductMap({ ...dui(), steps: [...s] }, { today: '2026-11-25' });
    expect(layout(edit(2, { title: 'Autre titre' })).steps).toEqual(layout(steps).steps);
  });

  it('a new date, end date or lane, a step moved, added or removed do not', () => {
    expect(sameLayoutInputs(steps, edit(2, { date: '2019-03' }))).toBe(false);
    expect(sameLayoutInputs(steps, edit(9, { endDate: '2023-01' }))).toBe(false);
    expect(sameLayoutInputs(steps, edit(2, { laneId: steps[0]!.laneId === steps[2]!.laneId ? steps[1]!.laneId : steps[0]!.laneId }))).toBe(false);
    expect(sameLayoutInputs(steps, [steps[1]!, steps[0]!, ...steps.slice(2)])).toBe(false);
    expect(sameLayoutInputs(steps, steps.slice(1))).toBe(false);
  });
});

describe('conduct map layout: steps à venir', () => {
  it('puts a step planned and not done at its planned date, the axis reaching it, and still draws it as not done', () => {
    const layout = map([step('done', 'a', { date: '2021-03' }), step('plan', 'b', { planned: '2024-06' })]);
    const plan = layout.byId.get('plan')!;
    expect(centre(plan)).toBeCloseTo(dateToX(layout, '2024-06'));
    expect(layout.range.end).toBeGreaterThanOrEqual(2025 * 12);
    expect(plan.dated).toBe(false);
  });

  it('lays a map out again when a planned date moves', () => {
    const before = [step('plan', 'a', { planned: '2024-06' })];
    expect(sameLayoutInputs(before, [step('plan', 'a', { planned: '2025-01' })])).toBe(false);
  });
});
