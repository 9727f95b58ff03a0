const keys = new WeakMap<object, number>();
let next = 0;

/** A key that changes when the object is replaced: remounts an editor when its model changed (undo…). */
export function objectKey(o: object): string {
  let k = keys.get(o);
  if (k === undefined) {
    k = ++next;
    keys.set(o, k);
  }
  return String(k);
}
