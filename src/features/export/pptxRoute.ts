/**
 * Orthogonal routing for the deck's lines (links between steps, relations between actors): a path
 * of horizontal and vertical segments that leaves one box and enters the other by a side, and
 * never passes through any other box. Pure geometry in slide inches; a shortest path with a
 * penalty per bend on the grid of the boxes' edges (pushed out by a clearance), so lines run in the
 * gaps between lanes and boxes, and a penalty for running along a line already drawn, so that two
 * reciprocal relations take two channels and both stay visible.
 */

export interface Pt { x: number; y: number }
export interface Box { x: number; y: number; w: number; h: number }
/** A segment already drawn: later routes avoid running along it. */
export interface Seg { a: Pt; b: Pt }

const EPS = 1e-6;

/** Whether the segment a–b passes through the inside of the box (touching its edge is not crossing). */
export function segmentCrossesBox(a: Pt, b: Pt, box: Box, inset = 0.005): boolean {
  const x0 = box.x + inset;
  const y0 = box.y + inset;
  const x1 = box.x + box.w - inset;
  const y1 = box.y + box.h - inset;
  // Liang–Barsky clipping against the (slightly shrunk) box.
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const clip = (p: number, q: number) => {
    if (Math.abs(p) < EPS) return q >= 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  return clip(-dx, a.x - x0) && clip(dx, x1 - a.x) && clip(-dy, a.y - y0) && clip(dy, y1 - a.y) && t1 - t0 > EPS;
}

export const boxesOverlap = (a: Box, b: Box, gap = 0) =>
  a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;

export const inflate = (b: Box, m: number): Box => ({ x: b.x - m, y: b.y - m, w: b.w + 2 * m, h: b.h + 2 * m });

type Side = 'left' | 'right' | 'top' | 'bottom';
interface Port { at: Pt; out: Pt; side: Side }

/** Where a line may leave a box: three points on each side, each with the point just outside it. */
function ports(box: Box, clearance: number): Port[] {
  const out: Port[] = [];
  for (const f of [0.5, 0.3, 0.7]) {
    const px = box.x + box.w * f;
    const py = box.y + box.h * f;
    out.push(
      { side: 'right', at: { x: box.x + box.w, y: py }, out: { x: box.x + box.w + clearance, y: py } },
      { side: 'left', at: { x: box.x, y: py }, out: { x: box.x - clearance, y: py } },
      { side: 'top', at: { x: px, y: box.y }, out: { x: px, y: box.y - clearance } },
      { side: 'bottom', at: { x: px, y: box.y + box.h }, out: { x: px, y: box.y + box.h + clearance } },
    );
  }
  return out;
}

const collinearOverlap = (a: Pt, b: Pt, s: Seg, tol: number): number => {
  const horizontal = Math.abs(a.y - b.y) < EPS;
  if (horizontal && Math.abs(s.a.y - s.b.y) < EPS && Math.abs(s.a.y - a.y) < tol) {
    const lo = Math.max(Math.min(a.x, b.x), Math.min(s.a.x, s.b.x));
    const hi = Math.min(Math.max(a.x, b.x), Math.max(s.a.x, s.b.x));
    return Math.max(0, hi - lo);
  }
  if (!horizontal && Math.abs(s.a.x - s.b.x) < EPS && Math.abs(s.a.x - a.x) < tol) {
    const lo = Math.max(Math.min(a.y, b.y), Math.min(s.a.y, s.b.y));
    const hi = Math.min(Math.max(a.y, b.y), Math.max(s.a.y, s.b.y));
    return Math.max(0, hi - lo);
  }
  return 0;
};

export interface RouteOptions {
  /** How far lines keep from boxes, in inches. */
  clearance?: number;
  /** Lines already drawn, to keep apart from. */
  used?: readonly Seg[];
  /** Ports already taken on the ends' boxes (their `at` points), avoided when another is free. */
  usedPorts?: readonly Pt[];
}

/**
 * The route from box `from` to box `to` avoiding `obstacles` (which may include both ends: they
 * are left out), inside `bounds`. Returns the points, first on `from`'s edge, last on `to`'s;
 * null when no orthogonal route exists.
 */
export function routeOrthogonal(from: Box, to: Box, obstacles: readonly Box[], bounds: Box, options: RouteOptions = {}): Pt[] | null {
  const c = options.clearance ?? 0.08;
  const used = options.used ?? [];
  const same = (a: Box, b: Box) => Math.abs(a.x - b.x) < EPS && Math.abs(a.y - b.y) < EPS && Math.abs(a.w - b.w) < EPS && Math.abs(a.h - b.h) < EPS;
  const walls = obstacles.filter((o) => !same(o, from) && !same(o, to));
  const blockers = [...walls, from, to];
  const inBounds = (p: Pt) => p.x >= bounds.x - EPS && p.x <= bounds.x + bounds.w + EPS && p.y >= bounds.y - EPS && p.y <= bounds.y + bounds.h + EPS;
  const free = (p: Pt) => inBounds(p) && !blockers.some((b) => p.x > b.x + EPS && p.x < b.x + b.w - EPS && p.y > b.y + EPS && p.y < b.y + b.h - EPS);

  const starts = ports(from, c).filter((p) => free(p.out) && !walls.some((w) => segmentCrossesBox(p.at, p.out, w)));
  const ends = ports(to, c).filter((p) => free(p.out) && !walls.some((w) => segmentCrossesBox(p.at, p.out, w)));
  if (starts.length === 0 || ends.length === 0) return null;

  // The grid: every box's edges pushed out by the clearance (and by twice it, a second channel), and the ports.
  const xsSet = new Set<number>();
  const ysSet = new Set<number>();
  const r = (v: number) => Math.round(v * 1e4) / 1e4;
  for (const b of blockers) {
    for (const m of [c, 2 * c]) {
      xsSet.add(r(b.x - m)).add(r(b.x + b.w + m));
      ysSet.add(r(b.y - m)).add(r(b.y + b.h + m));
    }
  }
  for (const p of [...starts, ...ends]) {
    xsSet.add(r(p.out.x));
    ysSet.add(r(p.out.y));
  }
  // Midlines of the gaps between boxes, where a line is farthest from both.
  const sortedX = [...xsSet].sort((a, b) => a - b);
  const sortedY = [...ysSet].sort((a, b) => a - b);
  const xs = sortedX.filter((x) => x >= bounds.x - EPS && x <= bounds.x + bounds.w + EPS);
  const ys = sortedY.filter((y) => y >= bounds.y - EPS && y <= bounds.y + bounds.h + EPS);
  const W = xs.length;
  const H = ys.length;
  const xi = new Map(xs.map((x, i) => [x, i]));
  const yi = new Map(ys.map((y, i) => [y, i]));
  const node = (i: number, j: number) => j * W + i;
  const pt = (n: number): Pt => ({ x: xs[n % W]!, y: ys[Math.floor(n / W)]! });
  const open = new Uint8Array(W * H);
  for (let j = 0; j < H; j++) for (let i = 0; i < W; i++) open[node(i, j)] = free({ x: xs[i]!, y: ys[j]! }) ? 1 : 0;

  const bend = 0.6;
  const segCost = (a: Pt, b: Pt) => {
    const len = Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
    let extra = 0;
    for (const s of used) extra += collinearOverlap(a, b, s, c * 0.9) * 4;
    return len + extra;
  };
  const passable = (a: Pt, b: Pt) => !blockers.some((w) => segmentCrossesBox(a, b, w));

  // Dijkstra over (node, direction): 0 horizontal, 1 vertical.
  const N = W * H * 2;
  const dist = new Float64Array(N).fill(Infinity);
  const prev = new Int32Array(N).fill(-1);
  const done = new Uint8Array(N);
  const heap: [number, number][] = [];
  const push = (d: number, s: number) => {
    heap.push([d, s]);
    let k = heap.length - 1;
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (heap[p]![0] <= heap[k]![0]) break;
      [heap[p], heap[k]] = [heap[k]!, heap[p]!];
      k = p;
    }
  };
  const pop = (): [number, number] => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const rr = l + 1;
        let m = k;
        if (l < heap.length && heap[l]![0] < heap[m]![0]) m = l;
        if (rr < heap.length && heap[rr]![0] < heap[m]![0]) m = rr;
        if (m === k) break;
        [heap[m], heap[k]] = [heap[k]!, heap[m]!];
        k = m;
      }
    }
    return top;
  };
  const portPenalty = (p: Port) => (options.usedPorts ?? []).some((u) => Math.abs(u.x - p.at.x) < 0.02 && Math.abs(u.y - p.at.y) < 0.02) ? 2 : 0;
  const startOf = new Map<number, Port>();
  for (const p of starts) {
    const i = xi.get(r(p.out.x));
    const j = yi.get(r(p.out.y));
    if (i === undefined || j === undefined || !open[node(i, j)]) continue;
    const dir = p.side === 'left' || p.side === 'right' ? 0 : 1;
    const s = node(i, j) * 2 + dir;
    const d = c + portPenalty(p) + (p.at.x === from.x + from.w * 0.5 || p.at.y === from.y + from.h * 0.5 ? 0 : 0.05);
    if (d < dist[s]!) {
      dist[s] = d;
      startOf.set(s, p);
      push(d, s);
    }
  }
  const endAt = new Map<number, Port[]>();
  for (const p of ends) {
    const i = xi.get(r(p.out.x));
    const j = yi.get(r(p.out.y));
    if (i === undefined || j === undefined || !open[node(i, j)]) continue;
    const n = node(i, j);
    endAt.set(n, [...(endAt.get(n) ?? []), p]);
  }
  let best: { cost: number; state: number; port: Port } | null = null;
  while (heap.length > 0) {
    const [d, s] = pop();
    if (done[s] || d > dist[s]!) continue;
    done[s] = 1;
    if (best && d >= best.cost) break;
    const n = s >> 1;
    const dir = s & 1;
    const here = pt(n);
    for (const p of endAt.get(n) ?? []) {
      const inDir = p.side === 'left' || p.side === 'right' ? 0 : 1;
      const cost = d + c + (inDir === dir ? 0 : bend) + portPenalty(p);
      if (!best || cost < best.cost) best = { cost, state: s, port: p };
    }
    const i = n % W;
    const j = Math.floor(n / W);
    for (const [di, dj] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
      const ni = i + di;
      const nj = j + dj;
      if (ni < 0 || nj < 0 || ni >= W || nj >= H) continue;
      const m = node(ni, nj);
      if (!open[m]) continue;
      const there = pt(m);
      if (!passable(here, there)) continue;
      const ndir = di !== 0 ? 0 : 1;
      const nd = d + segCost(here, there) + (ndir === dir ? 0 : bend);
      const ns = m * 2 + ndir;
      if (nd < dist[ns]!) {
        dist[ns] = nd;
        prev[ns] = s;
        push(nd, ns);
      }
    }
  }
  if (!best) return null;
  const chain: number[] = [];
  for (let s = best.state; s !== -1; s = prev[s]!) chain.push(s);
  chain.reverse();
  const first = startOf.get(chain[0]!);
  if (!first) return null;
  const points: Pt[] = [first.at, ...chain.map((s) => pt(s >> 1)), best.port.at];
  return simplify(points);
}

/** Drops repeated points and the middle points of straight runs. */
export function simplify(points: readonly Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < EPS && Math.abs(last.y - p.y) < EPS) continue;
    out.push(p);
  }
  for (let k = out.length - 2; k > 0; k--) {
    const a = out[k - 1]!;
    const b = out[k]!;
    const d = out[k + 1]!;
    if ((Math.abs(a.x - b.x) < EPS && Math.abs(b.x - d.x) < EPS) || (Math.abs(a.y - b.y) < EPS && Math.abs(b.y - d.y) < EPS)) out.splice(k, 1);
  }
  return out;
}

/** The segments of a path, for the next routes to keep apart from. */
export const segmentsOf = (points: readonly Pt[]): Seg[] => points.slice(1).map((b, i) => ({ a: points[i]!, b }));

/** Whether a path crosses any of the boxes (its ends' boxes should not be in the list). */
export const pathCrosses = (points: readonly Pt[], boxes: readonly Box[]) =>
  segmentsOf(points).some((s) => boxes.some((b) => segmentCrossesBox(s.a, s.b, b)));
