import { useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useMemo, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { CONDUCT_LAYOUT, type ConductLayout } from '../../domain/layout/conduct';
import { axisTickLabel } from '../../i18n/dates';
import { useZoomLevel } from '../zoom';

const selectDomNode = (s: ReactFlowState) => s.domNode;

/**
 * Renders its children in React Flow's viewport, under the nodes (in flow coordinates), as
 * `<ViewportPortal>` does, but looks the viewport's portal element up once. `<ViewportPortal>`'s
 * selector queries the map's DOM at every change of React Flow's store, and that element comes
 * after every node: on a large map, a walk through thousands of elements at each frame of a drag
 * or a pan.
 */
export function InViewport({ children }: { children: ReactNode }) {
  const domNode = useStore(selectDomNode);
  const target = useMemo(() => domNode?.querySelector('.react-flow__viewport-portal') ?? null, [domNode]);
  return target ? createPortal(children, target) : null;
}

/**
 * The background layer of the conduct map, in flow coordinates: the time axis across the top,
 * the lanes as horizontal bands with their label on the left, and today's mark.
 */
export const LaneLayer = memo(function LaneLayer({ layout }: { layout: ConductLayout }) {
  const { width, height, ticks, lanes, today } = layout;
  const { laneHeaderWidth, axisHeight } = CONDUCT_LAYOUT;
  // Labels in large type unless near, as the steps' titles (see canvas/zoom.tsx).
  const large = useZoomLevel() !== 'near';
  return (
    <InViewport>
      <div className={`lane-layer${large ? ' is-mid' : ''}`} style={{ width, height }} aria-hidden="true">
        <div className="axis" style={{ left: 0, top: 0, width, height: axisHeight }}>
          {ticks.map((t) => (
            <div key={`${t.x}`} className={`axis-tick${t.major ? ' major' : ''}`} style={{ left: t.x, width: t.width, height: axisHeight }}>
              <span>{axisTickLabel(t.month, layout.scale)}</span>
            </div>
          ))}
          {ticks.length === 0 && <div className="axis-tick axis-undated" style={{ left: laneHeaderWidth, height: axisHeight }}><span>Sans dates : les étapes dans l'ordre de la chronologie</span></div>}
        </div>
        {ticks.map((t) => (
          <div key={`g${t.x}`} className={`grid-line${t.major ? ' major' : ''}`} style={{ left: t.x, top: axisHeight, height: height - axisHeight }} />
        ))}
        {lanes.map((lane) => (
          <div
            key={lane.id}
            className={`lane-band${lane.index % 2 ? ' odd' : ''}`}
            style={{ top: lane.y, height: lane.height, width }}
          >
            <div className="lane-label" style={{ width: laneHeaderWidth, height: lane.height }}>
              {lane.label}
            </div>
          </div>
        ))}
        {today !== null && (
          <div className="today-mark" style={{ left: today, top: 0, height }}>
            <span>Aujourd'hui</span>
          </div>
        )}
      </div>
    </InViewport>
  );
});
