/**
 * The deck's maps as shapes, in slide inches: pure geometry computed from the domain's layouts
 * (conduct map, actor positions, radar), written by pptx.ts with pptxgenjs. Every text is given a
 * font size chosen for its box (measured with the SVG renderer's conservative metrics, so it fits
 * in Arial or Liberation Sans), every line is routed around the boxes (pptxRoute.ts), notes are
 * put in free space beside what they hang on, and labels never sit on a box or on each other.
 */
import { isEventKind, MARKERS, RELATION_KINDS, STEP_KINDS } from '../../domain/enums';
import { isUpcoming } from '../../domain/gaps';
import { CONDUCT_LAYOUT, type ConductLayout } from '../../domain/layout/conduct';
import type { GhostBox } from '../../domain/layout/ghosts';
import { slipBars } from '../../domain/layout/slips';
import { isUnansweredFeedback } from '../../domain/synthesis';
import type { Maturity, Note, Session } from '../../domain/types';
import { axisTickLabel, formatPartialDate } from '../../i18n/dates';
import { labelled } from '../../i18n/format';
import { GAP_TITLES } from '../../i18n/gaps';
import { ACTOR_CATEGORY_LABELS, AUTHOR_ROLE_LABELS, MARKER_LABELS, NOTE_KIND_LABELS, RELATION_KIND_LABELS, STEP_KIND_LABELS, TRINOME_ROLE_LABELS } from '../../i18n/labels';
import { usageBadge } from '../../i18n/lived';
import { ACTOR_CATEGORY_VISUALS, AUTHOR_ROLE_VISUALS, MARKER_ICONS, RELATION_KIND_VISUALS, STEP_KIND_VISUALS } from '../../i18n/visuals';
import { ACTOR_BOX } from '../../render/actorSvg';
import { actorPosition } from '../../domain/layout/actors';
import { stepDate } from '../../render/conductSvg';
import { RADAR_ROLE_STYLES, radarGeometry } from '../../render/radar';
import { textWidth, wrapText } from '../../render/svgText';
import { TRINOME_ROLES } from '../../domain/enums';
import type { RoutedMap } from '../../domain/layout/routing';
import { boxesOverlap, inflate, routeOrthogonal, segmentCrossesBox, segmentsOf, type Box, type Pt, type Seg } from './pptxRoute';

export type { Box, Pt } from './pptxRoute';

/** The 16:9 slide (pptxgenjs's LAYOUT_WIDE), in inches. */
export const SLIDE = { w: 13.333, h: 7.5 };
/** Line height used to measure, as a multiple of the font size (Arial's own is about 1.15). */
const LINE = 1.2;
/** Bold letters are wider. */
const BOLD = 1.08;
/**
 * The SVG renderer measures DejaVu Sans (0.6 em a letter on average); the deck is in Arial
 * (Liberation Sans in LibreOffice, the same widths), narrower: still a little wide, so text fits.
 */
const ARIAL = 0.9;
const measured = (size: number, bold?: boolean) => size * ARIAL * (bold ? BOLD : 1);

export type Dash = 'solid' | 'dash' | 'sysDash' | 'sysDot' | 'dashDot' | 'lgDash' | 'lgDashDot';
export type ArrowEnd = 'none' | 'triangle' | 'arrow' | 'oval';

export interface Run { text: string; bold?: boolean; italic?: boolean; color?: string }
export interface TextSpec {
  /** One paragraph per entry. */
  paragraphs: Run[][];
  fontSize: number;
  color: string;
  align: 'left' | 'center' | 'right';
  valign: 'top' | 'middle' | 'bottom';
  /** Inner margin, in inches. */
  margin: number;
}
export interface BoxShape extends Box {
  kind: 'box';
  /** The shape's name in the deck (what PowerPoint's selection pane shows). */
  name: string;
  geom: 'rect' | 'roundRect' | 'foldedCorner' | 'ellipse' | 'triangle';
  fill?: string;
  /** 0 (opaque) to 100. */
  transparency?: number;
  line?: { color: string; width: number; dash?: Dash };
  text?: TextSpec;
}
export interface PathShape {
  kind: 'path';
  name: string;
  points: Pt[];
  closed?: boolean;
  color: string;
  width: number;
  dash?: Dash;
  fill?: string;
  transparency?: number;
  head?: ArrowEnd;
  tail?: ArrowEnd;
}
export type DeckShape = BoxShape | PathShape;

const hex = (c: string) => c.replace('#', '').toUpperCase();

/* ---------- Text that fits its box ---------- */

export interface Para { text: string; bold?: boolean; italic?: boolean; color?: string }

/** How many lines a paragraph takes at this size in this width (a word longer than the line wraps inside). */
function linesOf(p: Para, size: number, widthPt: number): string[] {
  return wrapText(p.text, measured(size, p.bold), widthPt, 1000);
}
function lineCount(p: Para, size: number, widthPt: number): number {
  const s = measured(size, p.bold);
  return linesOf(p, size, widthPt).reduce((n, l) => n + Math.max(1, Math.ceil(textWidth(l, s) / widthPt - 1e-9)), 0);
}

/**
 * The largest font size (max to min, by half points) at which the paragraphs fit the box; at the
 * smallest, the paragraphs are cut to the lines that fit, ending with an ellipsis.
 */
export function fitParagraphs(paras: readonly Para[], w: number, h: number, opts: { max: number; min: number; margin?: number }): { fontSize: number; paras: Para[] } {
  const margin = opts.margin ?? 0.04;
  const widthPt = Math.max(1, (w - 2 * margin) * 72);
  const heightPt = Math.max(1, (h - 2 * margin) * 72);
  const texts = paras.filter((p) => p.text.trim() !== '');
  for (let size = opts.max; size >= opts.min; size -= 0.5) {
    // A word is not broken in two, but at the smallest size.
    if (size > opts.min && texts.some((p) => p.text.split(/[ \t\n]+/).some((w) => textWidth(w, measured(size, p.bold)) > widthPt))) continue;
    const lines = texts.reduce((n, p) => n + lineCount(p, size, widthPt), 0);
    if (lines * size * LINE <= heightPt) return { fontSize: size, paras: texts };
  }
  const size = opts.min;
  let budget = Math.max(1, Math.floor(heightPt / (size * LINE)));
  const out: Para[] = [];
  for (const p of texts) {
    if (budget <= 0) break;
    const n = lineCount(p, size, widthPt);
    if (n <= budget) {
      out.push(p);
      budget -= n;
      continue;
    }
    const s = measured(size, p.bold);
    // Whole words where they fit, each line cut to the width; the last with an ellipsis.
    const cut = wrapText(p.text, s, widthPt, budget).map((l) => (textWidth(l, s) > widthPt ? cutTo(l, s, widthPt) : l));
    out.push({ ...p, text: cut.join(' ') });
    budget = 0;
  }
  return { fontSize: size, paras: out };
}

