/**
 * What both maps do with the zoom: the first view, computed from the nodes before anything is
 * drawn, and the far view, where a node's text would be too small to read.
 */
import { getNodesBounds, getViewportForBounds, useStore, type Node, type ReactFlowState, type Rect, type Viewport } from '@xyflow/react';
import { createContext, useContext, useLayoutEffect, useState, type ReactNode, type RefObject } from 'react';
import { MAP_FLOW_PROPS } from './ariaLabels';

/** The smallest text height on screen that a room reads from its back row, in CSS pixels. */
export const READABLE_PX = 12;
/** The line height of a title as drawn near (13 px type) and at mid zoom (24 px type), in flow pixels (see styles.css). */
const NEAR_TITLE_LINE = 15.6;
const MID_TITLE_LINE = 27.6;

/**
 * Three ways to draw a node, by how tall its title would be on screen: near, every detail; mid,
 * its number and title in large type; far, below READABLE_PX even in large type, its number or
 * icon on its colour (and relations lose their labels). A node's accessible name is the same at
 * every zoom.
 */
export const NEAR_ZOOM = READABLE_PX / NEAR_TITLE_LINE;
export const FAR_ZOOM = READABLE_PX / MID_TITLE_LINE;
export type ZoomLevel = 'near' | 'mid' | 'far';
const levelOf = (s: ReactFlowState): ZoomLevel => (s.transform[2] < FAR_ZOOM ? 'far' : s.transform[2] < NEAR_ZOOM ? 'mid' : 'near');

const LevelContext = createContext<ZoomLevel>('near');

/**
 * Tells the nodes and edges inside how near the map is: one subscription to React Flow's view for
 * the whole map (one in each node ran a selector per node at every frame of a drag); only the
 * nodes that read it redraw when the level changes. Goes inside React Flow's provider, around
 * `<ReactFlow>`.
 */
export function FarZoom({ children }: { children: ReactNode }) {
  return <LevelContext value={useStore(levelOf)}>{children}</LevelContext>;
}

/** How near the map is (see FarZoom; 'near' outside it). */
export const useZoomLevel = () => useContext(LevelContext);
/** Whether the map is zoomed out past FAR_ZOOM. */
export const useFar = () => useContext(LevelContext) === 'far';

export interface FitOptions {
  padding: number;
  maxZoom: number;
}

/** How each map fits its content in view (the bench's baseline fits the same way). A thin margin on the conduct map: at fit, a 15-step map in a 1280 × 720 window keeps its titles at READABLE_PX. */
export const FIT_VIEW: Record<'conduite' | 'acteurs', FitOptions> = { conduite: { padding: 0.03, maxZoom: 1 }, acteurs: { padding: 0.1, maxZoom: 1 } };

/**
 * The view a map opens with: every node in view, computed from the nodes' known sizes and the
 * canvas's box once it is laid out (null until then; `{}` when the canvas has no size yet, to let
 * React Flow fit the view itself). React Flow's own fit waits for every node to be drawn and
 * measured, then moves the view, and every node is drawn again at the new scale.
 */
export function useStartViewport(canvas: RefObject<HTMLElement | null>, nodes: readonly Node[], fit: FitOptions, background?: Rect): { viewport?: Viewport } | null {
  const [start, setStart] = useState<{ viewport?: Viewport } | null>(null);
  useLayoutEffect(() => {
    const box = canvas.current?.getBoundingClientRect();
    if (!box || box.width === 0 || box.height === 0 || nodes.length === 0) return setStart({});
    const bounds = getNodesBounds([...nodes]);
    setStart({ viewport: getViewportForBounds(background ? unionRects(bounds, background) : bounds, box.width, box.height, MAP_FLOW_PROPS.minZoom, fit.maxZoom, fit.padding) });
    // Once, when the map opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return start;
}

/** The smallest box holding both: the nodes and what is drawn behind them (the lanes, their labels, the axis). */
export function unionRects(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}
