/**
 * The stack of temporalities (*empilement des temporalités*): one establishment's sessions on one
 * shared time axis, each project a band with its steps as ticks, the institutional events (calls
 * for projects, committees, certification, deadlines) in a lane of their own, and a count per
 * month of what lands on the same teams. Pure: codes and coordinates; words are the renderer's.
 */
import type { InstitutionalEventKind, StepKind } from './enums';
import { period } from './layout/conduct';
import type { InstitutionalEvent, Session } from './types';

/** What the stack needs of a session. */
export type StackSession = Pick<Session, 'id' | 'title' | 'establishment' | 'project' | 'steps' | 'institutionalEvents'>;

/**
 * An establishment's name as a key: case, accents, punctuation and spacing do not part two
 * sessions of one establishment (« EHPAD Les Tilleuls » and « Ehpad les tilleuls »).
 */
export function establishmentKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface EstablishmentGroup {
  key: string;
  /** The name as most of its sessions spell it; on a tie, as the session created first does. */
  name: string;
  sessionIds: string[];
}

/**
 * Sessions grouped by establishment, the group with the most sessions first (then by name). The
 * name shown does not change when a session is edited: it is the most common spelling.
 */
export function groupByEstablishment(rows: readonly { id: string; establishment: { name: string }; createdAt?: string }[]): EstablishmentGroup[] {
  const groups = new Map<string, { key: string; sessionIds: string[]; spellings: Map<string, { n: number; first: string }> }>();
  for (const row of rows) {
    const key = establishmentKey(row.establishment.name);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, sessionIds: [], spellings: new Map() }));
    group.sessionIds.push(row.id);
    const spelling = row.establishment.name.replace(/\s+/g, ' ').trim();
    const seen = group.spellings.get(spelling);
    const created = row.createdAt ?? '';
    if (seen) {
      seen.n++;
      if (created < seen.first) seen.first = created;
    } else group.spellings.set(spelling, { n: 1, first: created });
  }
  return [...groups.values()]
    .map(({ key, sessionIds, spellings }) => {
      const [name] = [...spellings.entries()].sort(([, a], [, b]) => b.n - a.n || (a.first < b.first ? -1 : a.first > b.first ? 1 : 0))[0]!;
      return { key, name, sessionIds };
    })
    .sort((a, b) => b.sessionIds.length - a.sessionIds.length || a.name.localeCompare(b.name, 'fr'));
}

/** Identical events held by several sessions are one event: same date, same kind, same title (spacing and case aside). */
export const eventKey = (e: Pick<InstitutionalEvent, 'date' | 'kind' | 'title'>): string =>
  `${e.date}|${e.kind}|${e.title.replace(/\s+/g, ' ').trim().toLowerCase()}`;

export interface MergedEvent {
  key: string;
  date: string;
  title: string;
  kind: InstitutionalEventKind;
  /** Each session holding it, with the id the event has there. */
  holders: { sessionId: string; eventId: string }[];
}

/** The institutional events of a set of sessions, each identical event once, in date order. */
export function mergeEvents(sessions: readonly Pick<Session, 'id' | 'institutionalEvents'>[]): MergedEvent[] {
  const merged = new Map<string, MergedEvent>();
  for (const s of sessions) {
    for (const e of s.institutionalEvents ?? []) {
      const key = eventKey(e);
      const found = merged.get(key);
      if (found) found.holders.push({ sessionId: s.id, eventId: e.id });
      else merged.set(key, { key, date: e.date, title: e.title, kind: e.kind, holders: [{ sessionId: s.id, eventId: e.id }] });
    }
  }
  return [...merged.values()].sort((a, b) => period(a.date).start - period(b.date).start || a.title.localeCompare(b.title, 'fr'));
}

export const STACK_LAYOUT = {
  width: 1600,
  margin: 24,
  /** The title line above the drawing. */
  titleHeight: 64,
  /** Left column: the band's label. */
  labelWidth: 250,
  axisHeight: 34,
  tickRadius: 11,
  rowHeight: 26,
  bandPadding: 14,
  minBandHeight: 60,
  eventRowHeight: 24,
  countsHeight: 96,
  legendHeight: 40,
  eventLabelMax: 230,
};

/** A step drawn on its project's band. */
export interface StackTick {
  stepId: string;
  /** Its number in its session's chronology. */
  number: number;
  title: string;
  kind: StepKind;
  /** `fait`: dated (what happened); `prevu`: only a planned date (à venir, or never done). */
  status: 'fait' | 'prevu';
  /** The partial date it is drawn at. */
  date: string;
  x: number;
  /** For a date known to the year only: the year it spans. */
  span?: { x0: number; x1: number };
  row: number;
  y: number;
}

export interface StackBand {
  sessionId: string;
  /** The project's name, or the session's title when the project has none. */
  label: string;
  sessionTitle: string;
  y: number;
  height: number;
  ticks: StackTick[];
  /** Steps with neither a date nor a planned date: not drawn, counted. */
  undated: number;
}

