/**
 * The mini-map: each node of the map as a rectangle in its colour, and the part of the map in
 * view; dragging in it pans the map, the wheel zooms (React Flow's own XYMinimap does both).
 *
 * Not React Flow's `<MiniMap>`: that one subscribes each of its rectangles to React Flow's store,
 * and measures the bounds of every node at each change of the store, that is at every frame of a
 * pan, a slide or a drag: on a large map, much of what the page allocated and computed. Here the
 * rectangles are drawn from the model's nodes, again only when those change (an edit, a
 * selection); each frame of a pan moves the view's frame alone. A node being dragged takes its new place here when it is
 * dropped.
 */
import { getNodesBounds, Panel, useStore, useStoreApi, type Node, type ReactFlowState } from '@xyflow/react';
import { XYMinimap, type XYMinimapInstance } from '@xyflow/system';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useViewStore } from '../state/viewStore';

const WIDTH = 200;
const HEIGHT = 150;
/** Margin around the drawing, in the mini-map's pixels (as React Flow's). */
const MARGIN = 5;

interface Props {
  /** The model's nodes (not the positions of a drag under way). */
  nodes: readonly Node[];
  color: (node: Node) => string;
  ariaLabel: string;
}

const selectTransform = (s: ReactFlowState) => s.transform;
const selectWidth = (s: ReactFlowState) => s.width;
const selectHeight = (s: ReactFlowState) => s.height;
const selectPanZoom = (s: ReactFlowState) => s.panZoom;
const selectExtent = (s: ReactFlowState) => s.translateExtent;

/** The mini-map, when the user shows it (`Mini-carte`; off by default in windows under 1440 px). */
export function OverviewMap(props: Props) {
  return useViewStore((s) => s.miniMap) ? <DrawnOverviewMap {...props} /> : null;
}

function DrawnOverviewMap({ nodes, color, ariaLabel }: Props) {
  const store = useStoreApi();
  const svg = useRef<SVGSVGElement>(null);
  const [tx, ty, zoom] = useStore(selectTransform);
  const flowWidth = useStore(selectWidth);
  const flowHeight = useStore(selectHeight);
  const panZoom = useStore(selectPanZoom);
  const translateExtent = useStore(selectExtent);
  const nodesBox = useMemo(() => (nodes.length ? getNodesBounds([...nodes]) : null), [nodes]);

  // The part of the map in view, in the map's coordinates; the drawing covers it and every node.
  const view = { x: -tx / zoom, y: -ty / zoom, width: flowWidth / zoom, height: flowHeight / zoom };
  const left = Math.min(view.x, nodesBox?.x ?? view.x);
  const top = Math.min(view.y, nodesBox?.y ?? view.y);
  const right = Math.max(view.x + view.width, nodesBox ? nodesBox.x + nodesBox.width : -Infinity);
  const bottom = Math.max(view.y + view.height, nodesBox ? nodesBox.y + nodesBox.height : -Infinity);
  const scale = Math.max((right - left) / WIDTH, (bottom - top) / HEIGHT) || 1;
  const margin = MARGIN * scale;
  const boxWidth = WIDTH * scale + margin * 2;
  const boxHeight = HEIGHT * scale + margin * 2;
  const boxX = left - (WIDTH * scale - (right - left)) / 2 - margin;
  const boxY = top - (HEIGHT * scale - (bottom - top)) / 2 - margin;

  const scaleRef = useRef(scale);
  scaleRef.current = scale;
  const minimap = useRef<XYMinimapInstance | null>(null);
  useEffect(() => {
    if (!svg.current || !panZoom) return;
    const instance = XYMinimap({ domNode: svg.current, panZoom, getTransform: () => store.getState().transform, getViewScale: () => scaleRef.current });
    minimap.current = instance;
    return () => {
      instance.destroy();
      minimap.current = null;
    };
  }, [panZoom, store]);
  useEffect(() => {
    minimap.current?.update({ translateExtent, width: flowWidth, height: flowHeight, pannable: true, zoomable: true });
  }, [panZoom, translateExtent, flowWidth, flowHeight]);

  return (
    <Panel position="bottom-right" className="react-flow__minimap">
      <svg ref={svg} width={WIDTH} height={HEIGHT} viewBox={`${boxX} ${boxY} ${boxWidth} ${boxHeight}`} className="react-flow__minimap-svg" role="img" aria-label={ariaLabel}>
        <OverviewNodes nodes={nodes} color={color} />
        <path
          className="react-flow__minimap-mask"
          d={`M${boxX - margin},${boxY - margin}h${boxWidth + margin * 2}v${boxHeight + margin * 2}h${-boxWidth - margin * 2}z M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}

/** The nodes' rectangles: drawn again only when the model's nodes change. */
const OverviewNodes = memo(function OverviewNodes({ nodes, color }: Pick<Props, 'nodes' | 'color'>) {
  return (
    <>
      {nodes.map((n) => (
        <rect
          key={n.id}
          className={n.selected ? 'react-flow__minimap-node selected' : 'react-flow__minimap-node'}
          x={n.position.x}
          y={n.position.y}
          width={n.measured?.width ?? n.width ?? 0}
          height={n.measured?.height ?? n.height ?? 0}
          rx={5}
          style={{ fill: color(n) }}
          shapeRendering="crispEdges"
        />
      ))}
    </>
  );
});
