/**
 * Keeps the objects React Flow already has when a rebuilt one is the same. Edges and notes are
 * rebuilt from the model at each edit (their labels carry the step numbers, which any edit may
 * change); React Flow redraws every item whose object is new, so an edit that changed none of
 * them redrew them all.
 */
import type { Node } from '@xyflow/react';
import { useRef } from 'react';

/** Same keys, and the same values by identity (nested objects must be shared constants). */
export function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Two React Flow nodes alike: shallow-equal, their position and data compared field by field. */
export function sameFlowNode(a: Node, b: Node): boolean {
  const { position: pa, data: da, ...ra } = a;
  const { position: pb, data: db, ...rb } = b;
  return pa.x === pb.x && pa.y === pb.y && shallowEqual(da, db) && shallowEqual(ra, rb);
}

/**
 * `next`, with each item equal to the previous item of the same id replaced by that previous
 * object; the previous array itself when nothing changed.
 */
export function keepUnchanged<T extends { id: string }>(previous: T[], next: T[], equal: (a: T, b: T) => boolean = shallowEqual): T[] {
  const before = new Map(previous.map((item) => [item.id, item]));
  let same = previous.length === next.length;
  const merged = next.map((item, i) => {
    const old = before.get(item.id);
    const kept = old && equal(old, item) ? old : item;
    if (kept !== previous[i]) same = false;
    return kept;
  });
  return same ? previous : merged;
}

/**
 * `next` with the items of the last render kept where they are the same. The items are compared
 * again only when `next` is a new array: the map renders at every frame of a drag, with the same
 * edges and notes, and comparing them all at each frame is wasted work.
 */
export function useStableItems<T extends { id: string }>(next: T[], equal?: (a: T, b: T) => boolean): T[] {
  const last = useRef<{ input: T[] | null; output: T[] }>({ input: null, output: [] });
  if (last.current.input !== next) last.current = { input: next, output: keepUnchanged(last.current.output, next, equal) };
  return last.current.output;
}
