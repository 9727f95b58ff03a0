/**
 * The first map a page draws pays costs that the next ones do not: the browser styles, shapes and
 * lays out a node for the first time, and the map's code (React Flow's, the nodes') runs for the
 * first time, before the engine has compiled it well. A session is mostly opened once per page,
 * from the home page, so that first drawing is the one people wait for.
 *
 * Once the home page is drawn and the browser idle, `warmUpMaps` draws both maps of a two-step
 * sample (WARM_UP_SESSION) out of sight, keeps them for one frame, and takes them down; the session
 * opened next, and its actor map, are drawn by warm code (bench/README.md says how much that
 * saves). Its drawing is in the page for a few milliseconds, at idle, once per page.
 *
 * Nothing is left behind: the sample goes in the document store only while drawn (no session is
 * open on the home page), the view store is put back as it was, and the drawing is taken down at
 * once if the address changes meanwhile (a session being opened).
 */
import type { ComponentType } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { WARM_UP_SESSION } from '../../domain/format/warmUp';
import type { Session } from '../../domain/types';
import { useDocumentStore } from '../../state/documentStore';
import { useViewStore } from '../../state/viewStore';
import { ActorMapView } from '../actor-map/ActorMapView';
import { ConductMapView } from '../conduct-map/ConductMapView';

type MapView = ComponentType<{ session: Session }>;
const MAPS: readonly MapView[] = [ConductMapView, ActorMapView];

/**
 * Draws `maps` (the conduct map and the actor map) of WARM_UP_SESSION out of sight for one frame,
 * then takes them down. Returns what takes them down at once (a no-op once done). Does nothing
 * while a session is open. `done` is called once they are taken down, whichever way.
 */
export function warmUpMaps(done: () => void = () => undefined, maps: readonly MapView[] = MAPS): () => void {
  if (useDocumentStore.getState().session) {
    done();
    return () => undefined;
  }
  const view = useViewStore.getState();
  const host = document.createElement('div');
  host.className = 'warm-up';
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  document.body.append(host);
  const root = createRoot(host);

  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let over = false;
  const takeDown = () => {
    if (over) return;
    over = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    window.removeEventListener('hashchange', takeDown, true);
    root.unmount();
    host.remove();
    // Only what the warm-up put there is taken back: a session opened meanwhile stays.
    if (useDocumentStore.getState().session === WARM_UP_SESSION) {
      useDocumentStore.getState().load(null);
      useViewStore.setState(view, true);
    }
    done();
  };
  window.addEventListener('hashchange', takeDown, true);

  useDocumentStore.getState().load(WARM_UP_SESSION);
  try {
    flushSync(() => root.render(maps.map((View, i) => <View key={i} session={WARM_UP_SESSION} />)));
  } catch {
    // Nothing to show on the home page: a map that cannot draw says so when a session is opened.
    takeDown();
    return takeDown;
  }
  // Kept for one frame (styled, laid out, measured by React Flow), taken down just after it.
  frame = requestAnimationFrame(() => {
    timer = setTimeout(takeDown, 0);
  });
  return takeDown;
}
