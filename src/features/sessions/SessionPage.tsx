import { useEffect, useLayoutEffect, useState } from 'react';
import { useDocumentStore } from '../../state/documentStore';
import { appContext } from '../../state/actionContext';
import { openSession, useSession } from '../../state/sessionController';
import { whenIdle } from '../../ui/whenIdle';
import { useViewStore, type MapTab } from '../../state/viewStore';
import { SaveStatus } from './SaveStatus';
import { ExportMenu } from '../export/ExportMenu';
import { downloadSessionJson } from '../export/exportJson';
import { useDatabaseOutdated } from '../../state/useDatabaseOutdated';
import type { Session } from '../../domain/types';
import { SynthesisView } from '../synthesis/SynthesisView';
import { ViewpointsView } from '../viewpoints/ViewpointsView';
import { ActorMapView } from '../actor-map/ActorMapView';
import { ConductMapView } from '../conduct-map/ConductMapView';
import { Announcer } from './Announcer';
import { ShortcutsHelp } from '../../ui/ShortcutsHelp';
import { ActionButton, useKeyboardActions } from '../../ui/ActionButton';
import { FOCUSED_KEYS, redo, roomMode, SESSION_PAGE_SCOPES, showShortcuts, undo } from './actions';
import { bindRoomSession, type RoomBinding } from '../../state/roomSession';
import { RoomButton } from '../room/RoomButton';

/** Loaded with this page (see App): the maps' first drawing, done ahead at idle. */
export { warmUpMaps } from './warmUpMaps';

const TABS: { id: MapTab; label: string }[] = [
  { id: 'conduite', label: 'Conduite de projet' },
  { id: 'acteurs', label: 'Acteurs' },
  { id: 'synthese', label: 'Synthèse' },
  { id: 'regards', label: 'Regards' },
];

/** Saves the open session as a file at once: when the disk refuses it, nothing is lost. */
function exportNow(session: Session, onError: (message: string) => void) {
  const done = downloadSessionJson(session);
  if (!done.ok) onError(`Export impossible : ${done.errors[0]!.message}`);
}

/**
 * The tab just left, until the browser is idle after drawing the new one; then null. Taking a large
 * map down is slow (React Flow resets its store with every node still listening): the map asked
 * for is drawn first, and coming straight back finds the old one as it was.
 */
function useTabLeaving(tab: MapTab): MapTab | null {
  const [shown, setShown] = useState(tab);
  const [leaving, setLeaving] = useState<MapTab | null>(null);
  if (shown !== tab) {
    setShown(tab);
    setLeaving(shown);
  }
  useEffect(() => {
    if (!leaving) return;
    return whenIdle(() => setLeaving(null), 1000, 100);
  }, [leaving]);
  return leaving === tab ? null : leaving;
}

