/**
 * Where the delays of the conduct map are drawn: a thin bar in the step's lane from what was
 * planned to when it happened (after the step when it happened early). Shared by the canvas and
 * the SVG renderer.
 */
import { slippage } from '../synthesis';
import type { Step } from '../types';
import { CONDUCT_LAYOUT, dateToX, type ConductLayout } from './conduct';

export interface SlipBar {
  id: string;
  left: number;
  width: number;
  /** The middle of the step's box, where the bar runs. */
  y: number;
  /** Done later than planned (the bar ends at the step's left); otherwise earlier (it starts at its right). */
  late: boolean;
}

export function slipBars(layout: ConductLayout, steps: readonly Step[]): SlipBar[] {
  const min = CONDUCT_LAYOUT.laneHeaderWidth;
  return steps.flatMap((step) => {
    const box = layout.byId.get(step.id);
    const slip = slippage(step);
    if (!box || !slip || !box.dated) return [];
    const planned = Math.min(Math.max(dateToX(layout, slip.planned), min), layout.width);
    const late = slip.months >= 0 && planned <= box.x;
    const [from, to] = late ? [planned, box.x] : [box.x + box.width, Math.max(planned, box.x + box.width)];
    return to - from < 1 ? [] : [{ id: step.id, left: from, width: to - from, y: box.y + box.height / 2, late }];
  });
}