export interface StackEvent extends MergedEvent {
  x: number;
  span?: { x0: number; x1: number };
  row: number;
  y: number;
  /** Which side of its mark the label is written (left near the axis's end). */
  labelSide: 'left' | 'right';
}

export interface MonthCount {
  /** `YYYY-MM`. */
  month: string;
  x0: number;
  x1: number;
  steps: number;
  /** Projects with a step in that month. */
  projects: number;
  events: number;
  /** Two projects or more, or a project and an institutional event: things pile up. */
  piled: boolean;
}

export interface StackLayout {
  width: number;
  height: number;
  /** The time axis: [x0, x1] spans [startMonth, endMonth) in month units (year * 12 + month - 1). */
  axis: { y: number; x0: number; x1: number; startMonth: number; endMonth: number; monthWidth: number; years: { year: number; x0: number; x1: number }[] };
  bands: StackBand[];
  events: { y: number; height: number; items: StackEvent[] };
  counts: { y: number; height: number; months: MonthCount[]; max: number };
  legendY: number;
  /** Steps of all bands left out for want of a date. */
  undated: number;
  /** Nothing dated at all: no axis to draw. */
  empty: boolean;
}

/** Where a tick goes: its date if it happened, else its planned date; nothing when neither is known. */
function tickDate(step: Session['steps'][number]): { date: string; status: 'fait' | 'prevu' } | null {
  if (step.date) return { date: step.date, status: 'fait' };
  if (step.planned) return { date: step.planned, status: 'prevu' };
  return null;
}

/** Greedy rows: each item goes in the first row whose last item ends before it starts. */
function assignRows(items: { left: number; right: number }[]): number[] {
  const ends: number[] = [];
  return items.map((it) => {
    let row = ends.findIndex((end) => end <= it.left);
    if (row === -1) {
      row = ends.length;
      ends.push(it.right);
    } else ends[row] = it.right;
    return row;
  });
}

/**
 * Lays out the stack. Options: `width` of the drawing; `labelWidth` (the renderer measures event
 * labels, this function only reserves room); `measure` gives a text's width, for event labels.
 */
