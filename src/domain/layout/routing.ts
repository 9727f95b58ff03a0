/**
 * Edge routing for both maps: the boxes stay where the layout (or the user) put them, and each
 * edge goes around every other box, as an orthogonal polyline from border to border, with its
 * label on its path where it covers no box and no other label.
 *
 * The routing itself is libavoid (object-avoiding connector routing, compiled to WebAssembly by
 * the `libavoid-js` package). The domain imports no package, so the loaded library is passed in
 * (`AvoidApi`): the app's worker loads it from our origin, a unit test from node_modules.
 */
import { pointAlong, polylineCrossesRect, polylineLength, rectsOverlap, type NodeBox, type Point, type Rect } from './geometry';

/** An edge to route: between two boxes of the map, with the size of its label if it has one. */
export interface RouteEdge {
  id: string;
  from: string;
  to: string;
  label?: { width: number; height: number };
}

export interface RouteInput {
  boxes: readonly NodeBox[];
  edges: readonly RouteEdge[];
}

/** An edge as routed: its polyline (first and last points on its boxes' borders) and its label's box. */
export interface RoutedEdge {
  points: Point[];
  label: Rect | null;
}

/**
 * The routes of a map, by edge id, with the key of the geometry they were computed for. An edge
 * the router could not take around the boxes (boxes that overlap its ends) has no route: it is
 * drawn as before routing.
 */
export interface RoutedMap {
  key: string;
  edges: Record<string, RoutedEdge>;
}

/** Space kept between an edge and a box it goes around, and between parallel edges. */
export const ROUTING = { shapeBuffer: 8, nudging: 12, labelGap: 3 };

/**
 * The estimated size of a one-line label: the domain cannot measure text, so every renderer
 * draws labels at this font size, and the estimate is generous (wide glyphs, accents).
 */
export function labelSize(text: string, fontSize = 12): { width: number; height: number } {
  return { width: Math.ceil(text.length * fontSize * 0.64 + 12), height: Math.ceil(fontSize + 6) };
}

/**
 * The key of a routing input: the same boxes and edges (ids, places, label sizes) give the
 * same key, so the app's canvas and the exports reuse one routing of the same map.
 */
export function routeKey(input: RouteInput): string {
  const r = (n: number) => Math.round(n);
  const boxes = input.boxes.map((b) => `${b.id}:${r(b.x)},${r(b.y)},${r(b.width)},${r(b.height)}`).join(';');
  const edges = input.edges.map((e) => `${e.id}:${e.from}>${e.to}${e.label ? `:${e.label.width}x${e.label.height}` : ''}`).join(';');
  // A short hash keeps the key small as a Map key and in a message.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const text = `${boxes}|${edges}`;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${text.length}-${(h1 >>> 0).toString(36)}-${(h2 >>> 0).toString(36)}`;
}

// The part of libavoid's API used here (see libavoid-js's typings); the instances are WebAssembly
// objects, freed with `destroy`.
interface AvoidPoint { x: number; y: number }
interface AvoidPolyLine { size(): number; get_ps(i: number): AvoidPoint }
interface AvoidRouter {
  setRoutingParameter(parameter: number, value: number): void;
  setRoutingOption(option: number, value: boolean): void;
  processTransaction(): void;
}
interface AvoidShapeRef { readonly __shape?: never }
interface AvoidConnRef { displayRoute(): AvoidPolyLine }
export interface AvoidApi {
  OrthogonalRouting: number;
  ConnDirUp: number;
  ConnDirDown: number;
  ConnDirLeft: number;
  ConnDirRight: number;
  shapeBufferDistance: number;
  idealNudgingDistance: number;
  segmentPenalty: number;
  crossingPenalty: number;
  fixedSharedPathPenalty: number;
  nudgeOrthogonalSegmentsConnectedToShapes: number;
  nudgeSharedPathsWithCommonEndPoint: number;
  Router: new (flags: number) => AvoidRouter;
  Point: new (x: number, y: number) => AvoidPoint;
  Rectangle: new (centre: AvoidPoint, width: number, height: number) => object;
  ShapeRef: new (router: AvoidRouter, polygon: object) => AvoidShapeRef;
  ShapeConnectionPin: new (shape: AvoidShapeRef, classId: number, x: number, y: number, proportional: boolean, inside: number, dirs: number) => object;
  ConnEnd: new (shape: AvoidShapeRef, classId: number) => object;
  ConnRef: new (router: AvoidRouter, src: object, dst: object) => AvoidConnRef;
  destroy(obj: object): void;
}

