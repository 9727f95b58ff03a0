import type { Session } from '../../domain/types';
import { objectiveFacts } from '../../domain/viewpoints';
import { TRINOME_ROLE_LABELS } from '../../i18n/labels';
import { DivergenceList } from './DivergenceList';
import { Radar } from './Radar';

/** In the Synthèse: objectives shared by two roles or more, those of a single viewpoint, and the radar once revealed. */
export function ViewpointsSummary({ session }: { session: Session }) {
  const vp = session.viewpoints;
  const facts = objectiveFacts(vp);
  const hasObjectives = (vp?.objectives.length ?? 0) > 0;
  // What a role thinks an actor was after, said beside the objective.
  const lent = (actorId: string | undefined) => {
    const name = session.actors.find((a) => a.id === actorId)?.name;
    return name ? ` ; objectif prêté à : ${name}` : '';
  };
  return (
    <section aria-labelledby="viewpoints-summary-heading" className="panel viewpoints-summary">
      <h2 id="viewpoints-summary-heading">Regards croisés</h2>
      {!hasObjectives && <p className="hint">Aucun objectif écrit : l'onglet Regards les recueille, rôle par rôle.</p>}
      {hasObjectives && (
        <div className="note-columns">
          <div>
            <h3>Objectifs partagés</h3>
            {facts.shared.length === 0 ? (
              <p className="hint">Aucun objectif relié entre deux regards.</p>
            ) : (
              <ul>
                {facts.shared.map((g) => (
                  <li key={g.objectives[0]!.id}>
                    {g.objectives.map((o) => `« ${o.text} »`).join(' = ')} ({g.roles.map((r) => TRINOME_ROLE_LABELS[r]).join(', ')})
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h3>Objectifs d'un seul regard</h3>
            {facts.single.length === 0 ? (
              <p className="hint">Aucun : chaque objectif est partagé.</p>
            ) : (
              <ul>
                {facts.single.map((o) => (
                  <li key={o.id}>
                    « {o.text} » ({TRINOME_ROLE_LABELS[o.role]}{lent(o.actorId)})
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
      {vp?.revealed && (
        <div className="maturity-result">
          <Radar maturity={vp.maturity} />
          <DivergenceList maturity={vp.maturity} />
        </div>
      )}
    </section>
  );
}
