/** What both maps tell the view store of a drag of their nodes (see state/useSettledSelection). */
import { useEffect } from 'react';
import { useViewStore } from '../state/viewStore';

/** React Flow's `onNodeDragStart`: the side panels keep what they show until the drop. */
export const dragBegins = () => useViewStore.getState().setDragging(true);

/** Called first in `onNodeDragStop`, so that the panels show the drop and its command at once. */
export const dragEnds = () => useViewStore.getState().setDragging(false);

/** A map taken down during a drag leaves no drag under way behind it. */
export function useDragEndsWithTheMap(): void {
  useEffect(() => dragEnds, []);
}