function cutTo(text: string, size: number, widthPt: number): string {
  let t = text;
  while (t.length > 1 && textWidth(`${t}…`, size) > widthPt) t = t.slice(0, -1);
  return `${t}…`;
}

/** A text box fitted to its shape. */
export function fittedText(paras: readonly Para[], w: number, h: number, opts: { max: number; min: number; margin?: number; color?: string; align?: TextSpec['align']; valign?: TextSpec['valign'] }): TextSpec {
  const margin = opts.margin ?? 0.04;
  const fit = fitParagraphs(paras, w, h, { max: opts.max, min: opts.min, margin });
  return {
    paragraphs: fit.paras.map((p) => [{ text: p.text, ...(p.bold ? { bold: true } : {}), ...(p.italic ? { italic: true } : {}), ...(p.color ? { color: p.color } : {}) }]),
    fontSize: fit.fontSize,
    color: opts.color ?? '0F172A',
    align: opts.align ?? 'left',
    valign: opts.valign ?? 'top',
    margin,
  };
}

/**
 * One font size for a family of boxes (every step, every lane, every note), so that the map
 * reads evenly: the largest at which `share` of them fit (all by default). The few longer texts
 * then get a smaller size of their own rather than making every box small.
 */
export function commonSize(items: readonly { paras: readonly Para[]; w: number; h: number }[], opts: { max: number; min: number; margin?: number }, share = 1): number {
  const best = items.map((item) => fitParagraphs(item.paras, item.w, item.h, opts).fontSize).sort((a, b) => a - b);
  if (best.length === 0) return opts.max;
  return best[Math.min(best.length - 1, Math.floor(best.length * (1 - share) + 1e-9))]!;
}

/** Whether the text of a spec fits its box by the same measure (the tests' check). */
export function textFits(shape: BoxShape): boolean {
  const t = shape.text;
  if (!t) return true;
  const widthPt = (shape.w - 2 * t.margin) * 72;
  const heightPt = (shape.h - 2 * t.margin) * 72;
  const lines = t.paragraphs.reduce((n, runs) => n + lineCount({ text: runs.map((r) => r.text).join(''), bold: runs.some((r) => r.bold) }, t.fontSize, widthPt), 0);
  return lines * t.fontSize * LINE <= heightPt + 0.01;
}

/* ---------- Labels on lines ---------- */

/** A label's box for a text at a size, on one line or two. */
function labelSize(text: string, size: number, maxW: number): { w: number; h: number; lines: number } {
  const widthPt = textWidth(text, size) + 1;
  const lines = widthPt / 72 + 0.1 <= maxW ? 1 : Math.min(3, wrapText(text, size, (maxW - 0.1) * 72, 3).length);
  const w = lines === 1 ? widthPt / 72 + 0.1 : maxW;
  return { w, h: (lines * size * LINE) / 72 + 0.06, lines };
}

/**
 * Where a line's label goes: on the path (its white box hides the line under it), the longest
 * segments first, never on a box, another label or outside the bounds. Null when nowhere.
 */
export function placeLabel(points: readonly Pt[], text: string, size: number, avoid: readonly Box[], labels: readonly Box[], bounds: Box, maxW = 1.9): Box | null {
  const segs = segmentsOf(points)
    .map((s) => ({ ...s, len: Math.hypot(s.b.x - s.a.x, s.b.y - s.a.y) }))
    .sort((a, b) => b.len - a.len);
  for (const sz of [size, size - 1, size - 2]) {
    const { w, h } = labelSize(text, sz, maxW);
    for (const s of segs) {
      const horizontal = Math.abs(s.a.y - s.b.y) < 1e-6;
      for (const f of [0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9]) {
        const cx = s.a.x + (s.b.x - s.a.x) * f;
        const cy = s.a.y + (s.b.y - s.a.y) * f;
        // Beside the line first (so the line stays whole), on it when there is no room beside.
        const offsets = horizontal ? [[0, -h / 2 - 0.02], [0, h / 2 + 0.02], [0, 0]] : [[w / 2 + 0.03, 0], [-w / 2 - 0.03, 0], [0, 0]];
        for (const [ox, oy] of offsets) {
          const box = { x: cx + ox! - w / 2, y: cy + oy! - h / 2, w, h };
          if (box.x < bounds.x || box.y < bounds.y || box.x + box.w > bounds.x + bounds.w || box.y + box.h > bounds.y + bounds.h) continue;
          if (avoid.some((b) => boxesOverlap(b, box, 0.02)) || labels.some((b) => boxesOverlap(b, box, 0.02))) continue;
          return { ...box, ...{ size: sz } } as Box & { size: number };
        }
      }
    }
  }
  return null;
}

/* ---------- Notes beside what they hang on ---------- */

export const NOTE_SIZE = { w: 1.55, h: 0.78 };

/**
 * A free place for a note near `target` (its centre), never on a box in `avoid`, with a straight
 * dashed line to the target crossing no box; null when the map has no such place.
 */
export function placeNote(target: Box | null, size: { w: number; h: number }, avoid: readonly Box[], bounds: Box, home: Pt, lines: readonly Seg[] = []): Box | null {
  let best: { box: Box; d: number } | null = null;
  const step = 0.05;
  const aim = target ? { x: target.x + target.w / 2, y: target.y + target.h / 2 } : home;
  for (let y = bounds.y; y + size.h <= bounds.y + bounds.h + 1e-9; y += step) {
    for (let x = bounds.x; x + size.w <= bounds.x + bounds.w + 1e-9; x += step) {
      const box = { x, y, w: size.w, h: size.h };
      const d = Math.hypot(x + size.w / 2 - aim.x, y + size.h / 2 - aim.y);
      if (best && d >= best.d) continue;
      if (avoid.some((b) => boxesOverlap(b, box, 0.05))) continue;
      // A note never hides a line.
      const around = inflate(box, 0.04);
      if (lines.some((l) => segmentCrossesBox(l.a, l.b, around))) continue;
      if (target) {
        const [a, b] = noteTie(box, target);
        if (avoid.some((o) => o !== target && segmentCrossesBox(a, b, o))) continue;
      }
      best = { box, d };
    }
  }
  return best?.box ?? null;
}

