/**
 * Where the missing steps (domain/gaps.ts) are drawn on the conduct map: after the layout, in the
 * free space of their lane, as near as can be to where they should have been in the chronology.
 * A ghost never covers a step or another ghost, and never changes where the steps are.
 */
import type { GapRule } from '../enums';
import type { Gap } from '../gaps';
import { CONDUCT_LAYOUT, type ConductLayout } from './conduct';

export interface GhostBox { rule: GapRule; laneId: string; x: number; y: number; width: number; height: number }

const SPACE = 12;

interface Rect { x: number; y: number; width: number; height: number }
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width + SPACE && b.x < a.x + a.width + SPACE && a.y < b.y + b.height + SPACE && b.y < a.y + a.height + SPACE;

/** The x where a ghost anchored before the step of index `anchor` would be centred. */
function anchorX(layout: ConductLayout, anchor: number): number {
  const L = CONDUCT_LAYOUT;
  const byNumber = [...layout.steps].sort((a, b) => a.number - b.number);
  const before = byNumber[anchor - 1];
  const after = byNumber[anchor];
  const centre = (b: Rect) => b.x + b.width / 2;
  if (before && after) return (centre(before) + centre(after)) / 2;
  if (before) return before.x + before.width + SPACE + L.nodeWidth / 2;
  if (after) return after.x - SPACE - L.nodeWidth / 2;
  return L.laneHeaderWidth + L.margin + L.nodeWidth / 2;
}

/** The ghosts' boxes, in the order of `gaps`; a gap of a lane not on the map goes in the first lane. */
export function placeGhosts(layout: ConductLayout, gaps: readonly Pick<Gap, 'rule' | 'laneId' | 'anchor'>[]): GhostBox[] {
  const L = CONDUCT_LAYOUT;
  const minX = L.laneHeaderWidth + 8;
  // The lanes end at the layout's width: a hole after the last step is drawn at its lane's end,
  // with room left for a link to pass it inside the lanes (the router's buffer and nudging).
  const maxX = layout.width - 32 - L.nodeWidth;
  const taken: Rect[] = layout.steps.map((b) => ({ x: b.x, y: b.y, width: b.width, height: b.height }));
  const ghosts: GhostBox[] = [];
  for (const gap of gaps) {
    const lane = layout.lanes.find((l) => l.id === gap.laneId) ?? layout.lanes[0];
    if (!lane) continue;
    const width = L.nodeWidth;
    const height = L.nodeHeight;
    const target = Math.max(minX, Math.min(maxX, anchorX(layout, gap.anchor) - width / 2));
    // The rows of the lane, and in each the positions next to every box already there.
    const rows: number[] = [];
    for (let y = lane.y + L.lanePadding; y + height <= lane.y + lane.height - L.lanePadding + 0.5; y += height + L.rowGap) rows.push(y);
    if (rows.length === 0) rows.push(lane.y + (lane.height - height) / 2);
    // Only the boxes of this lane's band can be in the way (a map of 200 steps has a few per lane);
    // the nearest free place is the target, or beside one of them, or at either end.
    const near = taken.filter((t) => t.y < lane.y + lane.height + SPACE && t.y + t.height > lane.y - SPACE);
    const candidates = [target, minX, maxX];
    for (const t of near) candidates.push(t.x + t.width + SPACE + 1, t.x - width - SPACE - 1);
    let best: { x: number; y: number; d: number } | null = null;
    for (const y of rows) {
      for (const x of candidates) {
        if (x < minX || x > maxX) continue;
        const box = { x, y, width, height };
        if (near.some((t) => overlaps(t, box))) continue;
        const d = Math.abs(x - target) + (y - rows[0]!) * 0.5;
        if (!best || d < best.d) best = { x, y, d };
      }
    }
    // Every row is full near and far: after the rightmost box of the lane's first row.
    const place = best ?? {
      x: Math.max(target, ...taken.filter((t) => t.y < lane.y + lane.height && t.y + t.height > lane.y).map((t) => t.x + t.width + SPACE + 1)),
      y: rows[0]!,
    };
    const box = { rule: gap.rule, laneId: lane.id, x: Math.round(place.x), y: Math.round(place.y), width, height };
    taken.push(box);
    ghosts.push(box);
  }
  return ghosts;
}
