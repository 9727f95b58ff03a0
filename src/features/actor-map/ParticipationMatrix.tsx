import { memo, useMemo, useRef } from 'react';
import { participationMatrix, setParticipation } from '../../domain/commands/actors';
import type { Participation } from '../../domain/enums';
import type { Session } from '../../domain/types';
import { ACTOR_CATEGORY_LABELS, PARTICIPATION_LABELS } from '../../i18n/labels';
import { ACTOR_CATEGORY_VISUALS } from '../../i18n/visuals';
import { useDocumentStore } from '../../state/documentStore';
import { useViewStore } from '../../state/viewStore';
import { PngExportButton } from '../export/PngExportButton';

const SHORT: Record<Participation, string> = { pilote: 'P', contribue: 'C', informe: 'I' };
/** A click (or Entrée, Espace) on a cell moves to the next value: — → pilote → contribue → informé → —. */
const NEXT: Record<Participation | 'none', Participation | null> = { none: 'pilote', pilote: 'contribue', contribue: 'informe', informe: null };

/**
 * Actors × steps: the same data as the step participants of the conduct map. Rows of actors
 * who took part in no step stand out.
 */
export const ParticipationMatrix = memo(function ParticipationMatrix({ session }: { session: Session }) {
  const apply = useDocumentStore((s) => s.apply);
  const focus = useViewStore((s) => s.focus);
  const matrix = useMemo(() => participationMatrix(session), [session]);
  const table = useRef<HTMLTableElement>(null);
  if (session.actors.length === 0 || session.steps.length === 0) {
    return <p className="hint">La matrice de participation apparaît quand l'atelier a des acteurs et des étapes.</p>;
  }
  return (
    <div className="matrix-wrap">
      <PngExportButton label="Enregistrer la matrice en PNG" target={() => table.current} title={session.title} what="matrice de participation" />
      <table className="matrix" ref={table}>
        <caption>Participation des acteurs aux étapes</caption>
        <thead>
          <tr>
            <th scope="col">Acteur</th>
            {matrix.steps.map((s) => (
              <th key={s.id} scope="col" className={focus?.type === 'step' && focus.id === s.id ? 'is-focus' : undefined}>
                <button
                  type="button"
                  className="matrix-step"
                  title={s.title}
                  aria-label={`Étape ${s.number} : ${s.title}`}
                  onClick={() => useViewStore.getState().setFocus({ type: 'step', id: s.id })}
                >
                  {s.number}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.actors.map((actor) => {
            const uninvolved = matrix.uninvolved.has(actor.id);
            return (
              <tr key={actor.id} className={uninvolved ? 'is-uninvolved' : undefined}>
                <th scope="row">
                  <span aria-hidden="true">{ACTOR_CATEGORY_VISUALS[actor.category].icon} </span>
                  {actor.name}
                  <span className="visually-hidden"> ({ACTOR_CATEGORY_LABELS[actor.category]})</span>
                  {uninvolved && <span className="badge">aucune étape</span>}
                </th>
                {matrix.steps.map((step) => {
                  const role = matrix.cells.get(`${actor.id}|${step.id}`) ?? null;
                  return (
                    <td key={step.id} className={role ? `cell-${role}` : undefined}>
                      <button
                        type="button"
                        className="matrix-cell"
                        aria-label={`Participation de ${actor.name} à l'étape ${step.number} : ${role ? PARTICIPATION_LABELS[role] : 'aucune'}`}
                        title={role ? PARTICIPATION_LABELS[role] : 'Aucune participation'}
                        onClick={() => apply((s) => setParticipation(s, step.id, actor.id, NEXT[role ?? 'none']))}
                      >
                        {role ? SHORT[role] : '·'}
                      </button>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">
        P : pilote · C : contribue · I : informé·e. Cliquez une case pour passer d'une valeur à la suivante. Les lignes marquées « aucune
        étape » sont les acteurs jamais associés.
      </p>
    </div>
  );
});