/**
 * Where each edge leaves or reaches its box: every end has pins of its own (its own class, at its
 * own place along each side), so that two edges never share a pin, even when routed apart. The
 * ends that face the same side of a box (towards the other box) are spread evenly along it, in
 * the order of where they go: one edge alone on a side leaves from its middle, and a relation and
 * its reciprocal leave side by side.
 */
type Side = 'top' | 'bottom' | 'left' | 'right';
interface EndPin { cls: number; f: number; side: Side }
interface EndPins { from: EndPin; to: EndPin }

function assignPins(edges: readonly RouteEdge[], byId: ReadonlyMap<string, NodeBox>): Map<string, EndPins> {
  const centre = (b: NodeBox) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  /** The side of `box` facing `other`, and where `other` lies along that side. */
  const facing = (box: NodeBox, other: NodeBox) => {
    const a = centre(box);
    const b = centre(other);
    const dx = (b.x - a.x) / box.width;
    const dy = (b.y - a.y) / box.height;
    return Math.abs(dx) >= Math.abs(dy) ? { side: (dx >= 0 ? 'right' : 'left') as Side, along: b.y } : { side: (dy >= 0 ? 'bottom' : 'top') as Side, along: b.x };
  };
  const sides = new Map<string, { edge: number; end: 'from' | 'to'; along: number; side: Side }[]>();
  edges.forEach((e, i) => {
    for (const end of ['from', 'to'] as const) {
      const box = byId.get(e[end])!;
      const other = byId.get(end === 'from' ? e.to : e.from)!;
      const { side, along } = facing(box, other);
      const key = `${box.id}\u0000${side}`;
      const list = sides.get(key);
      if (list) list.push({ edge: i, end, along, side });
      else sides.set(key, [{ edge: i, end, along, side }]);
    }
  });
  const out: EndPins[] = edges.map(() => ({ from: { cls: 0, f: 0.5, side: 'top' }, to: { cls: 0, f: 0.5, side: 'top' } }));
  let cls = 1;
  for (const list of sides.values()) {
    list.sort((p, q) => p.along - q.along || p.edge - q.edge);
    list.forEach((item, k) => (out[item.edge]![item.end] = { cls: cls++, f: (k + 1) / (list.length + 1), side: item.side }));
  }
  return new Map(edges.map((e, i) => [e.id, out[i]!]));
}

/**
 * The routes of a map: every edge around every box, then its label placed.
 *
 * For speed, the map is routed in parts, each among the boxes near its edges only (a window
 * around their ends): the edges that share a box together (libavoid then keeps their parallel
 * segments apart), or, in a large connected map, a few edges at a time. A route that leaves its
 * window and meets a box outside it is routed again in a wider window, then among all the boxes.
 */
export function routeMap(avoid: AvoidApi, input: RouteInput): RoutedMap {
  const byId = new Map(input.boxes.map((b) => [b.id, b]));
  let left = input.edges.filter((e) => e.from !== e.to && byId.has(e.from) && byId.has(e.to));
  const pins = assignPins(left, byId);
  const paths = new Map<string, Point[]>();
  // First each end on the side of its box that faces the other end (the route libavoid finds is
  // then the natural one, and the same at each run: between pins of equal cost on several sides,
  // its choice varies); an edge that cannot be routed so may use any side, in a wider window.
  for (const [pass, window] of [WINDOW, WINDOW * 4, Infinity].entries()) {
    if (left.length === 0) break;
    const again: RouteEdge[] = [];
    for (const part of parts(left, input.boxes, byId, window, pass === 0)) {
      const routed = routeSome(avoid, part.edges, part.boxes, pins, part.window, pass > 0);
      for (const e of part.edges) {
        const path = routed.get(e.id);
        if (path && routedWell(path, e, input.boxes, byId)) paths.set(e.id, path);
        else again.push(e);
      }
    }
    left = again;
  }
  return { key: routeKey(input), edges: placeLabels(input, paths) };
}

/** How far around its ends an edge may look for its way, in px. */
const WINDOW = 240;
/** The most edges routed together: beyond, a router's search grows faster than its edges. */
const PART_EDGES = 16;

/**
 * Edges grouped by shared boxes (union–find; `connected` false: all in one group), a group of
 * more than PART_EDGES cut in runs of neighbouring edges; each part with the boxes of its window.
 * Without a window (margin Infinity), one part: every edge left among every box.
 */
