import { startTransition, useEffect, useState } from 'react';
import { whenIdle } from './whenIdle';

/**
 * False for a component's first render, then true in a low-priority render once the browser is
 * idle after it. A map opens with its canvas first; the long side panels (the chronology of 200
 * steps, the legend, the mini-map) follow a moment later instead of delaying the map: they wait
 * for the map's first frames (its nodes drawn, then measured by React Flow) to be done.
 */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => whenIdle(() => startTransition(() => setReady(true)), 500, 50), []);
  return ready;
}
