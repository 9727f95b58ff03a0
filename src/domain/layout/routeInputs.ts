/**
 * What each map asks the router: its boxes and its edges. Built in one place for the canvas and
 * the exports, so that both ask the same question (same routeKey) and share one answer.
 */
import type { Link, Relation } from '../types';
import { CONDUCT_LAYOUT, type ConductLayout } from './conduct';
import type { NodeBox } from './geometry';
import type { GhostBox } from './ghosts';
import { labelSize, ROUTING, type RouteEdge, type RouteInput } from './routing';

/**
 * The conduct map: the steps' boxes and the missing steps' (when shown), and the links between
 * steps. Its frame too: the lanes' names, the time axis, and walls on its right and bottom sides,
 * so that no link runs over a lane's name or a year, or out of the map (into the chronology
 * beside it in the images).
 */
export function conductRouteInput(layout: ConductLayout, links: readonly Link[], ghosts: readonly GhostBox[] = []): RouteInput {
  const { laneHeaderWidth, axisHeight } = CONDUCT_LAYOUT;
  const inner: NodeBox[] = layout.steps.map((b) => ({ id: b.id, x: b.x, y: b.y, width: b.width, height: b.height }));
  for (const g of ghosts) inner.push({ id: `gap:${g.rule}`, x: g.x, y: g.y, width: g.width, height: g.height });
  // The frame keeps clear of every box (an early step may reach over the lanes' names): room
  // for a route between them, and for the boxes' pins.
  const clear = 2 * ROUTING.shapeBuffer + ROUTING.nudging;
  const left = Math.min(laneHeaderWidth, ...inner.map((b) => b.x - clear));
  const top = Math.min(axisHeight, ...inner.map((b) => b.y - clear));
  const right = Math.max(layout.width, ...inner.map((b) => b.x + b.width + clear));
  const bottom = Math.max(layout.height, ...inner.map((b) => b.y + b.height + clear));
  // Thick enough that a label searching for a free place around its path never lands past them.
  const wall = 600;
  const boxes: NodeBox[] = [
    { id: 'frame:lanes', x: -wall, y: -wall, width: left + wall, height: bottom + 2 * wall },
    { id: 'frame:axis', x: -wall, y: -wall, width: right + 2 * wall, height: top + wall },
    { id: 'frame:right', x: right, y: -wall, width: wall, height: bottom + 2 * wall },
    { id: 'frame:bottom', x: -wall, y: bottom, width: right + 2 * wall, height: wall },
    ...inner,
  ];
  const edges: RouteEdge[] = links
    .filter((l) => layout.byId.has(l.from) && layout.byId.has(l.to))
    .map((l) => ({ id: l.id, from: l.from, to: l.to, ...(l.label ? { label: labelSize(l.label) } : {}) }));
  return { boxes, edges };
}

/**
 * The actor map: the actors' boxes where they stand, and the relations, each labelled with the
 * words the map shows (`labelOf`, French, from the caller).
 */
export function actorRouteInput(
  actors: readonly { id: string; x: number; y: number }[],
  size: { width: number; height: number },
  relations: readonly Relation[],
  labelOf: (relation: Relation) => string,
): RouteInput {
  const boxes: NodeBox[] = actors.map((a) => ({ id: a.id, x: a.x, y: a.y, width: size.width, height: size.height }));
  const ids = new Set(actors.map((a) => a.id));
  const edges: RouteEdge[] = relations
    .filter((r) => ids.has(r.from) && ids.has(r.to))
    .map((r) => ({ id: r.id, from: r.from, to: r.to, label: labelSize(labelOf(r)) }));
  return { boxes, edges };
}
