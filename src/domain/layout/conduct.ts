/**
 * The layout of the project-conduct map: a pure function from the session to positions.
 * Time runs left to right in "month units" (year * 12 + month - 1, fractional for days); lanes
 * are horizontal bands, top to bottom; inside a lane, steps that would overlap go in rows.
 */
import type { TimelineScale } from '../enums';
import type { Session, Step } from '../types';

export const CONDUCT_LAYOUT = {
  laneHeaderWidth: 240,
  axisHeight: 56,
  nodeWidth: 200,
  nodeHeight: 88,
  rowGap: 14,
  lanePadding: 14,
  minLaneHeight: 116,
  unitWidth: { annee: 260, trimestre: 170, mois: 110 } as const,
  margin: 40,
};

/** A tick of the time axis: where it is drawn, and the month unit it starts at (its words: i18n/dates's `axisTickLabel`). */
export interface AxisTick { x: number; width: number; month: number; major: boolean }
export interface LaneBand { id: string; label: string; actorId?: string; y: number; height: number; index: number }
export interface StepBox {
  id: string;
  number: number;
  laneId: string;
  x: number;
  y: number;
  width: number;
  height: number;
  row: number;
  isBar: boolean;
  dated: boolean;
}
export interface ConductLayout {
  scale: TimelineScale;
  ticks: AxisTick[];
  lanes: LaneBand[];
  steps: StepBox[];
  byId: ReadonlyMap<string, StepBox>;
  width: number;
  height: number;
  today: number | null;
  range: { start: number; end: number };
}

const MONTHS_PER_UNIT: Record<TimelineScale, number> = { annee: 12, trimestre: 3, mois: 1 };
const GAP = 8;

/** One row of a lane: the extents of its boxes, disjoint and sorted, as parallel arrays. */
interface Row { lefts: number[]; rights: number[] }

/**
 * Where [left, right) goes in a row, keeping GAP pixels from its neighbours: the insertion index,
 * or -1 when it would overlap. Binary search, since the boxes of a row are sorted and disjoint.
 */
function slotIn(row: Row, left: number, right: number): number {
  let lo = 0;
  let hi = row.rights.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (row.rights[mid]! + GAP <= left) lo = mid + 1;
    else hi = mid;
  }
  const next = row.lefts[lo];
  return next !== undefined && next < right + GAP ? -1 : lo;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period a partial date covers, in month units: [start, end). */
export function period(date: string): { start: number; end: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (m === undefined) return { start: y * 12, end: y * 12 + 12 };
  const base = y * 12 + (m - 1);
  if (d === undefined) return { start: base, end: base + 1 };
  const days = daysIn(y, m);
  return { start: base + (d - 1) / days, end: base + d / days };
}

const centre = (date: string) => {
  const p = period(date);
  return (p.start + p.end) / 2;
};

function axisRange(session: Pick<Session, 'steps' | 'timeline'>, scale: TimelineScale, today?: string): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  const take = (d: string | undefined) => {
    if (!d) return;
    const p = period(d);
    start = Math.min(start, p.start);
    end = Math.max(end, p.end);
  };
  for (const s of session.steps) {
    take(s.date);
    take(s.endDate);
    take(s.planned);
  }
  take(session.timeline.start);
  take(session.timeline.end);
  if (!Number.isFinite(start)) {
    const year = today ? Number(today.slice(0, 4)) : 2024;
    start = year * 12;
    end = start + 12;
  }
  const unit = MONTHS_PER_UNIT[scale];
  return { start: Math.floor(start / unit) * unit, end: Math.max(Math.ceil(end / unit) * unit, Math.floor(start / unit) * unit + unit) };
}

/** Years are all major ticks; quarters and months are major at the start of a year. */
const isMajorTick = (m: number, scale: TimelineScale): boolean => scale === 'annee' || m % 12 === 0;

/**
 * Whether two versions of the steps lay out alike: the same steps in the same order, with the same
 * dates and lanes (a title, a marker or a participant does not move a step). The conduct map then
 * keeps its layout, and the chronology its conflicts, after a text edit.
 */
export function sameLayoutInputs(a: readonly Step[], b: readonly Step[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.id !== y.id || x.date !== y.date || x.endDate !== y.endDate || x.planned !== y.planned || x.laneId !== y.laneId)) return false;
  }
  return true;
}

