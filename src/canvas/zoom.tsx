/**
 * What both maps do with the zoom: the first view, computed from the nodes before anything is
 * drawn, and the far view, where a node's text would be too small to read.
 */
import { getNodesBounds, getViewportForBounds, useStore, type Node, type ReactFlowState, type Viewport } from '@xyflow/react';
import { createContext, useContext, useLayoutEffect, useState, type ReactNode, type RefObject } from 'react';
import { MAP_FLOW_PROPS } from './ariaLabels';

/**
 * Below this zoom a node's text is under 5 px high: steps and actors are drawn as their number or
 * icon on their colour, and relations lose their labels. Large maps open at this scale, where
 * drawing every title nobody can read was most of the cost (with the first view below, a
 * 1000-step conduct map opened in about 400 ms instead of 560). A node's accessible name is the
 * same at every zoom.
 */
export const FAR_ZOOM = 0.35;
const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

const FarContext = createContext(false);

/**
 * Tells the nodes and edges inside whether the map is zoomed out past FAR_ZOOM: one subscription
 * to React Flow's view for the whole map. A subscription in each node ran one selector per node
 * at every change of React Flow's store, every frame of a drag (1000 at 1000 steps); only the
 * nodes that read it redraw when the map crosses FAR_ZOOM. Goes inside React Flow's provider,
 * around `<ReactFlow>`.
 */
export function FarZoom({ children }: { children: ReactNode }) {
  return <FarContext value={useStore(isFar)}>{children}</FarContext>;
}

/** Whether the map is zoomed out past FAR_ZOOM (see FarZoom; false outside it). */
export const useFar = () => useContext(FarContext);

export interface FitOptions {
  padding: number;
  maxZoom: number;
}

/**
 * The view a map opens with: every node in view, computed from the nodes' known sizes and the
 * canvas's box once it is laid out (null until then; `{}` when the canvas has no size yet, to let
 * React Flow fit the view itself). React Flow's own fit waits for every node to be drawn and
 * measured, then moves the view, and every node is drawn again at the new scale.
 */
export function useStartViewport(canvas: RefObject<HTMLElement | null>, nodes: readonly Node[], fit: FitOptions): { viewport?: Viewport } | null {
  const [start, setStart] = useState<{ viewport?: Viewport } | null>(null);
  useLayoutEffect(() => {
    const box = canvas.current?.getBoundingClientRect();
    if (!box || box.width === 0 || box.height === 0 || nodes.length === 0) return setStart({});
    setStart({ viewport: getViewportForBounds(getNodesBounds([...nodes]), box.width, box.height, MAP_FLOW_PROPS.minZoom, fit.maxZoom, fit.padding) });
    // Once, when the map opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return start;
}
