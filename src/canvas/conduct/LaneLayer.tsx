import { ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import { CONDUCT_LAYOUT, type ConductLayout } from '../../domain/layout/conduct';

/**
 * The background layer of the conduct map, in flow coordinates: the time axis across the top,
 * the lanes as horizontal bands with their label on the left, and today's mark.
 */
export const LaneLayer = memo(function LaneLayer({ layout }: { layout: ConductLayout }) {
  const { width, height, ticks, lanes, today } = layout;
  const { laneHeaderWidth, axisHeight } = CONDUCT_LAYOUT;
  return (
    <ViewportPortal>
      <div className="lane-layer" style={{ width, height }} aria-hidden="true">
        <div className="axis" style={{ left: 0, top: 0, width, height: axisHeight }}>
          {ticks.map((t) => (
            <div key={`${t.x}`} className={`axis-tick${t.major ? ' major' : ''}`} style={{ left: t.x, width: t.width, height: axisHeight }}>
              <span>{t.label}</span>
            </div>
          ))}
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
    </ViewportPortal>
  );
});