export function layoutConductMap(session: Pick<Session, 'lanes' | 'steps' | 'timeline'>, options: { today?: string } = {}): ConductLayout {
  const L = CONDUCT_LAYOUT;
  const scale = session.timeline.scale;
  let range = axisRange(session, scale, options.today);
  const pxPerMonth = L.unitWidth[scale] / MONTHS_PER_UNIT[scale];
  const x0 = L.laneHeaderWidth + L.margin;
  const xOf = (m: number) => x0 + (m - range.start) * pxPerMonth;
  const steps = session.steps;
  // A step à venir (planned, not done yet) stands at its planned date: an action plan reads ahead in time.
  const when = (s: Session['steps'][number]) => s.date ?? s.planned;
  const anyDated = steps.some((s) => when(s));

  // 1. Horizontal extent of every step: dated ones at their date, undated ones between neighbours.
  const spans: { left: number; width: number; dated: boolean; isBar: boolean }[] = new Array(steps.length);
  const centres: (number | null)[] = steps.map((s) => {
    const at = when(s);
    return at ? xOf(centre(at)) : null;
  });
  if (!anyDated) {
    steps.forEach((_, i) => (centres[i] = x0 + L.nodeWidth / 2 + i * (L.nodeWidth + 24)));
  } else {
    const step = L.nodeWidth * 0.75;
    let prev = -1;
    for (let i = 0; i <= steps.length; i++) {
      if (i < steps.length && centres[i] === null) continue;
      const gapStart = prev + 1;
      const gapEnd = i; // exclusive
      if (gapEnd > gapStart) {
        const left = prev >= 0 ? centres[prev]! : null;
        const right = i < steps.length ? centres[i]! : null;
        for (let k = gapStart; k < gapEnd; k++) {
          if (left !== null && right !== null) centres[k] = left + ((right - left) * (k - prev)) / (gapEnd - prev);
          else if (left !== null) centres[k] = left + step * (k - prev);
          else centres[k] = Math.max(L.laneHeaderWidth + 8 + L.nodeWidth / 2, right! - step * (gapEnd - k));
        }
      }
      prev = i;
    }
  }
  steps.forEach((s, i) => {
    if (s.date && s.endDate) {
      const from = xOf(period(s.date).start);
      const to = xOf(period(s.endDate).end);
      const width = Math.max(L.nodeWidth, to - from);
      spans[i] = { left: to - from >= L.nodeWidth ? from : (from + to) / 2 - L.nodeWidth / 2, width, dated: true, isBar: true };
    } else {
      spans[i] = { left: centres[i]! - L.nodeWidth / 2, width: L.nodeWidth, dated: Boolean(s.date), isBar: false };
    }
  });

  // 2. Rows inside each lane (greedy, in chronology order): a step takes the lowest row where it
  // overlaps no step already placed there. A step of an unknown lane goes in the first lane.
  const laneIndex = new Map(session.lanes.map((l, i) => [l.id, i]));
  const laneRows: Row[][] = (session.lanes.length ? session.lanes : [null]).map(() => []);
  const rows: number[] = new Array(steps.length);
  const laneOf: number[] = steps.map((s) => laneIndex.get(s.laneId) ?? 0);
  steps.forEach((_, i) => {
    const lr = laneRows[laneOf[i]!]!;
    const { left, width } = spans[i]!;
    const right = left + width;
    let row = 0;
    for (; row < lr.length; row++) {
      const at = slotIn(lr[row]!, left, right);
      if (at >= 0) {
        lr[row]!.lefts.splice(at, 0, left);
        lr[row]!.rights.splice(at, 0, right);
        break;
      }
    }
    if (row === lr.length) lr.push({ lefts: [left], rights: [right] });
    rows[i] = row;
  });

  // 3. Lanes, top to bottom.
  const lanes: LaneBand[] = [];
  let y = L.axisHeight;
  const laneY: number[] = [];
  const laneCount = Math.max(session.lanes.length, 1);
  for (let li = 0; li < laneCount; li++) {
    const n = laneRows[li]?.length ?? 0;
    const height = Math.max(L.minLaneHeight, 2 * L.lanePadding + n * L.nodeHeight + Math.max(0, n - 1) * L.rowGap);
    laneY.push(y);
    const lane = session.lanes[li];
    if (lane) lanes.push({ id: lane.id, label: lane.label, ...(lane.actorId ? { actorId: lane.actorId } : {}), y, height, index: li });
    y += height;
  }

  // A box carries the id of the band it is drawn in: the first lane for an unknown lane, '' without lanes.
  const boxes: StepBox[] = steps.map((s, i) => ({
    id: s.id,
    number: i + 1,
    laneId: session.lanes[laneOf[i]!]?.id ?? '',
    x: spans[i]!.left,
    y: laneY[laneOf[i]!]! + L.lanePadding + rows[i]! * (L.nodeHeight + L.rowGap),
    width: spans[i]!.width,
    height: L.nodeHeight,
    row: rows[i]!,
    isBar: spans[i]!.isBar,
    dated: spans[i]!.dated,
  }));

  const rightmost = boxes.reduce((m, b) => Math.max(m, b.x + b.width), 0);
  if (!anyDated && rightmost > xOf(range.end)) {
    const unit = MONTHS_PER_UNIT[scale];
    const extra = Math.ceil((rightmost - xOf(range.end)) / pxPerMonth / unit) * unit;
    range = { start: range.start, end: range.end + extra };
  }
  // With no date at all, the steps are in order on an axis without years: years around today
  // would read as a project planned ahead.
  const ticks: AxisTick[] = [];
  const unit = MONTHS_PER_UNIT[scale];
  if (anyDated) for (let m = range.start; m < range.end; m += unit) ticks.push({ x: xOf(m), width: unit * pxPerMonth, month: m, major: isMajorTick(m, scale) });

  let today: number | null = null;
  if (options.today && anyDated) {
    const t = centre(options.today.slice(0, 10));
    if (t >= range.start && t < range.end) today = xOf(t);
  }
  const width = Math.max(xOf(range.end) + L.margin, rightmost + L.margin);
  return { scale, ticks, lanes, steps: boxes, byId: new Map(boxes.map((b) => [b.id, b])), width, height: y, today, range };
}

