/**
 * Routing in the worker, measured in the page: the app's own routing worker (from the build's
 * assets, as the app starts it), given the 200-step map's question (its boxes, the missing steps
 * shown as the map shows them by default, and its links), timed from the message posted to the
 * routes received. The first message also loads and compiles the WebAssembly (reported apart);
 * the worker keeps no routes, so each later message is a whole routing.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openGaps } from '../src/domain/gaps';
import { layoutConductMap } from '../src/domain/layout/conduct';
import { placeGhosts } from '../src/domain/layout/ghosts';
import { conductRouteInput } from '../src/domain/layout/routeInputs';
import type { RouteInput } from '../src/domain/layout/routing';
import type { Session } from '../src/domain/types';

/** The routing worker's file in a build's assets (its name carries a hash). */
export function routingWorkerAsset(dist: string): string {
  const file = readdirSync(join(dist, 'assets')).find((f) => /^routing\.worker-.*\.js$/.test(f));
  if (!file) throw new Error(`Pas de worker de routage dans ${dist}/assets`);
  return `assets/${file}`;
}

export const conductQuestion = (session: Session): RouteInput => {
  const layout = layoutConductMap(session);
  return conductRouteInput(layout, session.links, placeGhosts(layout, openGaps(session)));
};

/** The first routing (WebAssembly loaded and compiled, then the routes) and `runs` routings after it, in ms. */
export async function measureRoutingInWorker(page: Page, asset: string, input: RouteInput, runs: number): Promise<{ first: number; times: number[]; routed: number }> {
  return page.evaluate(
    async ({ asset, input, runs }) => {
      const worker = new Worker(asset, { type: 'module' });
      const ask = (id: number) =>
        new Promise<{ ms: number; routed: number }>((resolve, reject) => {
          const start = performance.now();
          worker.onmessage = (e: MessageEvent<{ id: number; routed?: { edges: Record<string, unknown> }; error?: string }>) => {
            if (e.data.id !== id) return;
            if (!e.data.routed) reject(new Error(e.data.error ?? 'routage impossible'));
            else resolve({ ms: performance.now() - start, routed: Object.keys(e.data.routed.edges).length });
          };
          worker.onerror = (e) => reject(new Error(e.message));
          worker.postMessage({ id, input });
        });
      try {
        const first = await ask(0);
        const times: number[] = [];
        let routed = first.routed;
        for (let i = 1; i <= runs; i++) {
          const r = await ask(i);
          times.push(r.ms);
          routed = r.routed;
        }
        return { first: first.ms, times, routed };
      } finally {
        worker.terminate();
      }
    },
    { asset, input, runs },
  );
}
