import { useEffect, useState } from 'react';
import './room.css';
import { useLocation } from 'wouter';
import type { Session } from '../../domain/types';
import { sessionHref, sessionPath } from '../../state/routes';
import { ROOM_TOKEN_REFUSED, roomToken, setRoomToken } from '../../state/roomConnection';
import { joinRoomIndex, publishSession, takeFromRoom, useRoomStore } from '../../state/roomSession';
import { createSession, loadSession, useSessionList } from '../../state/sessionsLibrary';
import { CreateSessionDialog } from '../sessions/CreateSessionDialog';
import { RoomButton } from './RoomButton';

const LINK_WORDS = {
  connexion: 'Connexion à la salle…',
  connecte: 'Connecté à la salle.',
  'hors-ligne': 'Hors ligne : la salle ne répond pas. Ce qui est fait ici est gardé et partira au retour du réseau.',
  refuse: 'Jeton refusé.',
} as const;

/**
 * `#/salle?jeton=…`: joining the workshop room. The token is kept for the tab; the page lists the
 * room's sessions to open one, and this browser's own sessions to publish one, or creates one.
 */
export function RoomPage({ token }: { token: string | null }) {
  const [, navigate] = useLocation();
  const [joined, setJoined] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [kept, setKept] = useState<number | null>(null);
  const link = useRoomStore((s) => s.link);
  const error = useRoomStore((s) => s.error);
  const sessions = useRoomStore((s) => s.sessions);
  const local = useSessionList();

  useEffect(() => {
    if (token) setRoomToken(token);
    if (!roomToken()) return;
    let leave: (() => void) | null = null;
    let live = true;
    void joinRoomIndex().then((j) => {
      if (!live) return j?.leave();
      leave = j?.leave ?? null;
      setJoined(true);
    });
    return () => {
      live = false;
      leave?.();
    };
  }, [token]);

  const open = async (id: string) => {
    setBusy(id);
    setProblem(null);
    const taken = await takeFromRoom(id);
    setBusy(null);
    if ('error' in taken) setProblem(taken.error);
    else navigate(sessionPath(id));
  };

  /** The consultant's copy: every session of the room kept in this browser, to take home. */
  const keepAll = async () => {
    setBusy('tous');
    setProblem(null);
    setKept(null);
    let count = 0;
    for (const s of sessions) {
      const taken = await takeFromRoom(s.id);
      if ('error' in taken) {
        setProblem(`« ${s.title} » : ${taken.error}`);
        break;
      }
      count++;
    }
    setBusy(null);
    setKept(count);
  };

  const publish = async (session: Session) => {
    setBusy(session.id);
    setProblem(null);
    const done = await publishSession(session);
    setBusy(null);
    if ('error' in done) setProblem(done.error);
  };

  const publishStored = async (id: string) => {
    const loaded = await loadSession(id);
    if (!loaded.ok) return setProblem(loaded.errors[0]!.message);
    await publish(loaded.value);
  };

  const create = async (session: Session) => {
    await createSession(session);
    setCreating(false);
    await publish(session);
    navigate(sessionPath(session.id));
  };

  const inRoom = new Set(sessions.map((s) => s.id));
  const refused = link === 'refuse';
  return (
    <div className="home room-page">
      <header className="home-header">
        <h1>Cartographies ACIA · Salle de l'atelier</h1>
        <nav className="room-nav">
          <a href="#/">Tous les ateliers</a>
          <RoomButton showErrors={false} />
        </nav>
      </header>
      {!roomToken() ? (
        <div role="alert" className="alert">Cette adresse de salle n'a pas de jeton : demandez l'adresse complète à l'animateur·rice.</div>
      ) : refused ? (
        <div role="alert" className="alert">{ROOM_TOKEN_REFUSED}</div>
      ) : (
        <>
          <p role="status" className="room-status">{link ? LINK_WORDS[link] : 'Connexion à la salle…'}</p>
          {(problem ?? error) && <div role="alert" className="alert">{problem ?? error}</div>}
          <section aria-labelledby="salle-ateliers">
            <h2 id="salle-ateliers">Ateliers de la salle</h2>
            {joined && sessions.length === 0 && (
              <p className="empty">Aucun atelier dans la salle pour l'instant : publiez un atelier de ce navigateur ou créez-en un.</p>
            )}
            <ul className="session-list">
              {sessions.map((s) => (
                <li key={s.id} className="session-item">
                  <div className="session-main">
                    <a
                      className="session-link"
                      href={sessionHref(s.id)}
                      aria-busy={busy === s.id || undefined}
                      onClick={(e) => {
                        e.preventDefault();
                        void open(s.id);
                      }}
                    >
                      {s.title}
                    </a>
                    <span className="session-meta">{[s.establishment, s.project].filter(Boolean).join(' · ')}</span>
                  </div>
                </li>
              ))}
            </ul>
            <div className="room-actions">
              <button type="button" className="primary" onClick={() => setCreating(true)}>Nouvel atelier</button>
              <button type="button" disabled={busy !== null || sessions.length === 0} onClick={() => void keepAll()}>
                Garder tous les ateliers dans ce navigateur
              </button>
            </div>
            {kept !== null && (
              <p role="status">
                {kept === 0 ? 'Aucun atelier gardé.' : kept === 1 ? '1 atelier gardé dans ce navigateur.' : `${kept} ateliers gardés dans ce navigateur.`}
              </p>
            )}
          </section>
          <section aria-labelledby="salle-publier">
            <h2 id="salle-publier">Ateliers de ce navigateur</h2>
            <p className="hint">Publier un atelier le met dans la salle : chacun·e peut alors l'ouvrir et le modifier avec vous.</p>
            {local && local.every((s) => inRoom.has(s.id)) && <p className="empty">Tous les ateliers de ce navigateur sont dans la salle.</p>}
            <ul className="session-list">
              {(local ?? [])
                .filter((s) => !inRoom.has(s.id))
                .map((s) => (
                  <li key={s.id} className="session-item">
                    <span className="session-link">{s.title}</span>
                    <button type="button" disabled={busy !== null} onClick={() => void publishStored(s.id)}>
                      Publier dans la salle : {s.title}
                    </button>
                  </li>
                ))}
            </ul>
          </section>
        </>
      )}
      {creating && <CreateSessionDialog onCancel={() => setCreating(false)} onCreate={create} />}
    </div>
  );
}
