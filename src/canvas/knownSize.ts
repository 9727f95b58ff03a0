/**
 * What React Flow would measure of a node whose size the layout already knows: its size and where
 * its handles are. Given up front (React Flow's `measured` and `handles`), a map's nodes and their
 * lines are drawn in place in the first frame. React Flow still measures every node after that
 * frame (its ResizeObserver always does), but finds the sizes it was given: it reports no size
 * change, so the map does not hand it a new array of every node to adopt and draw again as it
 * opens. A node drawn at another size after all is measured and redrawn as before.
 */
import { Position, type Node, type NodeHandle } from '@xyflow/react';

/** A handle's box in React Flow's stylesheet (`.react-flow__handle`: 6 × 6 px, border-box here). */
export const HANDLE_SIZE = 6;

type Side = { type: 'source' | 'target'; position: Position };

/** The top left corner of a handle on a side of a `width` × `height` node, as React Flow's CSS places it. */
function handleAt(side: Side, width: number, height: number): NodeHandle {
  const half = HANDLE_SIZE / 2;
  const x = side.position === Position.Left ? -half : side.position === Position.Right ? width - half : width / 2 - half;
  const y = side.position === Position.Top ? -half : side.position === Position.Bottom ? height - half : height / 2 - half;
  return { id: null, type: side.type, position: side.position, x, y, width: HANDLE_SIZE, height: HANDLE_SIZE };
}

const made = new Map<string, Pick<Node, 'measured' | 'handles'>>();

/**
 * `measured` and `handles` for a node of this size with handles on these sides. Shared between
 * nodes of the same size (React Flow copies them and does not change them).
 */
export function knownSize(width: number, height: number, sides: readonly Side[]): Required<Pick<Node, 'measured' | 'handles'>> {
  const key = `${width}×${height}:${sides.map((s) => `${s.type}-${s.position}`).join(',')}`;
  let size = made.get(key);
  if (!size) {
    size = { measured: { width, height }, handles: sides.map((side) => handleAt(side, width, height)) };
    // Bar steps have many widths: keep the cache from growing with every layout.
    if (made.size > 500) made.clear();
    made.set(key, size);
  }
  return size as Required<Pick<Node, 'measured' | 'handles'>>;
}

/** A step: target on the left, source on the right (see StepNode). */
export const STEP_SIDES: readonly Side[] = [
  { type: 'target', position: Position.Left },
  { type: 'source', position: Position.Right },
];

/** An actor: the same sides (see ActorNode). */
export const ACTOR_SIDES = STEP_SIDES;

/** A note: its line leaves from the middle of its bottom (see NoteNode). */
export const NOTE_SIDES: readonly Side[] = [{ type: 'source', position: Position.Bottom }];
