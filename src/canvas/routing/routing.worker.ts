/**
 * Routes a map's edges off the page's thread (see routes.ts): libavoid, compiled to WebAssembly,
 * loaded once from our own origin (the .wasm is a build asset, precached for offline use).
 */
import { AvoidLib } from 'libavoid-js';
// The package's exports do not list its .wasm: imported by path, Vite emits it as an asset of our build.
import wasmUrl from '../../../node_modules/libavoid-js/dist/libavoid.wasm?url';
import { routeMap, type AvoidApi, type RouteInput, type RoutedMap } from '../../domain/layout/routing';

export interface RouteRequest { id: number; input: RouteInput }
export type RouteReply = { id: number; routed: RoutedMap; ms: number } | { id: number; error: string };

let ready: Promise<AvoidApi> | null = null;
const load = () =>
  (ready ??= AvoidLib.load(new URL(wasmUrl, self.location.href).href).then(() => AvoidLib.getInstance() as unknown as AvoidApi));

self.onmessage = async (e: MessageEvent<RouteRequest>) => {
  const { id, input } = e.data;
  try {
    const avoid = await load();
    const start = performance.now();
    const routed = routeMap(avoid, input);
    self.postMessage({ id, routed, ms: performance.now() - start } satisfies RouteReply);
  } catch (error) {
    ready = null;
    self.postMessage({ id, error: String(error) } satisfies RouteReply);
  }
};