/** The two ends of the line from a note to its target: the nearest points of their edges, towards each other's centre. */
export function noteTie(note: Box, target: Box): [Pt, Pt] {
  const c1 = { x: note.x + note.w / 2, y: note.y + note.h / 2 };
  const c2 = { x: target.x + target.w / 2, y: target.y + target.h / 2 };
  const edge = (b: Box, from: Pt, to: Pt): Pt => {
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const s = Math.max(Math.abs(dx) / (b.w / 2), Math.abs(dy) / (b.h / 2), 1e-9);
    return { x: from.x + dx / s, y: from.y + dy / s };
  };
  return [edge(note, c1, c2), edge(target, c2, c1)];
}

function noteParas(note: Note, targetName: string | null): Para[] {
  const v = AUTHOR_ROLE_VISUALS[note.authorRole];
  const head = [AUTHOR_ROLE_LABELS[note.authorRole], NOTE_KIND_LABELS[note.kind], targetName].filter(Boolean).join(' · ');
  return [{ text: head, bold: true, color: hex(v.border) }, { text: note.text }];
}

const NOTE_FONT = { max: 9, min: 5.5, margin: 0.05 };

function noteShape(note: Note, box: Box, targetName: string | null, size: number): BoxShape {
  const v = AUTHOR_ROLE_VISUALS[note.authorRole];
  return {
    kind: 'box',
    name: `Note : ${AUTHOR_ROLE_LABELS[note.authorRole]}`,
    geom: 'foldedCorner',
    ...box,
    fill: hex(v.color),
    line: { color: hex(v.border), width: 1.25 },
    text: fittedText(noteParas(note, targetName), box.w, box.h, { max: size, min: NOTE_FONT.min, margin: NOTE_FONT.margin }),
  };
}

/** Notes, each beside its target (or near `home` when free); those with no room are returned apart. */
function placeNotes(
  notes: readonly Note[], targetOf: (n: Note) => { box: Box; name: string } | null, avoid: Box[], bounds: Box, home: Pt, lines: readonly Seg[],
): { shapes: DeckShape[]; boxes: Box[]; omitted: Note[] } {
  const shapes: DeckShape[] = [];
  const ties: DeckShape[] = [];
  const boxes: Box[] = [];
  const omitted: Note[] = [];
  // Attached notes first: they have a place to be near.
  const ordered = [...notes].sort((a, b) => Number(!targetOf(a)) - Number(!targetOf(b)));
  const size = commonSize(ordered.map((n) => ({ paras: noteParas(n, targetOf(n)?.name ?? null), ...NOTE_SIZE })), NOTE_FONT, 0.8);
  for (const note of ordered) {
    const target = targetOf(note);
    const box = placeNote(target?.box ?? null, NOTE_SIZE, [...avoid, ...boxes], bounds, home, lines);
    if (!box) {
      omitted.push(note);
      continue;
    }
    boxes.push(box);
    shapes.push(noteShape(note, box, target?.name ?? null, size));
    if (target) {
      const [a, b] = noteTie(box, target.box);
      ties.push({ kind: 'path', name: 'Rattachement de la note', points: [a, b], color: '94A3B8', width: 1, dash: 'sysDash' });
    }
  }
  return { shapes: [...ties, ...shapes], boxes, omitted };
}

/* ---------- Conduct map ---------- */

export interface MapShapes {
  shapes: DeckShape[];
  /** Notes left off the map for want of room (they stay on the notes slides). */
  omittedNotes: Note[];
  /** Lines that found no route around the boxes and were drawn straight (0 on a good map). */
  straightLines: number;
  /** Links between steps on different slides of a cut map (`9 → 10`), not drawn. */
  cutLinks?: string[];
}

const LINK_COLOR = '334155';

interface LineStyle { name: string; color: string; width: number; dash?: Dash; head?: ArrowEnd; tail?: ArrowEnd; label?: string; labelName: string }
interface Line { points: Pt[]; style: LineStyle }

/**
 * The lines of a map: the router's path when it gave one (domain/layout/routing.ts, libavoid,
 * the same routes as the app's canvas), else routed here around `avoid`; null ends count as straight.
 */
function mapLines(
  items: readonly { from: Box; to: Box; routed: Pt[] | null; style: LineStyle }[], avoid: readonly Box[], bounds: Box,
): { lines: Line[]; straight: number } {
  const used: Seg[] = [];
  const usedPorts: Pt[] = [];
  let straight = 0;
  // The router's paths first: the others keep apart from them.
  for (const item of items) if (item.routed) used.push(...segmentsOf(item.routed));
  const lines = items.map(({ from, to, routed, style }) => {
    if (routed) return { points: routed, style };
    const route = routeOrthogonal(from, to, avoid, bounds, { used, usedPorts, clearance: 0.07 });
    if (!route) straight++;
    const points = route ?? noteTie(from, to);
    used.push(...segmentsOf(points));
    usedPorts.push(points[0]!, points[points.length - 1]!);
    return { points, style };
  });
  return { lines, straight };
}

/** The lines as shapes, each with its label placed where it hides no box, note or other label. */
function drawLines(lines: readonly Line[], avoid: readonly Box[], bounds: Box, size = 8): DeckShape[] {
  const labels: Box[] = [];
  const paths: DeckShape[] = [];
  const texts: DeckShape[] = [];
  for (const { points, style } of lines) {
    paths.push({ kind: 'path', name: style.name, points, color: style.color, width: style.width, ...(style.dash ? { dash: style.dash } : {}), ...(style.head ? { head: style.head } : {}), ...(style.tail ? { tail: style.tail } : {}) });
    if (!style.label) continue;
    const spot = placeLabel(points, style.label, size, avoid, labels, bounds) as (Box & { size: number }) | null;
    if (!spot) continue;
    labels.push(spot);
    texts.push({
      kind: 'box', name: style.labelName, geom: 'rect', x: spot.x, y: spot.y, w: spot.w, h: spot.h, fill: 'FFFFFF',
      text: { paragraphs: [[{ text: style.label }]], fontSize: spot.size, color: style.color, align: 'center', valign: 'middle', margin: 0.03 },
    });
  }
  return [...paths, ...texts];
}

