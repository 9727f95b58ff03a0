/**
 * Where the delays of the conduct map are drawn: a thin bar in the step's lane, just under it, from
 * what was planned to when it happened. Shared by the canvas and the SVG renderer.
 */
import { slippage } from '../synthesis';
import type { Step } from '../types';
import { CONDUCT_LAYOUT, dateToX, type ConductLayout } from './conduct';

export interface SlipBar {
  id: string;
  left: number;
  width: number;
  /** Just under the step's box, where the bar runs. */
  y: number;
  /** Done later than planned: the planned end is on the left. */
  late: boolean;
}

/** The bars of the slipped steps: from the planned date to the actual one (the middle of their periods), under the step's box. */
export function slipBars(layout: ConductLayout, steps: readonly Step[]): SlipBar[] {
  const min = CONDUCT_LAYOUT.laneHeaderWidth;
  const clamp = (x: number) => Math.min(Math.max(x, min), layout.width);
  return steps.flatMap((step) => {
    const box = layout.byId.get(step.id);
    const slip = slippage(step);
    if (!box || !slip || !box.dated) return [];
    const planned = clamp(dateToX(layout, slip.planned));
    const actual = clamp(dateToX(layout, slip.date));
    const width = Math.abs(actual - planned);
    return width < 1 ? [] : [{ id: step.id, left: Math.min(planned, actual), width, y: box.y + box.height + 6, late: planned < actual }];
  });
}
