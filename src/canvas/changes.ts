/** What React Flow's change lists mean for the view store and the document, shared by both maps. */
import type { EdgeChange, Node, NodeChange, NodePositionChange, XYPosition } from '@xyflow/react';

/** The selection after React Flow's `select` changes, or null when they do not touch it. */
export function selectionAfter(changes: readonly (NodeChange | EdgeChange)[], current: readonly string[], ignore?: (id: string) => boolean): string[] | null {
  let next: Set<string> | null = null;
  for (const c of changes) {
    if (c.type !== 'select' || ignore?.(c.id)) continue;
    next ??= new Set(current);
    if (c.selected) next.add(c.id);
    else next.delete(c.id);
  }
  return next ? [...next] : null;
}

/**
 * Nodes moved by the arrow keys (a position change that is not part of a drag), at their new place.
 * Called with every change list, every frame of a drag among them: the nodes are indexed only when
 * there is such a move (indexing a 1000-step map at every frame made garbage for nothing).
 */
export function keyboardMoves<N extends Node>(changes: readonly NodeChange<N>[], nodes: readonly N[]): N[] {
  const moves = changes.filter((c): c is NodePositionChange & { position: XYPosition } => c.type === 'position' && c.dragging === false && !!c.position);
  if (moves.length === 0) return [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return moves.flatMap((c) => {
    const n = byId.get(c.id);
    return n ? [{ ...n, position: c.position }] : [];
  });
}