export interface ConductInput {
  session: Pick<Session, 'steps' | 'links' | 'lanes'>;
  layout: ConductLayout;
  ghosts?: readonly GhostBox[];
  notes?: readonly Note[];
  /** The links routed by the app's router (layout coordinates), when known. */
  routes?: RoutedMap | null;
  /** Where the map goes on the slide, in inches. */
  area: Box;
  /** The part of the time axis on this slide (layout x), when the map is cut into several (conductPages). */
  window?: { from: number; to: number };
  /** Whether the notes attached to nothing go on this slide (the first of a cut map). */
  freeNotes?: boolean;
}

/** How wide the conduct map is: a missing step may be put past the last step. */
const mapWidth = (layout: ConductLayout, ghosts: readonly GhostBox[]) => Math.max(layout.width, ...ghosts.map((g) => g.x + g.width + CONDUCT_LAYOUT.margin / 2));

/**
 * Where to cut a wide conduct map into slides so that a step is at least `minStep` inches wide:
 * windows of the time axis (layout x), each cut between boxes, never through one. One window
 * when the whole map reads on one slide.
 */
export function conductPages(layout: ConductLayout, ghosts: readonly GhostBox[], area: Box, minStep = 1.0): { from: number; to: number }[] {
  const L = CONDUCT_LAYOUT;
  const width = mapWidth(layout, ghosts);
  const hp = L.laneHeaderWidth;
  const cap = (area.h / layout.height) * 2.2;
  const whole = Math.min(area.w / width, cap);
  if (whole * L.nodeWidth >= minStep || whole >= cap) return [{ from: hp, to: width }];
  const need = Math.min(minStep / L.nodeWidth, cap);
  const span = area.w / need - hp;
  // Where a cut may not go: the clusters of boxes that overlap in x (or nearly).
  const spans = [...layout.steps.map((b) => [b.x, b.x + b.width]), ...ghosts.map((g) => [g.x, g.x + g.width])].sort((p, q) => p[0]! - q[0]!);
  const clusters: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = clusters[clusters.length - 1];
    if (last && a! <= last[1] + 12) last[1] = Math.max(last[1], b!);
    else clusters.push([a!, b!]);
  }
  const pages: { from: number; to: number }[] = [];
  // The first slide starts at the lanes' header, or before a step drawn under it.
  let start = Math.min(hp, (clusters[0]?.[0] ?? hp) - 6);
  while (start < width - 1) {
    let end = start + span;
    if (end >= width) end = width;
    else {
      // Not through a cluster: before it, or after it when it starts the slide (wider than a slide).
      const cut = clusters.find(([a, b]) => a < end && b > end);
      if (cut) end = cut[0] - 6 > start + 1 ? cut[0] - 6 : cut[1] + 6;
    }
    pages.push({ from: start, to: Math.min(end, width) });
    start = end;
  }
  // Years with nothing in them make no slide.
  const full = pages.filter((p) => spans.some(([a, b]) => a! >= p.from - 0.5 && b! <= p.to + 0.5));
  return full.length > 0 ? full : pages.slice(0, 1);
}

