import { lazy, Suspense } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { HomePage } from './features/sessions/HomePage';
import { UpdatePrompt } from './ui/UpdatePrompt';

/** The session page (canvas, maps, exports) is loaded when a session is opened, not with the home page. */
const SessionPage = lazy(() => import('./features/sessions/SessionPage').then((m) => ({ default: m.SessionPage })));

export function App() {
  return (
    <>
      <UpdatePrompt />
      <Router hook={useHashLocation}>
        <Switch>
          <Route path="/atelier/:id">
            {(params) => (
              <Suspense fallback={<p className="loading">Ouverture de l'atelier…</p>}>
                <SessionPage id={decodeURIComponent(params.id)} />
              </Suspense>
            )}
          </Route>
          <Route><HomePage /></Route>
        </Switch>
      </Router>
    </>
  );
}
