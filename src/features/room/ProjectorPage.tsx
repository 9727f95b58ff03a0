import { useEffect, useMemo, useState } from 'react';
import './room.css';
import type { Session } from '../../domain/types';
import { ROOM_TOKEN_REFUSED } from '../../state/roomConnection';
import { watchRoomReadOnly } from '../../state/roomSession';
import { renderMapSvg } from '../export/images';
import { comparisonRows } from '../compare/comparison';
import { IndicatorTable } from '../compare/IndicatorTable';
import { Radar, RadarLegend } from '../viewpoints/Radar';

function MapThumbnail({ session }: { session: Session }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([renderMapSvg(session, 'conduite', null).svg], { type: 'image/svg+xml' })), [session]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <img className="projector-map" src={url} alt={`Conduite de projet de ${session.title}`} />;
}

/**
 * `#/salle/projecteur?jeton=…`: every session of the room, live, side by side, with the
 * comparison of the establishments. Read-only: its token cannot write (the server refuses it).
 */
export function ProjectorPage({ token }: { token: string | null }) {
  const [sessions, setSessions] = useState<Session[]>([]);
  const [refused, setRefused] = useState(false);
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    if (!token) return;
    return watchRoomReadOnly(token, {
      onSessions: setSessions,
      onState: (state) => {
        setRefused(state === 'refuse');
        setOffline(state === 'hors-ligne');
      },
    });
  }, [token]);

  const rows = sessions.length > 0 ? comparisonRows(sessions) : [];
  const radars = sessions.filter((s) => s.viewpoints?.revealed && s.viewpoints.maturity);
  return (
    <div className="projector-page">
      <header className="projector-header">
        <h1>Cartographies ACIA · La salle au projecteur</h1>
        <p className="hint">Vue en lecture seule, mise à jour à chaque modification.</p>
      </header>
      {!token && <div role="alert" className="alert">Cette adresse de projecteur n'a pas de jeton.</div>}
      {refused && <div role="alert" className="alert">{ROOM_TOKEN_REFUSED}</div>}
      {offline && <p role="status">Hors ligne : la vue reprendra au retour du réseau.</p>}
      {token && !refused && sessions.length === 0 && <p className="empty">Aucun atelier dans la salle pour l'instant.</p>}
      <div className="projector-grid" role="list" aria-label="Ateliers de la salle">
        {sessions.map((s) => (
          <article key={s.id} role="listitem" aria-label={s.title} className="projector-card">
            <h2>{s.title}</h2>
            <p className="session-meta">{[s.establishment.name, s.project.name].filter(Boolean).join(' · ')}</p>
            <MapThumbnail session={s} />
            <ol className="projector-steps" aria-label={`Étapes de ${s.title}`}>
              {s.steps.map((step) => <li key={step.id}>{step.title}</li>)}
            </ol>
          </article>
        ))}
      </div>
      {sessions.length >= 2 && (
        <section className="projector-compare" aria-labelledby="projecteur-comparaison">
          <h2 id="projecteur-comparaison">Comparaison des établissements</h2>
          <IndicatorTable sessions={sessions} rows={rows} />
          {radars.length > 0 && (
            <div className="compare-radars" role="group" aria-label="Radars de maturité">
              {radars.map((s) => (
                <figure key={s.id}>
                  <Radar maturity={s.viewpoints!.maturity!} title={`Radar de maturité : ${s.title}`} legend={false} />
                  <figcaption>{s.title}</figcaption>
                </figure>
              ))}
              <RadarLegend />
            </div>
          )}
        </section>
      )}
    </div>
  );
}
