/**
 * Keeps the objects React Flow already has when a rebuilt one is the same. Edges are rebuilt from
 * the model at each edit (their labels carry the step numbers, which any edit may change); React
 * Flow redraws every edge whose object is new, so an edit that changed no edge redrew them all.
 */
import { useRef } from 'react';

/** Same keys, and the same values by identity (nested objects must be shared constants). */
export function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * `next`, with each item shallow-equal to the previous item of the same id replaced by that
 * previous object; the previous array itself when nothing changed.
 */
export function keepUnchanged<T extends { id: string }>(previous: T[], next: T[]): T[] {
  const before = new Map(previous.map((item) => [item.id, item]));
  let same = previous.length === next.length;
  const merged = next.map((item, i) => {
    const old = before.get(item.id);
    const kept = old && shallowEqual(old, item) ? old : item;
    if (kept !== previous[i]) same = false;
    return kept;
  });
  return same ? previous : merged;
}

export function useStableItems<T extends { id: string }>(next: T[]): T[] {
  const last = useRef<T[]>([]);
  last.current = keepUnchanged(last.current, next);
  return last.current;
}
