import { useState } from 'react';
import { useViewStore } from './viewStore';

/**
 * The selection as the side panels show it: the view store's, except while a node of a map is
 * dragged, when it stays what it was as the drag began; the panels follow once the node is dropped.
 * React Flow selects the node it drags at the drag's first move. Opening that step's editor there
 * (its lists of lanes and actors: several hundred options on a large map) and marking it in the
 * chronology would lengthen that first frame of the drag. The map itself (the node's selected look)
 * does not wait.
 */
export function useSettledSelection(): string[] {
  const selection = useViewStore((s) => s.selection);
  const dragging = useViewStore((s) => s.dragging);
  const [settled, setSettled] = useState(selection);
  if (!dragging && settled !== selection) setSettled(selection);
  return dragging ? settled : selection;
}
