/**
 * An edge of a map drawn on its routed path (domain/layout/routing.ts: around every box, its
 * label where it hides nothing). Until the route comes, or while a node is being dragged away
 * from where it was routed, the edge is drawn as before routing: straight between the boxes'
 * borders (actor map) or as a curve between the handles (conduct map).
 */
import { BaseEdge, getBezierPath, getStraightPath, useInternalNode, type Edge, type EdgeProps, type InternalNode } from '@xyflow/react';
import { memo } from 'react';
import { polylinePath, type Point } from '../../domain/layout/geometry';
import type { RoutedEdge as Route } from '../../domain/layout/routing';
import { useFar } from '../zoom';

export interface RoutedEdgeData extends Record<string, unknown> {
  /** The routed path, when routing has been done for the map as it stands. */
  route?: Route;
  /** An unanswered feedback: an open loop, stopping short of its target on an open circle. */
  open?: boolean;
}
export type RoutedFlowEdge = Edge<RoutedEdgeData>;

const dataCache = new WeakMap<Route, { plain: RoutedEdgeData; open: RoutedEdgeData }>();
const OPEN_ONLY: RoutedEdgeData = { open: true };
/**
 * The data of an edge, shared between rebuilds for the same route (see canvas/stableItems.ts:
 * an unchanged edge must be equal to its rebuilt self).
 */
export function routedData(route: Route | undefined, open = false): RoutedEdgeData | undefined {
  if (!route) return open ? OPEN_ONLY : undefined;
  let entry = dataCache.get(route);
  if (!entry) {
    entry = { plain: { route }, open: { route, open: true } };
    dataCache.set(route, entry);
  }
  return open ? entry.open : entry.plain;
}

interface Box { x: number; y: number; width: number; height: number }
const boxOf = (n: InternalNode): Box => ({
  x: n.internals.positionAbsolute.x,
  y: n.internals.positionAbsolute.y,
  width: n.measured.width ?? n.width ?? 0,
  height: n.measured.height ?? n.height ?? 0,
});

/** Whether p is on the border of b (within a pixel): the route was made for the node where it is now. */
function onBorder(p: Point, b: Box): boolean {
  const t = 1;
  const inside = p.x >= b.x - t && p.x <= b.x + b.width + t && p.y >= b.y - t && p.y <= b.y + b.height + t;
  const near = Math.min(Math.abs(p.x - b.x), Math.abs(p.x - b.x - b.width), Math.abs(p.y - b.y), Math.abs(p.y - b.y - b.height)) <= t;
  return inside && near;
}

/** Where the line from this box's centre towards another point leaves the box. */
function borderPoint(b: Box, towards: Point): Point {
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  const dx = towards.x - cx;
  const dy = towards.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const s = Math.max(Math.abs(dx) / (b.width / 2 + 4), Math.abs(dy) / (b.height / 2 + 4));
  return { x: cx + dx / s, y: cy + dy / s };
}
const centre = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** The polyline shortened by `by` pixels at its end (an open loop stops short of its target). */
function shortened(points: readonly Point[], by: number): Point[] {
  const out = points.map((p) => ({ ...p }));
  const last = out[out.length - 1]!;
  const before = out[out.length - 2]!;
  const len = Math.hypot(last.x - before.x, last.y - before.y);
  if (len <= by + 8) return out;
  out[out.length - 1] = { x: last.x - ((last.x - before.x) * by) / len, y: last.y - ((last.y - before.y) * by) / len };
  return out;
}

function makeRoutedEdge(fallback: 'straight' | 'curve') {
  return memo(function RoutedEdge(props: EdgeProps<RoutedFlowEdge>) {
    const { id, source, target, markerEnd, markerStart, style, label, labelStyle, interactionWidth, data } = props;
    const s = useInternalNode(source);
    const t = useInternalNode(target);
    // Zoomed far out, a label would be unreadable (and each one is measured when drawn).
    const far = useFar();
    if (!s || !t) return null;
    const open = data?.open === true;
    const route = data?.route;
    const sb = boxOf(s);
    const tb = boxOf(t);
    let path: string;
    let labelX: number;
    let labelY: number;
    let end: Point;
    if (route && route.points.length >= 2 && onBorder(route.points[0]!, sb) && onBorder(route.points[route.points.length - 1]!, tb)) {
      const points = open ? shortened(route.points, 16) : route.points;
      path = polylinePath(points);
      end = points[points.length - 1]!;
      const mid = route.points[Math.floor(route.points.length / 2)]!;
      labelX = route.label ? route.label.x + route.label.width / 2 : mid.x;
      labelY = route.label ? route.label.y + route.label.height / 2 : mid.y;
    } else if (fallback === 'straight') {
      const a = borderPoint(sb, centre(tb));
      const tip = borderPoint(tb, centre(sb));
      const length = Math.hypot(tip.x - a.x, tip.y - a.y);
      const back = open && length > 40 ? 16 / length : 0;
      end = { x: tip.x - (tip.x - a.x) * back, y: tip.y - (tip.y - a.y) * back };
      [path, labelX, labelY] = getStraightPath({ sourceX: a.x, sourceY: a.y, targetX: end.x, targetY: end.y });
    } else {
      end = { x: props.targetX, y: props.targetY };
      [path, labelX, labelY] = getBezierPath(props);
    }
    const edge = (
      <BaseEdge
        id={id}
        path={path}
        markerEnd={open ? undefined : markerEnd}
        markerStart={markerStart}
        style={style}
        label={far ? undefined : label}
        labelX={labelX}
        labelY={labelY}
        labelStyle={labelStyle}
        labelShowBg
        labelBgPadding={[4, 2]}
        interactionWidth={interactionWidth ?? 14}
      />
    );
    if (!open) return edge;
    return (
      <>
        {edge}
        <circle className="open-loop" cx={end.x} cy={end.y} r={6} fill="#ffffff" stroke={style?.stroke ?? '#a16207'} strokeWidth={2.5} />
      </>
    );
  });
}

/** A relation of the actor map: routed, else straight between the two actors' borders. */
export const FloatingEdge = makeRoutedEdge('straight');
/** A link of the conduct map: routed, else a curve from step to step. */
export const LinkEdge = makeRoutedEdge('curve');
