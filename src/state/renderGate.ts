/**
 * Written before drawn. While an edit is being written to IndexedDB, the components' re-render of
 * the document is held: on a two-core laptop the page's redraw of a large map would otherwise
 * compete with the write for the CPU. When the write is on disk (a few milliseconds), or after
 * 50 ms at most, the store notifies its components once and React draws the edit. Only the
 * notifications wait: the store itself changes at once, `getState` returns the new state, and a
 * component that renders meanwhile for another reason (a selection, its own state) reads it.
 * The view store is not held: what the user does next (select, open a panel) is drawn at once.
 */
import { useStore, type StoreApi } from 'zustand';

type Listener<T> = (state: T, previous: T) => void;

let holds = 0;
const pending = new Set<() => void>();
const afterRelease: (() => void)[] = [];

/**
 * Runs `run` once the held redraw is released, or at once when nothing is held. For what speaks
 * of the edit (the screen-reader announcement): it is said when the screen shows it, and changes
 * nothing on the page before the write is on disk.
 */
export function withTheRedraw(run: () => void): void {
  if (holds === 0) run();
  else afterRelease.push(run);
}

/** Holds the components' notifications until `written` settles, or `atMostMs` at most. */
export function holdRendersUntil(written: Promise<unknown>, atMostMs = 50): void {
  holds++;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearTimeout(timer);
    holds--;
    if (holds > 0) return;
    const notifications = [...pending];
    pending.clear();
    for (const notify of notifications) notify();
    const later = [...afterRelease];
    afterRelease.length = 0;
    for (const run of later) run();
  };
  const timer = setTimeout(release, atMostMs);
  written.then(release, release);
}

/**
 * A store's API whose `subscribe` (what components use) is held by `holdRendersUntil`. Listeners
 * subscribed to the store itself before this call are never held.
 */
export function heldApi<T, E extends object>(store: StoreApi<T> & E): StoreApi<T> & E {
  const listeners = new Set<Listener<T>>();
  let heldFrom: { state: T } | null = null;
  const notify = (state: T, previous: T) => {
    for (const listener of [...listeners]) listener(state, previous);
  };
  const flush = () => {
    const from = heldFrom!;
    heldFrom = null;
    notify(store.getState(), from.state);
  };
  store.subscribe((state, previous) => {
    if (holds === 0) notify(state, previous);
    else if (!heldFrom) {
      heldFrom = { state: previous };
      pending.add(flush);
    }
  });
  return {
    ...store,
    subscribe: (listener: Listener<T>) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The hook for components (`useX(selector)`), carrying the store's API like zustand's `create`. */
export function boundHook<T, E extends object>(api: StoreApi<T> & E): (<U>(selector: (state: T) => U) => U) & StoreApi<T> & E {
  return Object.assign(<U>(selector: (state: T) => U): U => useStore(api, selector), api);
}
