// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import { keepUnchanged, useStableItems } from '../../src/canvas/stableItems';
import { buildLinkEdges } from '../../src/canvas/conduct/adapter';
import type { Link } from '../../src/domain/types';

const links: Link[] = [
  { id: 'k1', from: 's1', to: 's2' },
  { id: 'k2', from: 's2', to: 's3', label: 'puis' },
];
const numbers = new Map([['s1', 1], ['s2', 2], ['s3', 3]]);

describe('edges kept across edits', () => {
  it('an edit that changes no edge gives React Flow the same edges (nothing to redraw)', () => {
    const before = buildLinkEdges(links, numbers, new Set());
    const after = keepUnchanged(before, buildLinkEdges(links, new Map(numbers), new Set()));
    expect(after).toBe(before);
  });

  it('only the edge that changed is a new object', () => {
    const before = buildLinkEdges(links, numbers, new Set());
    const after = keepUnchanged(before, buildLinkEdges(links, numbers, new Set(['k2'])));
    expect(after).not.toBe(before);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]!.selected).toBe(true);
  });

  it('the same routes give the same edges; a routing done changes the routed edges only', () => {
    const routes = { key: 'k', edges: { k2: { points: [{ x: 0, y: 0 }, { x: 10, y: 0 }], label: null } } };
    const straight = buildLinkEdges(links, numbers, new Set());
    const routed = keepUnchanged(straight, buildLinkEdges(links, numbers, new Set(), routes));
    expect(routed[0]).toBe(straight[0]);
    expect(routed[1]).not.toBe(straight[1]);
    expect(keepUnchanged(routed, buildLinkEdges(links, numbers, new Set(), { ...routes }))).toBe(routed);
  });

  it('a renumbered step changes the labels of its edges, and an edge removed is gone', () => {
    const before = buildLinkEdges(links, numbers, new Set());
    const after = keepUnchanged(before, buildLinkEdges(links.slice(1), new Map([['s2', 1], ['s3', 2]]), new Set()));
    expect(after.map((e) => e.ariaLabel)).toEqual(["Lien de l'étape 1 à l'étape 2 : puis"]);
  });
});

describe('the edges a map gives React Flow, render after render', () => {
  it('a render with the same edges (a frame of a drag) gives the same edges, and an edit after it is seen', () => {
    const first = buildLinkEdges(links, numbers, new Set());
    const { result, rerender } = renderHook(({ edges }) => useStableItems(edges), { initialProps: { edges: first } });
    const shown = result.current;
    rerender({ edges: first });
    expect(result.current).toBe(shown);

    // The second link selected: only its edge is new, and it shows selected.
    rerender({ edges: buildLinkEdges(links, numbers, new Set(['k2'])) });
    expect(result.current[0]).toBe(shown[0]);
    expect(result.current[1]!.selected).toBe(true);

    // Renumbered steps, then the same array again: the new labels stay.
    const renumbered = buildLinkEdges(links, new Map([['s1', 3], ['s2', 1], ['s3', 2]]), new Set());
    rerender({ edges: renumbered });
    rerender({ edges: renumbered });
    expect(result.current.map((e) => e.ariaLabel)).toEqual(renumbered.map((e) => e.ariaLabel));
    expect(result.current[0]!.ariaLabel).toContain('étape 3');
  });
});
