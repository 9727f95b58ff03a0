/** What React Flow's change lists mean for the view store and the document, shared by both maps. */
import type { EdgeChange, Node, NodeChange } from '@xyflow/react';

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

/** Nodes moved by the arrow keys (a position change that is not part of a drag), at their new place. */
export function keyboardMoves<N extends Node>(changes: readonly NodeChange<N>[], nodes: readonly N[]): N[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return changes.flatMap((c) => {
    if (c.type !== 'position' || c.dragging !== false || !c.position) return [];
    const n = byId.get(c.id);
    return n ? [{ ...n, position: c.position }] : [];
  });
}
