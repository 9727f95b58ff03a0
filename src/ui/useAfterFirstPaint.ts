import { startTransition, useEffect, useState } from 'react';

/**
 * False for a component's first render, then true in a low-priority render once the first one
 * is on screen. A map opens with its canvas first; the long side panels (the chronology of 200
 * steps, the legend, the mini-map) follow a moment later instead of delaying the map.
 */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    startTransition(() => setReady(true));
  }, []);
  return ready;
}
