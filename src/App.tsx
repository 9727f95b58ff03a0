import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { HomePage } from './features/sessions/HomePage';
import { parseRoute } from './state/routes';
import { UpdatePrompt } from './ui/UpdatePrompt';
import { whenIdle } from './ui/whenIdle';
import { warmUpValidation } from './domain/format/warmUp';
import type * as SessionPageModule from './features/sessions/SessionPage';

/**
 * The session page (canvas, maps, exports) is not in the home page's JavaScript: it is fetched
 * once the home page is drawn and the browser is idle, so that opening a session then draws it
 * at once; a session opened before that (a reload on its address) waits for it. At the same
 * moment a small sample session is checked, so that the first session opened is checked by
 * compiled code (see warmUpValidation); at the next idle moment, the sample's maps are drawn out of
 * sight for one frame, so that the first maps opened are drawn by warm code (see warmUpMaps).
 */
type SessionPageType = ComponentType<{ id: string }>;
let sessionPage: SessionPageType | null = null;
let warmUpMaps: typeof SessionPageModule.warmUpMaps | null = null;
let loadingSessionPage: Promise<SessionPageType> | null = null;

function loadSessionPage(): Promise<SessionPageType> {
  loadingSessionPage ??= import('./features/sessions/SessionPage').then(
    (m) => {
      warmUpMaps = m.warmUpMaps;
      return (sessionPage = m.SessionPage);
    },
    (error: unknown) => {
      loadingSessionPage = null; // a later attempt may succeed (the network came back)
      throw error;
    },
  );
  return loadingSessionPage;
}

let warmedUp = false;
let mapWarmedUp = false;

/**
 * Once the home page is drawn and the browser idle: the session page fetched, the session check
 * warmed up; at the next idle moment, the maps' drawing warmed up (once per page). Returns what
 * stops what has not been done yet (the home page is left).
 */
function prefetchWhenIdle(): () => void {
  if (sessionPage && warmedUp && mapWarmedUp) return () => undefined;
  let stopped = false;
  let stop = whenIdle(() => {
    if (!warmedUp) {
      warmedUp = true;
      warmUpValidation();
    }
    loadSessionPage().then(
      () => {
        if (stopped || mapWarmedUp) return;
        stop = whenIdle(() => {
          if (mapWarmedUp || !warmUpMaps) return;
          mapWarmedUp = true;
          stop = warmUpMaps(() => (stop = () => undefined));
        }, 2000, 200);
      },
      () => undefined,
    );
  }, 2000, 200);
  return () => {
    stopped = true;
    stop();
  };
}

function SessionRoute({ id }: { id: string }) {
  const [Page, setPage] = useState<SessionPageType | null>(() => sessionPage);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    mapWarmedUp = true; // this page draws a map itself: the home page need not draw one ahead
  }, []);
  useEffect(() => {
    if (Page) return;
    let live = true;
    loadSessionPage().then(
      (p) => live && setPage(() => p),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [Page]);
  if (failed) {
    return (
      <div role="alert" className="alert">
        L'application n'a pas pu charger la page de l'atelier. Vérifiez la connexion puis rechargez la page : vos ateliers sont
        toujours dans ce navigateur.
      </div>
    );
  }
  if (!Page) return <p className="loading">Ouverture de l'atelier…</p>;
  return <Page id={id} />;
}

/** The workshop room's pages (Yjs and the provider with them): fetched only when the address is the room's. */
const RoomPage = lazy(() => import('./features/room/RoomPage').then((m) => ({ default: m.RoomPage })));
const ProjectorPage = lazy(() => import('./features/room/ProjectorPage').then((m) => ({ default: m.ProjectorPage })));

function HomeRoute() {
  useEffect(prefetchWhenIdle, []);
  return <HomePage />;
}

/**
 * The page the address points at. Read from the hash location itself: wouter's own location is
 * already decoded once (`decodeURI`), which would turn an id's `%25` into `%` before `parseRoute`.
 */
function Pages() {
  const [address] = useHashLocation();
  const route = parseRoute(address);
  if (route.page === 'room' || route.page === 'projector') {
    const Page = route.page === 'room' ? RoomPage : ProjectorPage;
    return (
      <Suspense fallback={<p className="loading">Connexion à la salle…</p>}>
        <Page token={route.token} />
      </Suspense>
    );
  }
  return route.page === 'session' ? <SessionRoute id={route.id} /> : <HomeRoute />;
}

export function App() {
  return (
    <>
      <UpdatePrompt />
      <Router hook={useHashLocation}>
        <Pages />
      </Router>
    </>
  );
}
