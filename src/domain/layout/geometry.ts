/**
 * Plane geometry for the maps' edges: boxes, polylines, and the check that a drawing is legible
 * (no edge through a box, no label on a box or on another label). Pure, so a test can run it on
 * any routed map, and the same numbers decide where the router's labels go.
 */

export interface Point { x: number; y: number }
export interface Rect { x: number; y: number; width: number; height: number }
/** A box of a map that edges go around: a step, a missing step, an actor. */
export interface NodeBox extends Rect { id: string }

/** Whether two rectangles share interior area, once each is grown by `margin` (negative shrinks). */
export function rectsOverlap(a: Rect, b: Rect, margin = 0): boolean {
  return a.x - margin < b.x + b.width + margin && b.x - margin < a.x + a.width + margin && a.y - margin < b.y + b.height + margin && b.y - margin < a.y + a.height + margin;
}

/**
 * Whether the segment p–q passes through the interior of `r` shrunk by `inset` on every side
 * (Liang–Barsky clipping: a segment that only runs along or touches the border does not count).
 */
export function segmentCrossesRect(p: Point, q: Point, r: Rect, inset = 1): boolean {
  const x0 = r.x + inset;
  const x1 = r.x + r.width - inset;
  const y0 = r.y + inset;
  const y1 = r.y + r.height - inset;
  if (x1 <= x0 || y1 <= y0) return false;
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const clips: [number, number][] = [
    [-dx, p.x - x0],
    [dx, x1 - p.x],
    [-dy, p.y - y0],
    [dy, y1 - p.y],
  ];
  for (const [pp, qq] of clips) {
    if (pp === 0) {
      if (qq <= 0) return false;
    } else {
      const t = qq / pp;
      if (pp < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
  }
  return t0 < t1;
}

export function polylineCrossesRect(points: readonly Point[], r: Rect, inset = 1): boolean {
  for (let i = 1; i < points.length; i++) if (segmentCrossesRect(points[i - 1]!, points[i]!, r, inset)) return true;
  return false;
}

export function polylineLength(points: readonly Point[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  return total;
}

/** The point at `fraction` (0…1) of the polyline's length. */
export function pointAlong(points: readonly Point[], fraction: number): Point {
  const total = polylineLength(points);
  let left = total * Math.min(1, Math.max(0, fraction));
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (left <= len && len > 0) return { x: a.x + ((b.x - a.x) * left) / len, y: a.y + ((b.y - a.y) * left) / len };
    left -= len;
  }
  return points[points.length - 1] ?? { x: 0, y: 0 };
}

/** An edge as drawn: its polyline, the boxes it joins, and its label's box if it has one. */
export interface DrawnEdge {
  id: string;
  from: string;
  to: string;
  points: readonly Point[];
  label: Rect | null;
}

export interface LegibilityReport {
  /** Edges drawn through a box: any box but their ends, or through the inside of their own ends. */
  crossings: { edge: string; box: string }[];
  /** Labels on a box, or on another label. */
  overlaps: { label: string; other: string }[];
}

/**
 * What makes a map unreadable, counted: each edge polyline against every box (its own ends
 * included: an edge leaves its box at the border, it does not run inside it), each label box
 * against every node box and every other label.
 */
export function checkLegibility(boxes: readonly NodeBox[], edges: readonly DrawnEdge[]): LegibilityReport {
  const crossings: LegibilityReport['crossings'] = [];
  const overlaps: LegibilityReport['overlaps'] = [];
  for (const e of edges) {
    for (const b of boxes) if (polylineCrossesRect(e.points, b)) crossings.push({ edge: e.id, box: b.id });
  }
  const labelled = edges.filter((e) => e.label);
  labelled.forEach((e, i) => {
    for (const b of boxes) if (rectsOverlap(e.label!, b)) overlaps.push({ label: e.id, other: b.id });
    for (let j = i + 1; j < labelled.length; j++) if (rectsOverlap(e.label!, labelled[j]!.label!)) overlaps.push({ label: e.id, other: labelled[j]!.id });
  });
  return { crossings, overlaps };
}

/** An SVG path through the polyline, its corners rounded by up to `radius` (0: sharp corners). */
export function polylinePath(points: readonly Point[], radius = 8): string {
  const r2 = (n: number) => Math.round(n * 10) / 10;
  if (points.length === 0) return '';
  const out = [`M${r2(points[0]!.x)} ${r2(points[0]!.y)}`];
  for (let i = 1; i < points.length; i++) {
    const p = points[i]!;
    const next = points[i + 1];
    if (!next || radius <= 0) {
      out.push(`L${r2(p.x)} ${r2(p.y)}`);
      continue;
    }
    const prev = points[i - 1]!;
    const inLen = Math.hypot(p.x - prev.x, p.y - prev.y);
    const outLen = Math.hypot(next.x - p.x, next.y - p.y);
    const r = Math.min(radius, inLen / 2, outLen / 2);
    if (r < 0.5) {
      out.push(`L${r2(p.x)} ${r2(p.y)}`);
      continue;
    }
    const a = { x: p.x - ((p.x - prev.x) * r) / inLen, y: p.y - ((p.y - prev.y) * r) / inLen };
    const b = { x: p.x + ((next.x - p.x) * r) / outLen, y: p.y + ((next.y - p.y) * r) / outLen };
    out.push(`L${r2(a.x)} ${r2(a.y)}`, `Q${r2(p.x)} ${r2(p.y)} ${r2(b.x)} ${r2(b.y)}`);
  }
  return out.join(' ');
}

/**
 * Where a box of `size` goes beside `target` without overlapping any of `taken` (kept `gap`
 * apart): above on the right first (where a note hangs on its step or actor), then right, above,
 * below, left, then further and further out. The top-left corner.
 */
export function placeBeside(target: Rect, size: { width: number; height: number }, taken: readonly Rect[], gap = 12): Point {
  const { width: w, height: h } = size;
  const free = (p: Point) => !taken.some((t) => rectsOverlap({ x: p.x, y: p.y, width: w, height: h }, t, gap / 2));
  const right = target.x + target.width + gap;
  const left = target.x - w - gap;
  const above = target.y - h - gap;
  const below = target.y + target.height + gap;
  const near: Point[] = [
    { x: right, y: above },
    { x: right, y: target.y },
    { x: target.x, y: above },
    { x: target.x, y: below },
    { x: right, y: below },
    { x: left, y: target.y },
    { x: left, y: above },
    { x: left, y: below },
  ];
  for (const p of near) if (free(p)) return p;
  for (let ring = 1; ring <= 30; ring++) {
    const d = ring * (gap + 24);
    for (const p of near) {
      const dx = p.x >= right ? d : p.x <= left ? -d : 0;
      const dy = p.y <= above ? -d : p.y >= below ? d : 0;
      const q = { x: p.x + dx, y: p.y + dy };
      if (free(q)) return q;
    }
  }
  return near[0]!;
}