/** The lane band containing y (clamped to the first and last lanes). */
export function laneAtY(layout: ConductLayout, y: number): LaneBand | undefined {
  const { lanes } = layout;
  if (lanes.length === 0) return undefined;
  for (const lane of lanes) if (y < lane.y + lane.height) return lane;
  return lanes[lanes.length - 1];
}

/** The centre x of a partial date on this layout's axis. */
export function dateToX(layout: ConductLayout, date: string): number {
  const L = CONDUCT_LAYOUT;
  const pxPerMonth = L.unitWidth[layout.scale] / MONTHS_PER_UNIT[layout.scale];
  return L.laneHeaderWidth + L.margin + (centre(date) - layout.range.start) * pxPerMonth;
}

export type StepDirection = 'previous' | 'next' | 'laneAbove' | 'laneBelow';

/**
 * The step the keyboard goes to from `fromId`: the previous or next step of the chronology, or
 * in the nearest lane above or below that holds steps, the one closest in time (then in number).
 * `null` when there is none that way.
 */
export function neighbourStep(layout: ConductLayout, fromId: string, direction: StepDirection): string | null {
  const from = layout.byId.get(fromId);
  if (!from) return layout.steps[0]?.id ?? null;
  if (direction === 'previous' || direction === 'next') {
    const ordered = [...layout.steps].sort((a, b) => a.number - b.number);
    return ordered[from.number - 1 + (direction === 'next' ? 1 : -1)]?.id ?? null;
  }
  const laneIndex = new Map(layout.lanes.map((l) => [l.id, l.index]));
  const here = laneIndex.get(from.laneId) ?? 0;
  const step = direction === 'laneBelow' ? 1 : -1;
  for (let lane = here + step; lane >= 0 && lane < layout.lanes.length; lane += step) {
    const candidates = layout.steps.filter((s) => laneIndex.get(s.laneId) === lane);
    if (candidates.length === 0) continue;
    const centre = (b: StepBox) => b.x + b.width / 2;
    candidates.sort((a, b) => Math.abs(centre(a) - centre(from)) - Math.abs(centre(b) - centre(from)) || a.number - b.number);
    return candidates[0]!.id;
  }
  return null;
}
