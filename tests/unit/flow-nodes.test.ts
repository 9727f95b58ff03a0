import { describe, expect, it } from 'vitest';
import type { Node } from '@xyflow/react';
import { mergeNodes } from '../../src/canvas/useFlowNodes';
import { keyboardMoves } from '../../src/canvas/changes';

const node = (id: string, x: number, label = id): Node => ({ id, position: { x, y: 0 }, data: { label } });

describe('nodes shown on a map after an edit', () => {
  const a = node('a', 0);
  const b = node('b', 100);
  const base = [a, b];

  it('keeps what React Flow did to the nodes the edit did not touch (a drag under way, a measured size)', () => {
    const shown = [{ ...a, position: { x: 40, y: 10 }, measured: { width: 200, height: 80 } }, b];
    const b2 = node('b', 100, 'renamed');
    const next = mergeNodes([a, b2], base, shown);
    expect(next[0]).toBe(shown[0]);
    expect(next[1]!.data.label).toBe('renamed');
  });

  it('takes the model for a changed node, with the size measured last', () => {
    const shown = [a, { ...b, position: { x: 300, y: 0 }, measured: { width: 180, height: 60 } }];
    const b2 = node('b', 500);
    const [, moved] = mergeNodes([a, b2], base, shown);
    expect(moved!.position).toEqual({ x: 500, y: 0 });
    expect(moved!.measured).toEqual({ width: 180, height: 60 });
  });

  it('adds new nodes and drops deleted ones, in the order of the model', () => {
    const c = node('c', 200);
    expect(mergeNodes([c, b], base, base).map((n) => n.id)).toEqual(['c', 'b']);
  });

  it('puts a dropped node back where the model says when it is left out of the previous model', () => {
    const shown = [{ ...a, position: { x: 999, y: 999 } }, b];
    const [back] = mergeNodes(base, [b], shown);
    expect(back!.position).toEqual({ x: 0, y: 0 });
  });
});

describe('moves that React Flow reports', () => {
  const a = node('a', 0);
  const b = node('b', 100);

  it('commits a move by the arrow keys (a position change outside a drag), at the new place', () => {
    const moved = keyboardMoves([{ type: 'position', id: 'b', position: { x: 110, y: 0 }, dragging: false }], [a, b]);
    expect(moved).toEqual([{ ...b, position: { x: 110, y: 0 } }]);
  });

  it('commits nothing for the frames of a drag, a selection or a measured size', () => {
    expect(
      keyboardMoves(
        [
          { type: 'position', id: 'a', position: { x: 40, y: 10 }, dragging: true },
          { type: 'select', id: 'a', selected: true },
          { type: 'dimensions', id: 'b', dimensions: { width: 10, height: 10 } },
        ],
        [a, b],
      ),
    ).toEqual([]);
  });
});