/** The conduct map as shapes: axis, lanes, steps, missing steps, delays, notes, links with their labels. */
export function conductMapShapes({ session, layout, ghosts: allGhosts = [], notes: allNotes = [], routes = null, area, window, freeNotes = true }: ConductInput): MapShapes {
  const L = CONDUCT_LAYOUT;
  const width = mapWidth(layout, allGhosts);
  const hp = L.laneHeaderWidth;
  const from = window?.from ?? Math.min(hp, ...layout.steps.map((b) => b.x - 6));
  const to = window?.to ?? width;
  const inWindow = (x: number, w: number) => x >= from - 0.5 && x + w <= to + 0.5;
  // The two directions scale apart (boxes are rectangles, time stays proportional), within a ratio.
  let sx = area.w / (hp + to - from);
  let sy = area.h / layout.height;
  sx = Math.min(sx, sy * 2.2);
  sy = Math.min(sy, sx * 1.5);
  const headerW = hp * sx;
  const X = (px: number) => area.x + headerW + (px - from) * sx;
  const Y = (py: number) => area.y + py * sy;
  const mapW = headerW + (to - from) * sx;
  const mapH = layout.height * sy;
  const axisH = L.axisHeight * sy;
  const shapes: DeckShape[] = [];
  const ghosts = allGhosts.filter((g) => inWindow(g.x, g.width));
  const shownSteps = new Set(layout.steps.filter((b) => inWindow(b.x, b.width)).map((b) => b.id));
  const notes = allNotes.filter((n) => (n.attachedTo?.type === 'step' ? shownSteps.has(n.attachedTo.id) : freeNotes));
  const ticks = layout.ticks
    .filter((t) => t.x + t.width > from + 1 && t.x < to - 1)
    .map((t) => ({ ...t, left: Math.max(t.x, from), right: Math.min(t.x + t.width, to) }));

  shapes.push({ kind: 'box', name: 'Axe du temps', geom: 'rect', x: area.x, y: area.y, w: mapW, h: axisH, fill: 'EEF2F7' });
  for (const lane of layout.lanes) {
    shapes.push({ kind: 'box', name: 'Fond de couloir', geom: 'rect', x: area.x, y: Y(lane.y), w: mapW, h: lane.height * sy, fill: lane.index % 2 ? 'F1F5F9' : 'FFFFFF', line: { color: 'CBD5E1', width: 0.5 } });
  }
  const tickW = (t: (typeof ticks)[number]) => (t.right - t.left) * sx - 0.06;
  const whole = ticks.filter((t) => t.left === t.x && t.right === t.x + t.width);
  const tickSize = commonSize((whole.length > 0 ? whole : ticks).map((t) => ({ paras: [{ text: axisTickLabel(t.month, layout.scale), bold: t.major }], w: Math.max(0.2, tickW(t)), h: axisH })), { max: 11, min: 5, margin: 0.02 });
  for (const t of ticks) {
    if (t.x >= from) shapes.push({ kind: 'path', name: 'Graduation', points: [{ x: X(t.x), y: area.y }, { x: X(t.x), y: area.y + mapH }], color: t.major ? '94A3B8' : 'CBD5E1', width: 0.75, ...(t.major ? {} : { dash: 'sysDash' as const }) });
    const w = tickW(t);
    // A tick cut by the slide's edge keeps its label only when it fits there on one line.
    const label = axisTickLabel(t.month, layout.scale);
    if (w < 0.2 || ((t.left !== t.x || t.right !== t.x + t.width) && textWidth(label, measured(tickSize, t.major)) / 72 > w - 0.04)) continue;
    shapes.push({
      kind: 'box', name: 'Date de l’axe', geom: 'rect', x: X(t.left) + 0.03, y: area.y, w, h: axisH,
      text: fittedText([{ text: axisTickLabel(t.month, layout.scale), bold: t.major }], w, axisH, { max: tickSize, min: tickSize, margin: 0.02, color: '334155', valign: 'middle' }),
    });
  }
  shapes.push({ kind: 'path', name: 'Axe', points: [{ x: area.x, y: area.y + axisH }, { x: area.x + mapW, y: area.y + axisH }], color: '64748B', width: 1.5 });
  const laneBoxes = layout.lanes.map((lane) => ({ lane, box: { x: area.x, y: Y(lane.y), w: headerW, h: lane.height * sy }, paras: [{ text: lane.label, bold: true }] }));
  const laneSize = commonSize(laneBoxes.map((l) => ({ paras: l.paras, w: l.box.w, h: l.box.h })), { max: 12, min: 5.5, margin: 0.06 });
  for (const { lane, box, paras } of laneBoxes) {
    shapes.push({
      kind: 'box', name: `Couloir : ${lane.label}`, geom: 'rect', ...box, fill: 'E2E8F0', line: { color: '64748B', width: 0.75 },
      text: fittedText(paras, box.w, box.h, { max: laneSize, min: laneSize, margin: 0.06, color: '1E293B', valign: 'middle' }),
    });
  }
  if (layout.today !== null && layout.today >= from && layout.today < to) {
    shapes.push({ kind: 'path', name: 'Aujourd’hui', points: [{ x: X(layout.today), y: area.y }, { x: X(layout.today), y: area.y + mapH }], color: 'B91C1C', width: 1.5, dash: 'dash' });
  }

  const stepById = new Map(session.steps.map((s) => [s.id, s]));
  const boxOf = new Map<string, Box>();
  for (const b of layout.steps) if (shownSteps.has(b.id)) boxOf.set(b.id, { x: X(b.x), y: Y(b.y), w: b.width * sx, h: b.height * sy });
  const ghostBoxes = ghosts.map((g) => ({ x: X(g.x), y: Y(g.y), w: g.width * sx, h: g.height * sy }));
  const slips = slipBars(layout, session.steps.filter((st) => shownSteps.has(st.id)) as Session['steps']).flatMap((bar) => {
    const left = Math.max(bar.left, from);
    const right = Math.min(bar.left + bar.width, to);
    return right - left < 1 ? [] : [{ bar, box: { x: X(left), y: Y(bar.y) - 0.025, w: Math.max(0.02, (right - left) * sx), h: 0.05 } }];
  });

  // Delays: a thin bar from planned to actual, an open circle at the planned end.
  for (const { bar, box } of slips) {
    const color = bar.late ? 'C2410C' : '0E7490';
    shapes.push({ kind: 'box', name: 'Retard', geom: 'rect', ...box, fill: color });
    const planned = bar.late ? bar.left : bar.left + bar.width;
    if (planned < from || planned > to) continue;
    const cx = X(planned);
    shapes.push({ kind: 'box', name: 'Date prévue', geom: 'ellipse', x: cx - 0.045, y: box.y + box.h / 2 - 0.045, w: 0.09, h: 0.09, fill: 'FFFFFF', line: { color, width: 1.25 } });
  }
  const ghostParas = (g: GhostBox): Para[] => [{ text: 'Étape manquante', bold: true, italic: true, color: '334155' }, { text: GAP_TITLES[g.rule], italic: true, color: '334155' }];
  const ghostSize = commonSize(ghosts.map((g, i) => ({ paras: ghostParas(g), w: ghostBoxes[i]!.w, h: ghostBoxes[i]!.h })), { max: 10, min: 5, margin: 0.04 });
  ghosts.forEach((g, i) => {
    const box = ghostBoxes[i]!;
    shapes.push({
      kind: 'box', name: `Étape manquante : ${GAP_TITLES[g.rule]}`, geom: 'roundRect', ...box, fill: 'F8FAFC', line: { color: '475569', width: 1.25, dash: 'dash' },
      text: fittedText(ghostParas(g), box.w, box.h, { max: ghostSize, min: ghostSize, margin: 0.04 }),
    });
  });
  const stepParas = (b: ConductLayout['steps'][number]): Para[] => {
    const step = stepById.get(b.id)!;
    const date = stepDate(step) || (isUpcoming(step) ? `À venir · ${formatPartialDate(step.planned!)}` : '');
    const markers = step.markers.map((m) => MARKER_ICONS[m]).join(' ');
    return [{ text: [`${b.number}`, STEP_KIND_VISUALS[step.kind].icon, date, markers].filter(Boolean).join('  '), bold: true }, { text: step.title }];
  };
  const drawnSteps = layout.steps.filter((b) => stepById.has(b.id) && shownSteps.has(b.id));
  const stepSize = commonSize(drawnSteps.map((b) => ({ paras: stepParas(b), w: boxOf.get(b.id)!.w, h: boxOf.get(b.id)!.h })), { max: 11, min: 5, margin: 0.04 }, 0.8);
  for (const b of drawnSteps) {
    const step = stepById.get(b.id)!;
    const box = boxOf.get(b.id)!;
    const visual = STEP_KIND_VISUALS[step.kind];
    const event = isEventKind(step.kind);
    const upcoming = isUpcoming(step);
    shapes.push({
      kind: 'box', name: `Étape ${b.number} : ${step.title}`, geom: 'roundRect', ...box,
      fill: hex(upcoming ? '#FFFFFF' : visual.color),
      line: { color: '475569', width: event ? 1.5 : 1.25, ...(event || upcoming ? { dash: 'dash' as const } : {}) },
      text: fittedText(stepParas(b), box.w, box.h, { max: stepSize, min: 5, margin: 0.04 }),
    });
    // An event is what happened, not planned work: a second border inside, as the app draws it.
    if (event) shapes.push({ kind: 'box', name: 'Événement', geom: 'roundRect', x: box.x + 0.03, y: box.y + 0.03, w: box.w - 0.06, h: box.h - 0.06, line: { color: '475569', width: 0.5 } });
    // A step à venir keeps its kind's colour on a band at its top.
    if (upcoming) shapes.push({ kind: 'box', name: 'Type', geom: 'rect', x: box.x + 0.06, y: box.y + 0.015, w: box.w - 0.12, h: 0.035, fill: hex(visual.color) });
  }

  const bounds = { x: area.x + headerW + 0.02, y: area.y + axisH + 0.02, w: mapW - headerW - 0.04, h: mapH - axisH - 0.04 };
  const fixed: Box[] = [...boxOf.values(), ...ghostBoxes, ...slips.map((s) => s.box)];
  const numberOf = new Map(layout.steps.map((b) => [b.id, b.number]));
  const solid = fixed.filter((b) => b.h > 0.06);
  const cut: string[] = [];
  const { lines, straight } = mapLines(
    session.links.flatMap((link) => {
      const a = boxOf.get(link.from);
      const b = boxOf.get(link.to);
      if (!a || !b) {
        // A link to a step on another slide of the map: said, not drawn.
        if ((a || b) && layout.byId.has(link.from) && layout.byId.has(link.to)) cut.push(`${numberOf.get(link.from)} → ${numberOf.get(link.to)}`);
        return [];
      }
      // The router's path, unless it leaves this slide's part of the map.
      const path = routes?.edges[link.id]?.points;
      const routed = path && path.every((p) => p.x >= from && p.x <= to) ? path.map((p) => ({ x: X(p.x), y: Y(p.y) })) : null;
      return [{
        from: a, to: b, routed,
        style: {
          name: `Lien : étape ${numberOf.get(link.from)} → étape ${numberOf.get(link.to)}`, color: LINK_COLOR, width: 1.75, tail: 'triangle' as const,
          ...(link.label ? { label: link.label } : {}), labelName: 'Libellé du lien',
        },
      }];
    }),
    solid, bounds,
  );
  const placed = placeNotes(
    notes,
    (n) => {
      const box = n.attachedTo?.type === 'step' ? boxOf.get(n.attachedTo.id) : undefined;
      return box ? { box, name: `étape ${numberOf.get(n.attachedTo!.id)}` } : null;
    },
    fixed, bounds, { x: bounds.x + bounds.w, y: bounds.y + bounds.h }, lines.flatMap((l) => segmentsOf(l.points)),
  );
  const drawn = drawLines(lines, [...solid, ...placed.boxes], bounds);
  return { shapes: [...shapes, ...placed.shapes, ...drawn], omittedNotes: placed.omitted, straightLines: straight, cutLinks: cut };
}

