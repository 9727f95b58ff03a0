import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { projectorHref, roomHref } from '../../state/routes';
import { presenceName, roomToken, setPresenceName } from '../../state/roomConnection';
import { renameInRoom, useRoomStore, type Peer } from '../../state/roomSession';
import { useSession } from '../../state/sessionController';
import { Modal } from '../../ui/Modal';

interface RoomInfo {
  addresses: string[];
  projectorToken: string | null;
}

/** What the room's server says of itself: the addresses to join it at (and, to an editor, the projector's token). */
async function fetchRoomInfo(token: string): Promise<RoomInfo> {
  const fallback = { addresses: [`${window.location.origin}/`], projectorToken: null };
  try {
    const response = await fetch('/salle/info', { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
    if (!response.ok) return fallback;
    const body: unknown = await response.json();
    const info = body as { addresses?: unknown; projectorToken?: unknown };
    const addresses = Array.isArray(info.addresses)
      ? info.addresses.filter((a): a is string => typeof a === 'string' && /^https?:\/\/[^\s"<>]{1,200}$/.test(a)).slice(0, 8)
      : [];
    const projectorToken = typeof info.projectorToken === 'string' && /^[A-Za-z0-9_-]{16,200}$/.test(info.projectorToken) ? info.projectorToken : null;
    return { addresses: addresses.length > 0 ? addresses : fallback.addresses, projectorToken };
  } catch {
    return fallback;
  }
}

const base = (address: string) => (address.endsWith('/') ? address : `${address}/`);

/** `Salle`: the address to join the room, its QR code, who is connected, the projector's link. */
export function RoomDialog({ onClose }: { onClose: () => void }) {
  const token = roomToken();
  const [info, setInfo] = useState<RoomInfo | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [name, setName] = useState(presenceName);
  const peers = useRoomStore((s) => s.peers);
  const sessions = useRoomStore((s) => s.sessions);
  const link = useRoomStore((s) => s.link);
  const session = useSession();

  useEffect(() => {
    if (!token) return;
    let live = true;
    void fetchRoomInfo(token).then((i) => live && setInfo(i));
    return () => {
      live = false;
    };
  }, [token]);

  const joinUrl = token && info ? `${base(info.addresses[0]!)}${roomHref(token)}` : null;
  useEffect(() => {
    if (!joinUrl) return;
    let live = true;
    // Drawn here, from the address alone: no image is asked of any server.
    void QRCode.toDataURL(joinUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [joinUrl]);

  const titleOf = (id: string | null) => sessions.find((s) => s.id === id)?.title ?? null;
  const stepOf = (peer: Peer) => {
    if (!peer.stepId || !session || peer.sessionId !== session.id) return null;
    const i = session.steps.findIndex((s) => s.id === peer.stepId);
    return i < 0 ? null : `étape ${i + 1} : ${session.steps[i]!.title}`;
  };

  return (
    <Modal title="Salle" onClose={onClose}>
      {!token ? (
        <p>Cet onglet n'a pas rejoint de salle. Ouvrez l'adresse de la salle donnée par l'animateur·rice.</p>
      ) : (
        <div className="room-dialog">
          <section aria-labelledby="salle-rejoindre">
            <h3 id="salle-rejoindre">Rejoindre la salle</h3>
            <p>Sur un autre ordinateur du même réseau, ouvrez cette adresse :</p>
            {joinUrl ? <p className="room-address"><code>{joinUrl}</code></p> : <p>Lecture de l'adresse…</p>}
            {info && info.addresses.length > 1 && (
              <p className="hint">Autres adresses de la salle : {info.addresses.slice(1).map((a) => base(a)).join(', ')}</p>
            )}
            {qr && <img className="room-qr" src={qr} alt="QR code de la salle" width={240} height={240} />}
          </section>
          <section aria-labelledby="salle-presents">
            <h3 id="salle-presents">Connecté·es ({peers.length + 1})</h3>
            <label className="field">
              Votre nom dans la salle
              <input
                value={name}
                maxLength={60}
                onChange={(e) => setName(e.target.value)}
                onBlur={() => {
                  setPresenceName(name);
                  renameInRoom(presenceName());
                }}
              />
            </label>
            <ul className="room-peers">
              <li>Vous ({name || presenceName()}){link === 'connecte' ? '' : ' : hors ligne'}</li>
              {peers.map((p) => (
                <li key={p.clientId}>
                  {p.name}
                  {titleOf(p.sessionId) ? ` : « ${titleOf(p.sessionId)} »` : ''}
                  {stepOf(p) ? `, modifie l'${stepOf(p)}` : ''}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="salle-projecteur">
            <h3 id="salle-projecteur">Projecteur</h3>
            {info?.projectorToken ? (
              <p>
                Lien en lecture seule, pour l'ordinateur relié au projecteur :{' '}
                <a href={`${base(info.addresses[0]!)}${projectorHref(info.projectorToken)}`} target="_blank" rel="noreferrer">
                  Vue projecteur
                </a>
              </p>
            ) : (
              <p>Le lien du projecteur (lecture seule) est affiché dans le terminal où la salle a été ouverte (npm run salle).</p>
            )}
          </section>
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>Fermer</button>
      </div>
    </Modal>
  );
}
