/**
 * The routed edges of the maps, computed in a worker (routing.worker.ts) and kept by geometry
 * (`routeKey`): a map opens with straight edges and takes its routes when they come; a re-render,
 * a switch back to the map or an export of the same geometry reuses them.
 */
import { useEffect, useMemo, useState } from 'react';
import { routeKey, type RouteInput, type RoutedMap } from '../../domain/layout/routing';
import type { RouteReply, RouteRequest } from './routing.worker';

/** Routes kept: a few maps' worth (both maps, with and without the missing steps, an edit back). */
const KEEP = 12;
const cache = new Map<string, RoutedMap>();
const waiting = new Map<number, { key: string; resolve: (routed: RoutedMap | null) => void }>();
const inFlight = new Map<string, Promise<RoutedMap | null>>();
let worker: Worker | null = null;
let broken = false;
let nextId = 1;
/** How long the last routing took in the worker, in ms (read by the bench). */
export let lastRoutingMs = 0;

function remember(routed: RoutedMap) {
  cache.delete(routed.key);
  cache.set(routed.key, routed);
  while (cache.size > KEEP) cache.delete(cache.keys().next().value!);
}

function getWorker(): Worker | null {
  if (broken || typeof Worker === 'undefined') return null;
  if (worker) return worker;
  try {
    worker = new Worker(new URL('./routing.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    broken = true;
    return null;
  }
  worker.onmessage = (e: MessageEvent<RouteReply>) => {
    const reply = e.data;
    const job = waiting.get(reply.id);
    if (!job) return;
    waiting.delete(reply.id);
    inFlight.delete(job.key);
    if ('routed' in reply) {
      lastRoutingMs = reply.ms;
      remember(reply.routed);
      job.resolve(reply.routed);
    } else job.resolve(null);
  };
  // A worker that cannot start (or a WebAssembly the browser refuses): the edges stay straight.
  worker.onerror = () => {
    broken = true;
    for (const job of waiting.values()) job.resolve(null);
    waiting.clear();
    inFlight.clear();
  };
  return worker;
}

/** The routes of this geometry if they were computed already. */
export function cachedRoutes(input: RouteInput): RoutedMap | null {
  const routed = cache.get(routeKey(input));
  if (routed) remember(routed);
  return routed ?? null;
}

/** The routes of this geometry, from the cache or the worker; null when routing is not available. */
export function requestRoutes(input: RouteInput): Promise<RoutedMap | null> {
  const key = routeKey(input);
  const known = cache.get(key);
  if (known) return Promise.resolve(known);
  const pending = inFlight.get(key);
  if (pending) return pending;
  const w = getWorker();
  if (!w) return Promise.resolve(null);
  const id = nextId++;
  const promise = new Promise<RoutedMap | null>((resolve) => waiting.set(id, { key, resolve }));
  inFlight.set(key, promise);
  w.postMessage({ id, input } satisfies RouteRequest);
  return promise;
}

/**
 * The routes of `input` for a canvas: null at first (the map draws straight edges), then the
 * routes once the worker has them; null again while a new geometry is being routed.
 */
export function useRoutes(input: RouteInput | null): RoutedMap | null {
  // Once per input (the map renders at every frame of a drag, with the same input).
  const key = useMemo(() => (input ? routeKey(input) : null), [input]);
  const [routed, setRouted] = useState<RoutedMap | null>(() => (input ? cachedRoutes(input) : null));
  useEffect(() => {
    if (!input) return;
    let live = true;
    const ask = () =>
      void requestRoutes(input).then((r) => {
        if (live && r) setRouted(r);
      });
    // Known routes at once; otherwise asked once the map is drawn and the page idle: starting the
    // worker and compiling its WebAssembly while the map opens took processor time from the opening.
    if (cache.has(key!)) {
      ask();
      return () => {
        live = false;
      };
    }
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(ask, { timeout: 500 }) : setTimeout(ask, 0);
    return () => {
      live = false;
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle as number);
      else clearTimeout(idle as ReturnType<typeof setTimeout>);
    };
    // The key stands for the input: a new input object of the same geometry asks nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (!key) return null;
  if (routed?.key === key) return routed;
  return (input && cache.get(key)) ?? null;
}