export function SessionPage({ id }: { id: string }) {
  const [error, setError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const outdated = useDatabaseOutdated();
  // Only a failed save changes this page (the status itself is drawn by SaveStatus).
  const saveError = useViewStore((s) => (s.saveStatus.state === 'error' ? s.saveStatus.message : null));
  const session = useSession();
  const tab = useViewStore((s) => s.tab);
  const setTab = useViewStore((s) => s.setTab);
  const leaving = useTabLeaving(tab);
  const help = useViewStore((s) => s.dialog?.kind === 'shortcuts');
  const room = useViewStore((s) => s.roomMode);
  useKeyboardActions(SESSION_PAGE_SCOPES, appContext);

  // A layout effect: the session is read from IndexedDB as soon as the page is put in place,
  // not after the browser has drawn the empty page (a passive effect may wait for a frame).
  useLayoutEffect(() => {
    let handle: Awaited<ReturnType<typeof openSession>> | null = null;
    let room: RoomBinding | null = null;
    let cancelled = false;
    setError(null);
    void openSession(id).then((h) => {
      if (cancelled) {
        if ('close' in h) void h.close();
        return;
      }
      handle = h;
      if ('error' in h) return setError(h.error);
      // A session kept from the workshop room follows the room's document (state/roomSession.ts).
      void bindRoomSession(id).then((b) => {
        if (cancelled) void b?.close();
        else room = b;
      });
    });
    return () => {
      cancelled = true;
      void room?.close();
      if (handle && 'close' in handle) void handle.close();
      useDocumentStore.getState().load(null);
    };
  }, [id]);

  const title = session?.title;
  useEffect(() => {
    if (title) document.title = `${title} · Cartographies ACIA`;
    return () => {
      document.title = 'Cartographies ACIA';
    };
  }, [title]);

  if (error) {
    return (
      <div className="session-page">
        <nav className="topbar"><a href="#/">Tous les ateliers</a></nav>
        <div role="alert" className="alert">{error}</div>
      </div>
    );
  }
  if (!session || session.id !== id) return <p className="loading">Ouverture de l'atelier…</p>;
  const meta = [session.establishment.name, session.project.name].filter(Boolean).join(' · ');

  return (
    <div className={`session-page${room ? ' is-room' : ''}`}>
      {/* One line: the map gets the rest of the screen. */}
      <header className="topbar">
        <a href="#/" className="back">Tous les ateliers</a>
        <div className="session-heading" title={[session.title, meta].filter(Boolean).join(' — ')}>
          <h1>{session.title}</h1>
          {meta && <span className="session-meta">{meta}</span>}
        </div>
        <div role="tablist" aria-label="Cartographies" className="tabs">
          {TABS.map((t) => (
            <button
              key={t.id}
              id={`tab-${t.id}`}
              role="tab"
              type="button"
              aria-selected={tab === t.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => setTab(t.id)}
              onKeyDown={(e) => {
                if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                const i = TABS.findIndex((x) => x.id === tab);
                const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
                setTab(next.id);
                document.getElementById(`tab-${next.id}`)?.focus();
              }}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div className="toolbar" role="toolbar" aria-label="Actions de l'atelier">
          <ActionButton action={undo} ctx={appContext} className="editing" />
          <ActionButton action={redo} ctx={appContext} className="editing" />
          <ExportMenu session={session} map={tab === 'acteurs' ? 'acteurs' : 'conduite'} onError={setAlert} />
          <ActionButton action={roomMode} ctx={appContext} pressed={room} />
          <RoomButton />
          <ActionButton action={showShortcuts} ctx={appContext}>?</ActionButton>
        </div>
        <SaveStatus />
        <Announcer />
      </header>
      {help && <ShortcutsHelp scopes={SESSION_PAGE_SCOPES} focusedKeys={FOCUSED_KEYS} onClose={() => useViewStore.getState().openDialog(null)} />}
      {alert && (
        <div role="alert" className="alert">
          <span>{alert}</span>
          <button type="button" onClick={() => setAlert(null)}>Fermer</button>
        </div>
      )}
      {outdated && (
        <div role="alert" className="alert">
          <span>
            Une version plus récente de l'application a été ouverte dans un autre onglet : cet onglet n'enregistre plus. Exportez
            l'atelier si besoin, puis rechargez la page.
          </span>
          <button type="button" onClick={() => exportNow(session, setAlert)}>Exporter le fichier de session</button>
          <button type="button" onClick={() => window.location.reload()}>Recharger</button>
        </div>
      )}
      {saveError !== null && !outdated && (
        <div role="alert" className="alert">
          <span>{saveError} L'atelier reste ouvert dans cette page.</span>
          <button type="button" onClick={() => exportNow(session, setAlert)}>Exporter le fichier de session</button>
        </div>
      )}
      <main id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="tabpanel">
        {TABS.filter((t) => t.id === tab || t.id === leaving).map((t) => (
          // The tab just left stays, unseen, unreachable and not drawn, until it is taken down.
          <div key={t.id} className={t.id === tab ? 'tab-content' : 'tab-content is-leaving'} inert={t.id !== tab} aria-hidden={t.id !== tab || undefined}>
            {t.id === 'conduite' ? (
              <ConductMapView session={session} />
            ) : t.id === 'acteurs' ? (
              <ActorMapView session={session} />
            ) : t.id === 'regards' ? (
              <ViewpointsView session={session} />
            ) : (
              <SynthesisView session={session} />
            )}
          </div>
        ))}
      </main>
    </div>
  );
}
