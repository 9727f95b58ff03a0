import { useMemo } from 'react';
import type { Session } from '../../domain/types';
import { livedSynthesis } from './sentences';
import { goToStep, StepChips } from './StepChips';

/**
 * The Synthèse's part on the project as it was lived (format 2): dates that slipped and events,
 * who does not use the tool and why, feedback left unanswered, the named documents by kind, and
 * the notes by aspect of working life.
 */
export function LivedSection({ session }: { session: Session }) {
  const s = useMemo(() => livedSynthesis(session), [session]);
  const noteText = useMemo(() => new Map(session.notes.map((n) => [n.id, n.text])), [session.notes]);
  return (
    <section aria-labelledby="lived-heading" className="panel">
      <h2 id="lived-heading">Le projet tel qu'il a été vécu</h2>
      <ul className="indicators">
        <li className="indicator">
          <h3>Le temps vécu : prévu et réalisé</h3>
          <p>{s.time.text}</p>
          <StepChips session={session} steps={s.time.steps} />
          <p className="hint">{s.time.explanation}</p>
        </li>
        <li className="indicator">
          <h3>Usage et non-usage de l'outil</h3>
          <p>{s.nonUse.text}</p>
          <StepChips session={session} steps={s.nonUse.steps} />
          <p className="hint">{s.nonUse.explanation}</p>
        </li>
        <li className="indicator">
          <h3>Remontées sans réponse</h3>
          <p>{s.feedback.text}</p>
          <p className="hint">{s.feedback.explanation}</p>
        </li>
        <li className="indicator">
          <h3>Documents nommés</h3>
          {s.documents.length === 0 ? (
            <p>Aucun document nommé sur les étapes.</p>
          ) : (
            <dl className="lived-list">
              {s.documents.map((d) => (
                <div key={d.kind}>
                  <dt>{d.kind}</dt>
                  {d.items.map((item, i) => (
                    <dd key={i}>
                      « {item.title} » <button type="button" className="step-chip" aria-label={`Aller à l'étape ${item.number}`} onClick={() => goToStep(session, item.number)}>{item.number}</button>
                    </dd>
                  ))}
                </div>
              ))}
            </dl>
          )}
        </li>
        <li className="indicator">
          <h3>Les notes par aspect</h3>
          {s.aspects.length === 0 ? (
            <p>Aucune note n'est rattachée à un aspect (conditions, contenu, expression ; qualité des soins, du travail, des données).</p>
          ) : (
            <dl className="lived-list">
              {s.aspects.map((a) => (
                <div key={a.aspect}>
                  <dt>{a.aspect}</dt>
                  {a.notes.map((id) => <dd key={id}>{noteText.get(id)}</dd>)}
                </div>
              ))}
            </dl>
          )}
        </li>
      </ul>
    </section>
  );
}
