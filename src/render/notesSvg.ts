/**
 * The notes of a map in its exported images (conduct and actor maps): a sticky note in its
 * author's colour, with the role and kind written in it (wrapped: a long role such as
 * « Représentant·e des salarié·es » never runs out of its box), the text wrapped inside, placed
 * beside the step or actor it is attached to, and never over another box (steps, actors, other
 * notes). Unattached notes keep the place they were given on the canvas when it is free, else
 * go in a row under the map.
 */
import { CONDUCT_LAYOUT, type ConductLayout } from '../domain/layout/conduct';
import { slipBars } from '../domain/layout/slips';
import type { Note, Session } from '../domain/types';
import { AUTHOR_ROLE_LABELS, NOTE_KIND_LABELS } from '../i18n/labels';
import { labelled } from '../i18n/format';
import { AUTHOR_ROLE_VISUALS } from '../i18n/visuals';
import { esc, round, textLines, wrapText } from './svgText';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedNote {
  note: Note;
  box: Box;
  /** The box of the step or actor it hangs on, when drawn. */
  target: Box | null;
  label: string[];
  lines: string[];
}

export const NOTE_WIDTH = 200;
const PADDING = 8;
const LABEL_SIZE = 11;
const TEXT_SIZE = 12;
const MAX_TEXT_LINES = 6;
/** Free space kept between a note and any other box. */
const MARGIN = 10;
/** Bold letters are wider than the measure of `textWidth` (regular): they wrap earlier. */
const BOLD = 1.12;

/** The note's lines (role and kind, then its text) and the box they need. */
export function noteContent(note: Note): { label: string[]; lines: string[]; height: number } {
  const inner = NOTE_WIDTH - 2 * PADDING - 4;
  const label = wrapText(`${AUTHOR_ROLE_LABELS[note.authorRole]} · ${NOTE_KIND_LABELS[note.kind]}`, LABEL_SIZE, inner / BOLD, 2);
  const lines = wrapText(note.text, TEXT_SIZE, inner, MAX_TEXT_LINES);
  const height = Math.ceil(PADDING + label.length * LABEL_SIZE * 1.2 + 6 + lines.length * TEXT_SIZE * 1.2 + PADDING);
  return { label, lines, height };
}

const overlaps = (a: Box, b: Box, margin: number) =>
  a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;