export function layoutStack(
  sessions: readonly StackSession[],
  options: { width?: number; measure?: (text: string) => number } = {},
): StackLayout {
  const L = STACK_LAYOUT;
  const width = options.width ?? L.width;
  const measure = options.measure ?? ((t: string) => t.length * 7);
  const events = mergeEvents(sessions);

  // The range: whole years around everything dated.
  let lo = Infinity;
  let hi = -Infinity;
  const take = (d: string) => {
    const p = period(d);
    lo = Math.min(lo, p.start);
    hi = Math.max(hi, p.end);
  };
  for (const s of sessions) for (const step of s.steps) {
    const t = tickDate(step);
    if (t) take(t.date);
  }
  for (const e of events) take(e.date);
  const empty = lo === Infinity;
  const startMonth = empty ? 0 : Math.floor(lo / 12) * 12;
  const endMonth = empty ? 12 : Math.max(startMonth + 12, Math.ceil(hi / 12) * 12);

  const x0 = L.margin + L.labelWidth;
  const x1 = width - L.margin;
  const monthWidth = (x1 - x0) / (endMonth - startMonth);
  const xAt = (month: number) => x0 + (month - startMonth) * monthWidth;
  const place = (date: string) => {
    const p = period(date);
    const x = xAt((p.start + p.end) / 2);
    return date.length === 4 ? { x, span: { x0: xAt(p.start), x1: xAt(p.end) } } : { x };
  };

  const axisY = L.margin + L.titleHeight;
  const years: { year: number; x0: number; x1: number }[] = [];
  for (let m = startMonth; m < endMonth; m += 12) years.push({ year: m / 12, x0: xAt(m), x1: xAt(m + 12) });

  // Bands, one per session, in the order of their first tick.
  const first = (s: StackSession) => {
    let min = Infinity;
    for (const step of s.steps) {
      const t = tickDate(step);
      if (t) min = Math.min(min, period(t.date).start);
    }
    return min;
  };
  const ordered = [...sessions].sort((a, b) => first(a) - first(b));
  const r = L.tickRadius;
  let y = axisY + L.axisHeight;
  const bands: StackBand[] = ordered.map((s) => {
    const raw = s.steps.flatMap((step, i) => {
      const t = tickDate(step);
      if (!t) return [];
      return [{ step, number: i + 1, ...t, ...place(t.date) }];
    });
    raw.sort((a, b) => a.x - b.x || a.number - b.number);
    const rows = assignRows(raw.map((t) => ({ left: t.x - r - 1, right: t.x + r + 1 })));
    const rowCount = Math.max(1, ...rows.map((row) => row + 1));
    const height = Math.max(L.minBandHeight, rowCount * L.rowHeight + 2 * L.bandPadding);
    const ticks: StackTick[] = raw.map((t, i) => ({
      stepId: t.step.id,
      number: t.number,
      title: t.step.title,
      kind: t.step.kind,
      status: t.status,
      date: t.date,
      x: t.x,
      ...(t.span ? { span: t.span } : {}),
      row: rows[i]!,
      y: y + L.bandPadding + rows[i]! * L.rowHeight + L.rowHeight / 2,
    }));
    // Rows were given left to right; the band lists its ticks in the chronology's order.
    ticks.sort((a, b) => a.number - b.number);
    const band: StackBand = {
      sessionId: s.id,
      label: s.project.name.trim() || s.title,
      sessionTitle: s.title,
      y,
      height,
      ticks,
      undated: s.steps.length - raw.length,
    };
    y += height;
    return band;
  });

  // The institutional events' lane: a mark and its label, labels that would collide in rows.
  const eventsY = y;
  // A label that would pass the axis's end goes left of its mark.
  const placed = events
    .map((e) => ({ e, ...place(e.date), label: Math.min(L.eventLabelMax, measure(e.title)) }))
    .map((p) => ({ ...p, labelLeft: p.x + 12 + p.label > x1 }));
  const eventRows = assignRows(
    placed.map((p) => (p.labelLeft ? { left: p.x - 12 - p.label - 6, right: p.x + 8 } : { left: p.x - 8, right: p.x + 12 + p.label + 6 })),
  );
  const eventRowCount = Math.max(1, ...eventRows.map((row) => row + 1));
  const eventsHeight = Math.max(L.minBandHeight, eventRowCount * L.eventRowHeight + 2 * L.bandPadding);
  const items: StackEvent[] = placed.map((p, i) => ({
    ...p.e,
    x: p.x,
    ...(p.span ? { span: p.span } : {}),
    row: eventRows[i]!,
    y: eventsY + L.bandPadding + eventRows[i]! * L.eventRowHeight + L.eventRowHeight / 2,
    labelSide: p.labelLeft ? 'left' : 'right',
  }));
  y += eventsHeight;

  // What lands in each month: steps known to the month or the day, across projects, and events.
  const byMonth = new Map<string, { steps: number; projects: Set<string>; events: number }>();
  const bucket = (month: string) => {
    let b = byMonth.get(month);
    if (!b) byMonth.set(month, (b = { steps: 0, projects: new Set(), events: 0 }));
    return b;
  };
  for (const band of bands) for (const t of band.ticks) {
    if (t.date.length < 7) continue;
    const b = bucket(t.date.slice(0, 7));
    b.steps++;
    b.projects.add(band.sessionId);
  }
  for (const e of events) if (e.date.length >= 7) bucket(e.date.slice(0, 7)).events++;
  const months: MonthCount[] = [...byMonth.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, b]) => {
      const m = period(month).start;
      return {
        month,
        x0: xAt(m),
        x1: xAt(m + 1),
        steps: b.steps,
        projects: b.projects.size,
        events: b.events,
        piled: b.projects.size >= 2 || (b.projects.size >= 1 && b.events >= 1),
      };
    });
  const countsY = y + 8;
  y = countsY + L.countsHeight;

  return {
    width,
    height: y + L.legendHeight + L.margin,
    axis: { y: axisY, x0, x1, startMonth, endMonth, monthWidth, years },
    bands,
    events: { y: eventsY, height: eventsHeight, items },
    counts: { y: countsY, height: L.countsHeight, months, max: Math.max(0, ...months.map((m) => m.steps + m.events)) },
    legendY: y + 8,
    undated: bands.reduce((n, b) => n + b.undated, 0),
    empty,
  };
}

/** One period of the text alternative: what is piled in a month (or a year, for what is known to the year only). */
export interface StackPeriod {
  /** `YYYY` or `YYYY-MM`. */
  period: string;
  steps: { sessionId: string; number: number; title: string; status: 'fait' | 'prevu' }[];
  events: { title: string; kind: InstitutionalEventKind }[];
  /** Projects with a step in the period. */
  projects: number;
  piled: boolean;
}

/** What is piled when, period by period: a year's row (dates known to the year) before its months. */
export function stackPeriods(layout: StackLayout): StackPeriod[] {
  const periods = new Map<string, StackPeriod>();
  const get = (p: string) => {
    let found = periods.get(p);
    if (!found) periods.set(p, (found = { period: p, steps: [], events: [], projects: 0, piled: false }));
    return found;
  };
  for (const band of layout.bands) for (const t of band.ticks) {
    get(t.date.slice(0, 7)).steps.push({ sessionId: band.sessionId, number: t.number, title: t.title, status: t.status });
  }
  for (const e of layout.events.items) get(e.date.slice(0, 7)).events.push({ title: e.title, kind: e.kind });
  const out = [...periods.values()].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  for (const p of out) {
    p.projects = new Set(p.steps.map((s) => s.sessionId)).size;
    p.piled = p.projects >= 2 || (p.projects >= 1 && p.events.length >= 1);
  }
  return out;
}