/** The legend of the conduct map: the kinds and markers in use, and how events, steps à venir and delays look. */
export function conductLegend(steps: Session['steps'], area: Box): DeckShape[] {
  const items: { swatch: BoxShape; label: string }[] = [];
  const swatch = (fill: string, dash?: Dash, geom: BoxShape['geom'] = 'roundRect'): BoxShape =>
    ({ kind: 'box', name: 'Légende', geom, x: 0, y: 0, w: 0.22, h: 0.14, fill, line: { color: '475569', width: 0.75, ...(dash ? { dash } : {}) } });
  for (const k of STEP_KINDS) if (steps.some((s) => s.kind === k)) items.push({ swatch: swatch(hex(STEP_KIND_VISUALS[k].color), isEventKind(k) ? 'dash' : undefined), label: `${STEP_KIND_VISUALS[k].icon} ${STEP_KIND_LABELS[k]}` });
  for (const m of MARKERS) if (steps.some((s) => s.markers.includes(m))) items.push({ swatch: swatch('FFFFFF', undefined, 'ellipse'), label: `${MARKER_ICONS[m]} ${MARKER_LABELS[m]}` });
  if (steps.some(isUpcoming)) items.push({ swatch: swatch('FFFFFF', 'dash'), label: 'Étape à venir' });
  if (steps.some((s) => s.planned && s.date && s.planned !== s.date)) items.push({ swatch: { ...swatch('C2410C', undefined, 'rect'), h: 0.05 }, label: 'Écart prévu / réalisé' });
  const size = 7;
  const shapes: DeckShape[] = [];
  let x = area.x;
  let y = area.y;
  const rowH = 0.2;
  for (const item of items) {
    const w = 0.28 + textWidth(item.label, size) / 72 + 0.18;
    if (x + w > area.x + area.w) {
      x = area.x;
      y += rowH;
    }
    if (y + rowH > area.y + area.h + 1e-9) break;
    shapes.push({ ...item.swatch, x, y: y + (rowH - item.swatch.h) / 2 });
    shapes.push({ kind: 'box', name: 'Légende', geom: 'rect', x: x + 0.26, y, w: w - 0.26, h: rowH, text: { paragraphs: [[{ text: item.label }]], fontSize: size, color: '0F172A', align: 'left', valign: 'middle', margin: 0.01 } });
    x += w;
  }
  return shapes;
}

/* ---------- Actor map ---------- */

const DASHES: Record<string, Dash> = {
  '': 'solid', '10 4': 'dash', '2 4': 'sysDot', '8 3 2 3': 'dashDot', '6 6': 'lgDash', '1 4': 'sysDot', '12 4 2 4': 'lgDashDot', '4 3': 'sysDash', '3 3': 'sysDash',
};

export interface ActorInput {
  session: Pick<Session, 'actors' | 'relations'>;
  notes?: readonly Note[];
  /** The relations routed by the app's router (map coordinates), when known. */
  routes?: RoutedMap | null;
  area: Box;
}