function parts(
  edges: readonly RouteEdge[],
  boxes: readonly NodeBox[],
  byId: ReadonlyMap<string, NodeBox>,
  margin: number,
  connected: boolean,
): { edges: RouteEdge[]; boxes: NodeBox[]; window?: Rect }[] {
  if (margin === Infinity) return [{ edges: [...edges], boxes: [...boxes] }];
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (const e of edges) {
    const a = find(connected ? e.from : '');
    const b = find(connected ? e.to : '');
    if (a !== b) parent.set(a, b);
  }
  const groups = new Map<string, RouteEdge[]>();
  for (const e of edges) {
    const root = find(connected ? e.from : '');
    const list = groups.get(root);
    if (list) list.push(e);
    else groups.set(root, [e]);
  }
  const centre = (e: RouteEdge) => {
    const a = byId.get(e.from)!;
    const b = byId.get(e.to)!;
    return { x: (a.x + a.width / 2 + b.x + b.width / 2) / 2, y: (a.y + a.height / 2 + b.y + b.height / 2) / 2 };
  };
  const cut: RouteEdge[][] = [];
  for (const group of groups.values()) {
    if (group.length <= PART_EDGES) {
      cut.push(group);
      continue;
    }
    // Neighbours first: by rows of the map, then along them.
    const sorted = [...group].sort((p, q) => {
      const a = centre(p);
      const b = centre(q);
      return Math.floor(a.y / 400) - Math.floor(b.y / 400) || a.x - b.x;
    });
    for (let i = 0; i < sorted.length; i += PART_EDGES) cut.push(sorted.slice(i, i + PART_EDGES));
  }
  return cut.map((group) => {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const e of group) {
      for (const id of [e.from, e.to]) {
        const b = byId.get(id)!;
        x0 = Math.min(x0, b.x);
        y0 = Math.min(y0, b.y);
        x1 = Math.max(x1, b.x + b.width);
        y1 = Math.max(y1, b.y + b.height);
      }
    }
    const window = { x: x0 - margin, y: y0 - margin, width: x1 - x0 + 2 * margin, height: y1 - y0 + 2 * margin };
    return { edges: group, boxes: boxes.filter((b) => rectsOverlap(b, window)), window };
  });
}

/** One libavoid router: these boxes as obstacles, these edges from their pins to their pins. */
function routeSome(
  avoid: AvoidApi,
  edges: readonly RouteEdge[],
  boxes: readonly NodeBox[],
  pins: ReadonlyMap<string, EndPins>,
  window: Rect | undefined,
  anySide: boolean,
): Map<string, Point[]> {
  const router = new avoid.Router(avoid.OrthogonalRouting);
  router.setRoutingParameter(avoid.shapeBufferDistance, ROUTING.shapeBuffer);
  router.setRoutingParameter(avoid.idealNudgingDistance, ROUTING.nudging);
  // Few bends: a route with fewer segments reads better, and the search ends sooner.
  router.setRoutingParameter(avoid.segmentPenalty, 150);
  router.setRoutingOption(avoid.nudgeOrthogonalSegmentsConnectedToShapes, true);
  router.setRoutingOption(avoid.nudgeSharedPathsWithCommonEndPoint, true);
  const ends = new Map<string, EndPin[]>();
  for (const e of edges) {
    const p = pins.get(e.id)!;
    ends.set(e.from, [...(ends.get(e.from) ?? []), p.from]);
    ends.set(e.to, [...(ends.get(e.to) ?? []), p.to]);
  }
  const shapes = new Map<string, AvoidShapeRef>();
  for (const b of boxes) {
    const shape = new avoid.ShapeRef(router, new avoid.Rectangle(new avoid.Point(b.x + b.width / 2, b.y + b.height / 2), b.width, b.height));
    shapes.set(b.id, shape);
    // Pins on the border itself (inside offset 0), one on each side, each facing out of its side.
    for (const { cls, f, side } of ends.get(b.id) ?? []) {
      if (anySide || side === 'top') new avoid.ShapeConnectionPin(shape, cls, f, 0, true, 0, avoid.ConnDirUp);
      if (anySide || side === 'bottom') new avoid.ShapeConnectionPin(shape, cls, f, 1, true, 0, avoid.ConnDirDown);
      if (anySide || side === 'left') new avoid.ShapeConnectionPin(shape, cls, 0, f, true, 0, avoid.ConnDirLeft);
      if (anySide || side === 'right') new avoid.ShapeConnectionPin(shape, cls, 1, f, true, 0, avoid.ConnDirRight);
    }
  }
  if (window) {
    // Walls around the window: a route stays among the boxes it sees, or fails (and is routed
    // again in a wider window) rather than run through boxes it does not see.
    const t = 20;
    const { x, y, width: w, height: h } = window;
    const walls: Rect[] = [
      { x: x - t, y: y - t, width: w + 2 * t, height: t },
      { x: x - t, y: y + h, width: w + 2 * t, height: t },
      { x: x - t, y, width: t, height: h },
      { x: x + w, y, width: t, height: h },
    ];
    for (const r of walls) new avoid.ShapeRef(router, new avoid.Rectangle(new avoid.Point(r.x + r.width / 2, r.y + r.height / 2), r.width, r.height));
  }
  const conns: [string, AvoidConnRef][] = [];
  for (const e of edges) {
    const a = shapes.get(e.from);
    const b = shapes.get(e.to);
    const p = pins.get(e.id)!;
    if (a && b) conns.push([e.id, new avoid.ConnRef(router, new avoid.ConnEnd(a, p.from.cls), new avoid.ConnEnd(b, p.to.cls))]);
  }
  router.processTransaction();
  const paths = new Map<string, Point[]>();
  for (const [id, conn] of conns) {
    const route = conn.displayRoute();
    const points: Point[] = [];
    for (let i = 0; i < route.size(); i++) {
      const p = route.get_ps(i);
      points.push({ x: p.x, y: p.y });
    }
    paths.set(id, simplify(points));
  }
  // The router owns its shapes, pins and connectors: destroying it frees them all.
  avoid.destroy(router);
  return paths;
}

