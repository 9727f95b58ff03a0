import { TRINOME_ROLES } from '../../domain/enums';
import type { Session } from '../../domain/types';
import { matchesOf, ratedCount } from '../../domain/viewpoints';
import { TRINOME_ROLE_LABELS } from '../../i18n/labels';
import { AUTHOR_ROLE_VISUALS } from '../../i18n/visuals';
import { DivergenceList } from './DivergenceList';
import { Radar } from './Radar';

/** Whether a session has anything of its viewpoints to print: objectives, or ratings. */
export const hasViewpoints = (session: Session) =>
  (session.viewpoints?.objectives.length ?? 0) > 0 || TRINOME_ROLES.some((r) => ratedCount(session.viewpoints?.maturity, r) > 0);

/**
 * The printed page of the three viewpoints, after the map: each role's objectives (shared or of a
 * single viewpoint, and the actor they think it was for), then the radar and its divergences once
 * revealed. Ratings not revealed stay off paper as they stay off screen.
 */
export function ViewpointsPrint({ session }: { session: Session }) {
  const vp = session.viewpoints;
  const objectives = vp?.objectives ?? [];
  const actorName = (id: string | undefined) => session.actors.find((a) => a.id === id)?.name;
  return (
    <section className="print-page print-viewpoints" aria-label="Regards croisés">
      <h2>Regards croisés — {session.title}</h2>
      <div className="print-objectives">
        {TRINOME_ROLES.map((role) => {
          const mine = objectives.filter((o) => o.role === role);
          return (
            <div key={role} className="print-objective-column" style={{ borderTopColor: AUTHOR_ROLE_VISUALS[role].border }}>
              <h3>Objectifs : {TRINOME_ROLE_LABELS[role]}</h3>
              {mine.length === 0 ? (
                <p className="hint">Aucun objectif écrit.</p>
              ) : (
                <ul>
                  {mine.map((o) => {
                    const matched = matchesOf(vp, o.id).flatMap((id) => objectives.filter((x) => x.id === id));
                    const actor = actorName(o.actorId);
                    return (
                      <li key={o.id}>
                        <strong>« {o.text} »</strong>
                        {actor && <span> — objectif prêté à : {actor}</span>}
                        <br />
                        <em>
                          {matched.length === 0
                            ? 'Seul regard'
                            : `Partagé avec ${matched.map((m) => `${TRINOME_ROLE_LABELS[m.role]} (« ${m.text} »)`).join(', ')}`}
                        </em>
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          );
        })}
      </div>
      {vp?.revealed ? (
        <div className="print-maturity">
          <Radar maturity={vp.maturity} />
          <DivergenceList maturity={vp.maturity} />
        </div>
      ) : (
        vp?.maturity && <p>Maturité numérique : les notes ne sont pas encore révélées ; elles ne sont pas imprimées.</p>
      )}
    </section>
  );
}