/** The actor map as shapes: actors where they were put, relations routed around them with their labels, notes beside their actor. */
export function actorMapShapes({ session, notes = [], routes = null, area }: ActorInput): MapShapes {
  const positions = new Map(session.actors.map((a, i) => [a.id, actorPosition(a, i)]));
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of positions.values()) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + ACTOR_BOX.width);
    maxY = Math.max(maxY, p.y + ACTOR_BOX.height);
  }
  if (!Number.isFinite(minX)) return { shapes: [], omittedNotes: [...notes], straightLines: 0 };
  // Room around the actors for lines to go round and notes to sit: a margin inside the area.
  const pad = 0.35;
  const inner = { x: area.x + pad, y: area.y + pad, w: area.w - 2 * pad, h: area.h - 2 * pad };
  let sx = inner.w / Math.max(1, maxX - minX);
  let sy = inner.h / Math.max(1, maxY - minY);
  sx = Math.min(sx, sy * 1.6, 0.012);
  sy = Math.min(sy, sx * 1.6, 0.012);
  const offX = inner.x + (inner.w - (maxX - minX) * sx) / 2;
  const offY = inner.y + (inner.h - (maxY - minY) * sy) / 2;
  const boxOf = new Map<string, Box>();
  for (const [id, p] of positions) boxOf.set(id, { x: offX + (p.x - minX) * sx, y: offY + (p.y - minY) * sy, w: ACTOR_BOX.width * sx, h: ACTOR_BOX.height * sy });

  const shapes: DeckShape[] = [];
  const names = new Map(session.actors.map((a) => [a.id, a.name]));
  const actorParas = (actor: ActorInput['session']['actors'][number]): Para[] => {
    const badge = usageBadge(actor);
    const category = ACTOR_CATEGORY_LABELS[actor.category];
    // An actor named after its category (as the anonymised maps name them) is not named twice.
    const icon = ACTOR_CATEGORY_VISUALS[actor.category].icon;
    return [
      { text: actor.name, bold: true },
      ...(actor.name === category ? [] : [{ text: `${icon} ${category}`, color: '334155' }]),
      ...(badge ? [{ text: badge, bold: true, color: '6B21A8' }] : []),
    ];
  };
  const actorSize = commonSize(session.actors.map((a) => ({ paras: actorParas(a), w: boxOf.get(a.id)!.w, h: boxOf.get(a.id)!.h })), { max: 12, min: 5.5, margin: 0.05 }, 0.8);
  for (const actor of session.actors) {
    const box = boxOf.get(actor.id)!;
    const v = ACTOR_CATEGORY_VISUALS[actor.category];
    const nonUser = actor.usage === 'non-utilisateur';
    shapes.push({
      kind: 'box', name: `Acteur : ${actor.name}`, geom: 'roundRect', ...box, fill: hex(v.color),
      line: nonUser || actor.usage === 'partiel' ? { color: '6B21A8', width: 2, dash: nonUser ? 'dash' : 'sysDot' } : { color: '475569', width: 1.25 },
      text: fittedText(actorParas(actor), box.w, box.h, { max: actorSize, min: 5.5, margin: 0.05, valign: 'middle' }),
    });
  }
  const actorBoxes = [...boxOf.values()];
  const P = (p: Pt): Pt => ({ x: offX + (p.x - minX) * sx, y: offY + (p.y - minY) * sy });
  const { lines, straight } = mapLines(
    session.relations.flatMap((r) => {
      const from = boxOf.get(r.from);
      const to = boxOf.get(r.to);
      if (!from || !to) return [];
      const v = RELATION_KIND_VISUALS[r.kind];
      const open = isUnansweredFeedback(r);
      const kindLabel = r.label ? labelled(RELATION_KIND_LABELS[r.kind], r.label) : RELATION_KIND_LABELS[r.kind];
      // An unanswered feedback is an open loop: a circle, not an arrowhead, where it should arrive.
      const end: ArrowEnd = open ? 'oval' : v.arrow === 'closed' || v.arrow === 'both' ? 'triangle' : v.arrow === 'open' ? 'arrow' : 'none';
      return [{
        from, to, routed: routes?.edges[r.id]?.points.map(P) ?? null,
        style: {
          name: `Relation : ${names.get(r.from)} → ${names.get(r.to)}`, color: hex(v.color), width: v.width * 0.6, dash: DASHES[v.dash] ?? 'dash',
          tail: end, ...(v.arrow === 'both' ? { head: 'triangle' as const } : {}),
          label: open ? `${kindLabel} · sans suite` : kindLabel, labelName: 'Libellé de la relation',
        },
      }];
    }),
    actorBoxes, area,
  );
  const placed = placeNotes(
    notes,
    (n) => {
      const box = n.attachedTo?.type === 'actor' ? boxOf.get(n.attachedTo.id) : undefined;
      return box ? { box, name: names.get(n.attachedTo!.id) ?? '' } : null;
    },
    actorBoxes, area, { x: area.x + area.w, y: area.y + area.h }, lines.flatMap((l) => segmentsOf(l.points)),
  );
  const drawn = drawLines(lines, [...actorBoxes, ...placed.boxes], area, 10);
  return { shapes: [...placed.shapes.filter((s) => s.kind === 'path'), ...shapes, ...placed.shapes.filter((s) => s.kind === 'box'), ...drawn], omittedNotes: placed.omitted, straightLines: straight };
}

