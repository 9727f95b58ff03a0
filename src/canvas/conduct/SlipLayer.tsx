import { memo } from 'react';
import type { ConductLayout } from '../../domain/layout/conduct';
import { slipBars } from '../../domain/layout/slips';
import type { Step } from '../../domain/types';
import { InViewport } from './LaneLayer';

/**
 * The delays of the conduct map: a thin bar in the lane, just under the step, from what was planned
 * (an open circle) to when it happened. The steps' names say it in words
 * (`prévue : …`), so the layer is hidden from assistive technologies.
 */
export const SlipLayer = memo(function SlipLayer({ layout, steps }: { layout: ConductLayout; steps: readonly Step[] }) {
  const bars = slipBars(layout, steps);
  if (bars.length === 0) return null;
  return (
    <InViewport>
      <div className="slip-layer" aria-hidden="true">
        {bars.map((b) => (
          <div key={b.id} className={`slip-bar${b.late ? ' is-late' : ' is-early'}`} style={{ left: b.left, top: b.y - 2, width: b.width }} />
        ))}
      </div>
    </InViewport>
  );
});
