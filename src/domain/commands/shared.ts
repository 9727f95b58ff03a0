/** Helpers for commands: immutable updates that keep every unchanged object as it was. */

/** Equality of plain data (strings, numbers, arrays, plain objects): what a patch compares. */
export function samePlain(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => samePlain(x, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const kx = keys(x);
  return kx.length === keys(y).length && kx.every((k) => samePlain(x[k], y[k]));
}

/**
 * Sets the keys of `changes` on `item`: a key set to undefined is removed, unless it is `required`
 * (then it is ignored, so the item stays valid); a value equal to the current one (`samePlain`)
 * keeps the current one. Returns the same object when nothing changes.
 */
export function patch<T extends object>(item: T, changes: Partial<T>, required: readonly (keyof T & string)[] = []): T {
  let next: Record<string, unknown> | null = null;
  const current = item as Record<string, unknown>;
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) {
      if ((required as readonly string[]).includes(k) || !(k in current)) continue;
      next ??= { ...current };
      delete next[k];
    } else if (!samePlain(current[k], v)) {
      next ??= { ...current };
      next[k] = v;
    }
  }
  return next ? (next as T) : item;
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