/** The legend of the actor map: the relation kinds in use (line, dash, arrowhead), use and non-use, unanswered feedback. */
export function actorLegend(session: Pick<Session, 'actors' | 'relations'>, area: Box): DeckShape[] {
  const items: { sample: DeckShape[]; label: string }[] = [];
  const line = (color: string, dash: Dash, tail: ArrowEnd, head?: ArrowEnd, width = 1.25): DeckShape =>
    ({ kind: 'path', name: 'Légende', points: [{ x: 0, y: 0 }, { x: 0.36, y: 0 }], color, width, dash, tail, ...(head ? { head } : {}) });
  for (const k of RELATION_KINDS) {
    if (!session.relations.some((r) => r.kind === k)) continue;
    const v = RELATION_KIND_VISUALS[k];
    items.push({ sample: [line(hex(v.color), DASHES[v.dash] ?? 'dash', v.arrow === 'open' ? 'arrow' : v.arrow === 'none' ? 'none' : 'triangle', v.arrow === 'both' ? 'triangle' : undefined, v.width * 0.6)], label: RELATION_KIND_LABELS[k] });
  }
  if (session.relations.some(isUnansweredFeedback)) {
    const v = RELATION_KIND_VISUALS.remonte;
    items.push({ sample: [line(hex(v.color), DASHES[v.dash] ?? 'dash', 'oval')], label: 'Remontée sans réponse' });
  }
  const box = (dash: Dash): DeckShape => ({ kind: 'box', name: 'Légende', geom: 'roundRect', x: 0, y: -0.07, w: 0.3, h: 0.14, fill: 'FFFFFF', line: { color: '6B21A8', width: 1.5, dash } });
  if (session.actors.some((a) => a.usage === 'non-utilisateur')) items.push({ sample: [box('dash')], label: 'Non-utilisateur·rice' });
  if (session.actors.some((a) => a.usage === 'partiel')) items.push({ sample: [box('sysDot')], label: 'Usage partiel' });
  const size = 9;
  const rowH = 0.2;
  const shapes: DeckShape[] = [];
  let x = area.x;
  let y = area.y;
  for (const item of items) {
    const w = 0.44 + textWidth(item.label, size) / 72 + 0.2;
    if (x + w > area.x + area.w) {
      x = area.x;
      y += rowH;
    }
    if (y + rowH > area.y + area.h + 1e-9) break;
    const cy = y + rowH / 2;
    for (const s of item.sample) {
      shapes.push(s.kind === 'path' ? { ...s, points: s.points.map((p) => ({ x: p.x + x, y: p.y + cy })) } : { ...s, x: s.x + x, y: s.y + cy });
    }
    shapes.push({ kind: 'box', name: 'Légende', geom: 'rect', x: x + 0.42, y, w: w - 0.42, h: rowH, text: { paragraphs: [[{ text: item.label }]], fontSize: size, color: '0F172A', align: 'left', valign: 'middle', margin: 0.01 } });
    x += w;
  }
  return shapes;
}

/* ---------- Radar ---------- */

/** The maturity radar as shapes (rings, axes, one polygon per role with its dash and markers, the legend) in `area`. */
export function radarShapes(maturity: Maturity | undefined, area: Box): DeckShape[] {
  const g = radarGeometry(maturity);
  const legendH = 0.35;
  const k = Math.min(area.w / g.width, (area.h - legendH) / g.height);
  const ox = area.x + (area.w - g.width * k) / 2;
  const oy = area.y;
  const P = (x: number, y: number): Pt => ({ x: ox + x * k, y: oy + y * k });
  const parse = (points: string) => points.split(' ').map((p) => p.split(',').map(Number) as [number, number]).map(([x, y]) => P(x, y));
  const shapes: DeckShape[] = [];
  for (const ring of g.rings) shapes.push({ kind: 'path', name: `Cercle ${ring.value}`, points: parse(ring.points), closed: true, color: 'CBD5E1', width: 0.75 });
  const size = 11;
  for (const a of g.axes) {
    shapes.push({ kind: 'path', name: 'Axe', points: [P(g.cx, g.cy), P(a.x, a.y)], color: '94A3B8', width: 0.75 });
    const w = textWidth(a.label, size) / 72 + 0.12;
    const h = (size * LINE) / 72 + 0.06;
    const at = P(a.labelX, a.labelY);
    const x = a.anchor === 'start' ? at.x : a.anchor === 'end' ? at.x - w : at.x - w / 2;
    shapes.push({ kind: 'box', name: 'Domaine', geom: 'rect', x, y: at.y - h * 0.75, w, h, text: { paragraphs: [[{ text: a.label }]], fontSize: size, color: '1F2937', align: a.anchor === 'start' ? 'left' : a.anchor === 'end' ? 'right' : 'center', valign: 'middle', margin: 0.03 } });
  }
  for (const p of g.polygons) {
    const st = RADAR_ROLE_STYLES[p.role];
    shapes.push({ kind: 'path', name: `Regard : ${TRINOME_ROLE_LABELS[p.role]}`, points: p.points.map((q) => P(q.x, q.y)), closed: true, color: hex(st.color), width: 2, fill: hex(st.color), transparency: 82, dash: DASHES[st.dash] ?? 'dash' });
    for (const q of p.points) {
      if (typeof q.rating !== 'number') continue;
      const c = P(q.x, q.y);
      shapes.push({ kind: 'box', name: 'Note de maturité', geom: st.marker === 'circle' ? 'ellipse' : st.marker === 'square' ? 'rect' : 'triangle', x: c.x - 0.05, y: c.y - 0.05, w: 0.1, h: 0.1, fill: hex(st.color) });
    }
  }
  const legendW = area.w / 3 - 0.55;
  const legendSize = commonSize(TRINOME_ROLES.map((role) => ({ paras: [{ text: TRINOME_ROLE_LABELS[role] }], w: legendW, h: 0.28 })), { max: 11, min: 6, margin: 0.02 });
  TRINOME_ROLES.forEach((role, i) => {
    const st = RADAR_ROLE_STYLES[role];
    const x = area.x + (area.w / 3) * i + 0.1;
    const y = oy + g.height * k + legendH / 2;
    shapes.push({ kind: 'path', name: 'Légende', points: [{ x, y }, { x: x + 0.35, y }], color: hex(st.color), width: 2, dash: DASHES[st.dash] ?? 'dash' });
    shapes.push({ kind: 'box', name: 'Légende', geom: 'rect', x: x + 0.42, y: y - 0.14, w: legendW, h: 0.28, text: fittedText([{ text: TRINOME_ROLE_LABELS[role] }], legendW, 0.28, { max: legendSize, min: legendSize, margin: 0.02, valign: 'middle', color: '1F2937' }) });
  });
  return shapes;
}

/** Every box of a list of shapes (what lines must not cross). */
export const boxesIn = (shapes: readonly DeckShape[], name: RegExp): BoxShape[] =>
  shapes.filter((s): s is BoxShape => s.kind === 'box' && name.test(s.name));

export { inflate };
