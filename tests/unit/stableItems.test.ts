import { describe, expect, it } from 'vitest';
import { keepUnchanged } from '../../src/canvas/stableItems';
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

  it('a renumbered step changes the labels of its edges, and an edge removed is gone', () => {
    const before = buildLinkEdges(links, numbers, new Set());
    const after = keepUnchanged(before, buildLinkEdges(links.slice(1), new Map([['s2', 1], ['s3', 2]]), new Set()));
    expect(after.map((e) => e.ariaLabel)).toEqual(["Lien de l'étape 1 à l'étape 2 : puis"]);
  });
});
