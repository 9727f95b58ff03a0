/** What both maps do while a node is dragged: the view store told (see state/useSettledSelection), the pointer held. */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useViewStore } from '../state/viewStore';

/** Called first in `onNodeDragStop`, so that the panels show the drop and its command at once. */
export const dragEnds = () => useViewStore.getState().setDragging(false);

/** What React Flow can drag: a node, or the box around the selected nodes. */
const DRAGGABLE = '.react-flow__node, .react-flow__nodesselection-rect';

/**
 * React Flow's `onNodeDragStart` for the map in `canvas`: the side panels keep what they show
 * until the drop, and the node taken holds the pointer until the button is released.
 *
 * Held, the pointer's moves all go to that node: the browser no longer looks for the element under
 * the pointer through every node of a large map at each move, which cost more than the drag's own
 * script. The pointer is held once the drag has begun, not when the button is pressed: a click on a node
 * reaches what was clicked in it. (React Flow holds it the same way for a selection box.)
 *
 * The map taken down during a drag leaves no drag under way behind it.
 */
export function useNodeDrags(canvas: RefObject<HTMLElement | null>): () => void {
  const pressed = useRef<{ pointerId: number; target: Element | null } | null>(null);
  useEffect(() => {
    const element = canvas.current;
    const onPointerDown = (e: PointerEvent) => {
      pressed.current = { pointerId: e.pointerId, target: e.target instanceof Element ? e.target.closest(DRAGGABLE) : null };
    };
    element?.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      element?.removeEventListener('pointerdown', onPointerDown, true);
      dragEnds();
    };
  }, [canvas]);
  return useCallback(() => {
    useViewStore.getState().setDragging(true);
    const { pointerId, target } = pressed.current ?? {};
    if (pointerId === undefined || !target?.isConnected) return;
    try {
      target.setPointerCapture(pointerId);
    } catch {
      // The button was released meanwhile: there is no pointer to hold.
    }
  }, []);
}
