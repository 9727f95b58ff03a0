/** Helpers for commands: immutable updates that keep every unchanged object as it was. */

/** Sets the keys of `patch` on `item`; a key set to undefined is removed. Same object if nothing changes. */
export function patchObject<T extends object>(item: T, patch: Partial<T>): T {
  let changed = false;
  const next = { ...item } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) {
      if (k in next) {
        delete next[k];
        changed = true;
      }
    } else if (next[k] !== v) {
      next[k] = v;
      changed = true;
    }
  }
  return changed ? (next as T) : item;
}

/** Replaces the item with this id by `update(item)`; same array if nothing changes. */
export function updateById<T extends { id: string }>(items: readonly T[], id: string, update: (item: T) => T): T[] | null {
  const i = items.findIndex((x) => x.id === id);
  if (i < 0) return null;
  const next = update(items[i]!);
  if (next === items[i]) return null;
  const copy = items.slice();
  copy[i] = next;
  return copy;
}

/** Moves the item at `from` to `to` (clamped); null if it does not move. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] | null {
  const target = Math.max(0, Math.min(items.length - 1, to));
  if (from < 0 || from >= items.length || target === from) return null;
  const copy = items.slice();
  const [item] = copy.splice(from, 1);
  copy.splice(target, 0, item!);
  return copy;
}
