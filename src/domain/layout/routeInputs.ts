/**
 * What each map asks the router: its boxes and its edges. Built in one place for the canvas and
 * the exports, so that both ask the same question (same routeKey) and share one answer.
 */
import type { Link, Relation } from '../types';
import type { ConductLayout } from './conduct';
import type { NodeBox } from './geometry';
import type { GhostBox } from './ghosts';
import { labelSize, type RouteEdge, type RouteInput } from './routing';

/** The conduct map: the steps' boxes and the missing steps' (when shown), and the links between steps. */
export function conductRouteInput(layout: ConductLayout, links: readonly Link[], ghosts: readonly GhostBox[] = []): RouteInput {
  const boxes: NodeBox[] = layout.steps.map((b) => ({ id: b.id, x: b.x, y: b.y, width: b.width, height: b.height }));
  for (const g of ghosts) boxes.push({ id: `gap:${g.rule}`, x: g.x, y: g.y, width: g.width, height: g.height });
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
