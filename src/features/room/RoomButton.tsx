import { lazy, Suspense, useEffect, useState } from 'react';
import './room.css';
import { roomToken } from '../../state/roomConnection';
import { joinRoomIndex, useRoomStore } from '../../state/roomSession';
import { useSession } from '../../state/sessionController';

const RoomDialog = lazy(() => import('./RoomDialog').then((m) => ({ default: m.RoomDialog })));

const LINK_WORDS = {
  connexion: 'connexion à la salle…',
  connecte: 'connecté à la salle',
  'hors-ligne': 'hors ligne : les modifications sont gardées et partiront au retour du réseau',
  refuse: 'jeton de salle refusé',
} as const;

/**
 * `Salle`, in the header of the home page and of a session when this tab is in a room: its state,
 * who edits which step of this session, and the dialog (address, QR code, who is connected).
 */
export function RoomButton({ showErrors = true }: { showErrors?: boolean }) {
  const [open, setOpen] = useState(false);
  const token = roomToken();
  const active = useRoomStore((s) => s.active);
  const link = useRoomStore((s) => s.link);
  const peers = useRoomStore((s) => s.peers);
  const sessionPeers = useRoomStore((s) => s.sessionPeers);
  const session = useSession();
  const error = useRoomStore((s) => s.error);

  useEffect(() => {
    if (!token) return;
    let leave: (() => void) | null = null;
    let live = true;
    void joinRoomIndex().then((joined) => {
      if (live) leave = joined?.leave ?? null;
      else joined?.leave();
    });
    return () => {
      live = false;
      leave?.();
    };
  }, [token]);

  if (!token && !active) return null;
  const editing = sessionPeers
    .map((p) => {
      const i = session?.steps.findIndex((s) => s.id === p.stepId) ?? -1;
      return i < 0 ? null : `${p.name} : étape ${i + 1}`;
    })
    .filter(Boolean);
  const state = link ? LINK_WORDS[link] : 'hors ligne';
  return (
    <>
      <button
        type="button"
        className={`room-button is-${link ?? 'hors-ligne'}`}
        title={`Salle : ${state}`}
        onClick={() => setOpen(true)}
      >
        {/* Named « Salle » by its text: the count beside it is for the eyes (the dialog lists who is there). */}
        Salle<span aria-hidden="true" className="room-count">{link === 'connecte' ? peers.length + 1 : '–'}</span>
      </button>
      {/* What the room refused or sent wrong, said where the work is (the session stays as it was). */}
      {showErrors && error && (
        <span role="alert" className="room-alert">
          {error}
        </span>
      )}
      {editing.length > 0 && (
        <span className="room-presence" role="status">
          {editing.join(' · ')}
        </span>
      )}
      {open && (
        <Suspense fallback={null}>
          <RoomDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
