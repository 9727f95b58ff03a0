import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { HomePage } from './features/sessions/HomePage';
import { SessionPage } from './features/sessions/SessionPage';
import { UpdatePrompt } from './ui/UpdatePrompt';

export function App() {
  return (
    <>
      <UpdatePrompt />
      <Router hook={useHashLocation}>
        <Switch>
          <Route path="/atelier/:id">{(params) => <SessionPage id={decodeURIComponent(params.id)} />}</Route>
          <Route><HomePage /></Route>
        </Switch>
      </Router>
    </>
  );
}