/** Whether the segment p–q meets the box grown by `margin` (Liang–Barsky clipping). */
export function segmentMeetsBox(p: { x: number; y: number }, q: { x: number; y: number }, b: Box, margin: number): boolean {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  let t0 = 0;
  let t1 = 1;
  const clips: [number, number][] = [
    [-dx, p.x - (b.x - margin)],
    [dx, b.x + b.width + margin - p.x],
    [-dy, p.y - (b.y - margin)],
    [dy, b.y + b.height + margin - p.y],
  ];
  for (const [pp, qq] of clips) {
    if (pp === 0) {
      if (qq < 0) return false;
    } else {
      const t = qq / pp;
      if (pp < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** Distance between two boxes (0 when they touch or overlap). */
function gap(a: Box, b: Box): number {
  const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.hypot(dx, dy);
}

export interface NoteArea {
  minX: number;
  minY: number;
  maxX: number;
  /** Notes may go down past the map (the image grows) unless this is set. */
  maxY?: number;
}

/** An edge as drawn (a polyline, its label's box if any): a note is never put over it either. */
export interface EdgeShape {
  points: readonly { x: number; y: number }[];
  label?: Box | null;
}

export interface PlaceOptions {
  /** The box of the step or actor a note is attached to, or null when it is not drawn. */
  targetOf: (note: Note) => Box | null;
  /** Boxes a note must never cover: every step or actor (targets included), the missing steps… */
  obstacles: readonly Box[];
  /** The edges drawn on the map (links, relations): a note is not put over them. */
  edges?: readonly EdgeShape[];
  area: NoteArea;
  /** Where the row of notes that have no place of their own begins. */
  row: { x: number; y: number };
}

const STEP = 10;
const RADII = [40, 120, 260, 520];

/**
 * Places the notes, in order: an attached note in the free spot nearest its target (right and
 * above first, as on the canvas), a free note where it was put if that is free; otherwise, in
 * the row under the map.
 */
export function placeNotes(notes: readonly Note[], options: PlaceOptions): PlacedNote[] {
  const { area, obstacles } = options;
  const taken: Box[] = [];
  const placed: PlacedNote[] = [];
  const boxes = [...obstacles, ...(options.edges ?? []).flatMap((e) => (e.label ? [e.label] : []))];
  const segments = (options.edges ?? []).flatMap((e) =>
    e.points.slice(1).map((q, i) => {
      const p = e.points[i]!;
      return { p, q, bounds: { x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), width: Math.abs(q.x - p.x), height: Math.abs(q.y - p.y) } };
    }),
  );
  // What lies in a window (the neighbourhood searched for one note): a map of 200 steps has
  // thousands of segments, a note's neighbourhood a few.
  const clearIn = (window: Box | null) => {
    const near = (b: Box) => !window || overlaps(b, window, MARGIN);
    const nearBoxes = [...boxes, ...taken].filter(near);
    const nearSegments = segments.filter((sg) => near(sg.bounds));
    return (b: Box) => !nearBoxes.some((o) => overlaps(b, o, MARGIN)) && !nearSegments.some((sg) => segmentMeetsBox(sg.p, sg.q, b, MARGIN / 2));
  };
  const inArea = (b: Box) =>
    b.x >= area.minX && b.y >= area.minY && b.x + b.width <= area.maxX && (area.maxY === undefined || b.y + b.height <= area.maxY);
  const freeIn = (window: Box) => {
    const clear = clearIn(window);
    return (b: Box) => inArea(b) && clear(b);
  };
  // The row goes down as far as needed (an area narrower than a note still gets one per line).
  let rowX = options.row.x;
  let rowY = options.row.y;
  let rowHeight = 0;
  const nextInRow = (height: number): Box => {
    const clear = clearIn(null);
    for (;;) {
      if (rowX + NOTE_WIDTH > area.maxX && rowX > options.row.x) {
        rowX = options.row.x;
        rowY += Math.max(rowHeight, STEP) + MARGIN * 2;
        rowHeight = 0;
      }
      const b = { x: rowX, y: rowY, width: NOTE_WIDTH, height };
      rowX += NOTE_WIDTH + MARGIN * 2;
      if (clear(b)) {
        rowHeight = Math.max(rowHeight, height);
        return b;
      }
      rowHeight = Math.max(rowHeight, STEP);
    }
  };

  for (const note of notes) {
    const content = noteContent(note);
    const { height } = content;
    const target = note.attachedTo ? options.targetOf(note) : null;
    let box: Box | null = null;
    if (note.position) {
      const b = { x: note.position.x, y: note.position.y, width: NOTE_WIDTH, height };
      if (freeIn(b)(b)) box = b;
    }
    if (!box && target) box = nearestFree(target, height, freeIn);
    box ??= nextInRow(height);
    taken.push(box);
    placed.push({ note, box, target, ...content });
  }
  return placed;
}

/** The free spot nearest a target, searched in widening squares around it. */
function nearestFree(target: Box, height: number, freeIn: (window: Box) => (b: Box) => boolean): Box | null {
  for (const r of RADII) {
    // Every candidate below lies inside this window.
    const free = freeIn({ x: target.x - NOTE_WIDTH - r, y: target.y - height - r, width: target.width + 2 * NOTE_WIDTH + 2 * r, height: target.height + 2 * height + 2 * r });
    const candidates: { b: Box; score: number }[] = [];
    // Finer steps near the target, coarser far from it (a crowded map of 200 steps stays quick).
    const step = r > RADII[1]! ? 2 * STEP : STEP;
    for (let x = target.x - NOTE_WIDTH - r; x <= target.x + target.width + r; x += step) {
      for (let y = target.y - height - r; y <= target.y + target.height + r; y += step) {
        const b = { x, y, width: NOTE_WIDTH, height };
        // Beside (right first), then above or below, then to the left: as the canvas places notes.
        const right = x >= target.x + target.width ? 0 : x + NOTE_WIDTH <= target.x ? 6 : 3;
        candidates.push({ b, score: gap(b, target) + right });
      }
    }
    candidates.sort((a, b) => a.score - b.score);
    for (const c of candidates) if (free(c.b)) return c.b;
  }
  return null;
}

/** The nearest points of two boxes, for the line from a note to its target. */
function connector(a: Box, b: Box): [number, number, number, number] {
  const axis = (a0: number, a1: number, b0: number, b1: number): [number, number] => {
    const lo = Math.max(a0, b0);
    const hi = Math.min(a1, b1);
    if (lo <= hi) return [(lo + hi) / 2, (lo + hi) / 2];
    return a1 < b0 ? [a1, b0] : [a0, b1];
  };
  const [x1, x2] = axis(a.x, a.x + a.width, b.x, b.x + b.width);
  const [y1, y2] = axis(a.y, a.y + a.height, b.y, b.y + b.height);
  return [x1, y1, x2, y2];
}

/** The dashed lines from notes to their targets (drawn under the boxes) and the notes themselves. */
export function notesSvg(placed: readonly PlacedNote[]): { connectors: string; boxes: string } {
  const connectors: string[] = [];
  const boxes: string[] = [];
  for (const p of placed) {
    const { x, y, width, height } = p.box;
    const v = AUTHOR_ROLE_VISUALS[p.note.authorRole];
    if (p.target) {
      const [x1, y1, x2, y2] = connector(p.box, p.target);
      connectors.push(`<line class="note-link" x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${v.border}" stroke-width="1.5" stroke-dasharray="3 3"/>`);
    }
    const textY = y + PADDING + LABEL_SIZE + p.label.length * LABEL_SIZE * 1.2 + 4;
    boxes.push(
      `<g class="note" data-role="${p.note.authorRole}"><title>${esc(labelled(`Note (${AUTHOR_ROLE_LABELS[p.note.authorRole]})`, p.note.text))}</title>`,
      `<rect x="${round(x)}" y="${round(y)}" width="${width}" height="${height}" rx="4" fill="${v.color}" stroke="${v.border}" stroke-width="2"/>`,
      `<rect x="${round(x)}" y="${round(y)}" width="5" height="${height}" rx="2" fill="${v.border}"/>`,
      textLines(p.label, round(x + PADDING + 4), round(y + PADDING + LABEL_SIZE), LABEL_SIZE, `font-weight="bold" fill="${v.border}"`),
      textLines(p.lines, round(x + PADDING + 4), round(textY), TEXT_SIZE, 'fill="#0f172a"'),
      '</g>',
    );
  }
  return { connectors: connectors.join(''), boxes: boxes.join('') };
}

/** The extent of the placed notes, to grow the image around them. */
export function notesExtent(placed: readonly PlacedNote[]): { minX: number; minY: number; maxX: number; maxY: number } | null {
  if (placed.length === 0) return null;
  return {
    minX: Math.min(...placed.map((p) => p.box.x)),
    minY: Math.min(...placed.map((p) => p.box.y)),
    maxX: Math.max(...placed.map((p) => p.box.x + p.box.width)),
    maxY: Math.max(...placed.map((p) => p.box.y + p.box.height)),
  };
}

/**
 * The conduct map's notes, in the map's coordinates: between the lane headers and the right edge
 * (the chronology is beside it), clear of the steps, their slip bars and the missing steps drawn.
 */
export function placeConductNotes(
  session: Session,
  layout: ConductLayout,
  notes: readonly Note[],
  ghosts: readonly Box[] = [],
  edges: readonly EdgeShape[] = [],
): PlacedNote[] {
  const { laneHeaderWidth, axisHeight } = CONDUCT_LAYOUT;
  const slips = slipBars(layout, session.steps).map((b) => ({ x: b.left - 6, y: b.y - 6, width: b.width + 12, height: 12 }));
  return placeNotes(notes, {
    targetOf: (n) => (n.attachedTo?.type === 'step' ? (layout.byId.get(n.attachedTo.id) ?? null) : null),
    obstacles: [...layout.steps, ...slips, ...ghosts],
    edges,
    area: { minX: laneHeaderWidth + MARGIN, minY: axisHeight + MARGIN, maxX: layout.width - MARGIN },
    row: { x: laneHeaderWidth + MARGIN, y: layout.height + 2 * MARGIN },
  });
}

/** The actor map's notes, beside their actors, clear of every actor box (its usage badge above it included). */
export function placeActorNotes(notes: readonly Note[], actors: ReadonlyMap<string, Box>, edges: readonly EdgeShape[] = []): PlacedNote[] {
  const boxes = [...actors.values()];
  const minX = Math.min(0, ...boxes.map((b) => b.x));
  const minY = Math.min(0, ...boxes.map((b) => b.y));
  const maxX = Math.max(400, ...boxes.map((b) => b.x + b.width));
  const maxY = Math.max(200, ...boxes.map((b) => b.y + b.height));
  return placeNotes(notes, {
    targetOf: (n) => (n.attachedTo?.type === 'actor' ? (actors.get(n.attachedTo.id) ?? null) : null),
    obstacles: boxes.map((b) => ({ ...b, y: b.y - 10, height: b.height + 10 })),
    edges,
    area: { minX: minX - NOTE_WIDTH - 60, minY: minY - 160, maxX: Math.max(maxX + NOTE_WIDTH + 60, minX + 1100) },
    row: { x: minX, y: maxY + 4 * MARGIN },
  });
}

/**
 * The edges of a map for `placeNotes`: each routed edge as routed, else (not routed yet) the
 * straight line between the centres of its boxes.
 */
export function edgeShapes(
  edges: readonly { id: string; from: string; to: string }[],
  boxOf: (id: string) => Box | undefined,
  routes?: { edges: Readonly<Record<string, EdgeShape>> } | null,
  unrouted: (a: Box, b: Box) => { x: number; y: number }[] = centres,
): EdgeShape[] {
  return edges.flatMap((e) => {
    const routed = routes?.edges[e.id];
    if (routed) return [routed];
    const a = boxOf(e.from);
    const b = boxOf(e.to);
    return a && b ? [{ points: unrouted(a, b) }] : [];
  });
}

const centres = (a: Box, b: Box) => [
  { x: a.x + a.width / 2, y: a.y + a.height / 2 },
  { x: b.x + b.width / 2, y: b.y + b.height / 2 },
];

/** An unrouted link of the conduct map (conductSvg's curve, right side to left side), as a polyline. */
export function conductCurve(a: Box, b: Box): { x: number; y: number }[] {
  const x1 = a.x + a.width;
  const y1 = a.y + a.height / 2;
  const x2 = b.x;
  const y2 = b.y + b.height / 2;
  const dx = Math.max(40, Math.abs(x2 - x1) / 2);
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i <= 12; i++) {
    const t = i / 12;
    const u = 1 - t;
    out.push({ x: u * u * u * x1 + 3 * u * u * t * (x1 + dx) + 3 * u * t * t * (x2 - dx) + t * t * t * x2, y: (u * u * u + 3 * u * u * t) * y1 + (3 * u * t * t + t * t * t) * y2 });
  }
  return out;
}