/** Whether a route starts and ends on its boxes' borders and goes through no box (its own ends included). */
function routedWell(points: readonly Point[], edge: RouteEdge, boxes: readonly NodeBox[], byId: ReadonlyMap<string, NodeBox>): boolean {
  if (points.length < 2) return false;
  const onBorder = (p: Point, id: string) => {
    const b = byId.get(id);
    if (!b) return false;
    const inside = p.x >= b.x - 0.5 && p.x <= b.x + b.width + 0.5 && p.y >= b.y - 0.5 && p.y <= b.y + b.height + 0.5;
    return inside && Math.min(Math.abs(p.x - b.x), Math.abs(p.x - b.x - b.width), Math.abs(p.y - b.y), Math.abs(p.y - b.y - b.height)) < 0.5;
  };
  return onBorder(points[0]!, edge.from) && onBorder(points[points.length - 1]!, edge.to) && !boxes.some((b) => polylineCrossesRect(points, b));
}

/** Drops repeated points and the middle of three aligned points. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const before = out[out.length - 2];
    if (before && last && Math.abs((last.x - before.x) * (p.y - before.y) - (last.y - before.y) * (p.x - before.x)) < 0.01) out.pop();
    out.push(p);
  }
  return out;
}

/** Where along its path a label is tried first: the middle, then further and further out. */
const LABEL_FRACTIONS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88];

/**
 * Each label on its own path where it overlaps no box and no label already placed; where the
 * path has no such place, the nearest free place beside it (searched outwards in rings).
 * Placed in a fixed order (the input's), so the same input gives the same drawing.
 */
export function placeLabels(input: RouteInput, paths: ReadonlyMap<string, Point[]>): Record<string, RoutedEdge> {
  const gap = ROUTING.labelGap;
  const boxes = input.boxes;
  const placed: Rect[] = [];
  const free = (r: Rect) => !boxes.some((b) => rectsOverlap(r, b, gap)) && !placed.some((p) => rectsOverlap(r, p, gap));
  const out: Record<string, RoutedEdge> = {};
  // Short paths have the fewest places: their labels go first.
  const length = (e: RouteEdge) => (e.label ? polylineLength(paths.get(e.id)!) : Infinity);
  const order = input.edges.filter((e) => paths.has(e.id)).sort((a, b) => length(a) - length(b) || 0);
  for (const e of order) {
    const points = paths.get(e.id)!;
    let label: Rect | null = null;
    if (e.label) {
      const { width, height } = e.label;
      const at = (c: Point): Rect => ({ x: c.x - width / 2, y: c.y - height / 2, width, height });
      for (const f of LABEL_FRACTIONS) {
        const r = at(pointAlong(points, f));
        if (free(r)) {
          label = r;
          break;
        }
      }
      if (!label) {
        const mid = pointAlong(points, 0.5);
        for (let ring = 1; ring <= 40 && !label; ring++) {
          const d = ring * 8;
          for (let k = 0; k < 16 && !label; k++) {
            const angle = (k / 16) * 2 * Math.PI;
            const r = at({ x: mid.x + Math.cos(angle) * d * 1.6, y: mid.y + Math.sin(angle) * d });
            if (free(r)) label = r;
          }
        }
      }
      if (label) placed.push(label);
    }
    out[e.id] = { points, label };
  }
  return out;
}
