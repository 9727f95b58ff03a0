import { memo, useState } from 'react';
import { moveStep, moveStepBy } from '../../domain/commands/conduct';
import type { Step } from '../../domain/types';
import { stepDateText } from '../../canvas/conduct/adapter';
import { STEP_KIND_VISUALS } from '../../i18n/visuals';
import { useDocumentStore } from '../../state/documentStore';
import { useViewStore } from '../../state/viewStore';

interface Props {
  steps: readonly Step[];
  conflicts: ReadonlyMap<string, string>;
  highlighted: ReadonlySet<string>;
  onFocusStep: (id: string) => void;
}

/**
 * The numbered chronology beside the map (`Déroulé chronologique`), in sync with it: a click
 * selects and centres a step; drag an item, or Alt+↑/↓, to move it earlier or later.
 */
export const Chronology = memo(function Chronology({ steps, conflicts, highlighted, onFocusStep }: Props) {
  const selection = useViewStore((s) => s.selection);
  const apply = useDocumentStore((s) => s.apply);
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<number | null>(null);

  const announceMove = (id: string) => {
    const n = (useDocumentStore.getState().session?.steps.findIndex((s) => s.id === id) ?? -1) + 1;
    useViewStore.getState().announce(`Étape déplacée : elle porte maintenant le numéro ${n}.`);
  };

  return (
    <section className="panel chronology-panel" aria-labelledby="chronology-heading">
      <h2 id="chronology-heading">Déroulé chronologique</h2>
      {steps.length === 0 ? (
        <p className="hint">Aucune étape. « Ajouter une étape » pour commencer.</p>
      ) : (
        <ol className="chronology" aria-label="Déroulé chronologique">
          {steps.map((step, i) => {
            const conflict = conflicts.get(step.id);
            const date = stepDateText(step);
            return (
              <li
                key={step.id}
                draggable
                className={`${selection.includes(step.id) ? 'is-selected' : ''}${highlighted.has(step.id) ? ' is-highlighted' : ''}${over === i ? ' drop-target' : ''}${dragging === step.id ? ' is-dragging' : ''}`}
                onDragStart={(e) => {
                  setDragging(step.id);
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/plain', step.id);
                }}
                onDragOver={(e) => {
                  if (!dragging) return;
                  e.preventDefault();
                  setOver(i);
                }}
                onDragLeave={() => setOver((o) => (o === i ? null : o))}
                onDrop={(e) => {
                  e.preventDefault();
                  const id = dragging;
                  setDragging(null);
                  setOver(null);
                  if (!id) return;
                  apply((s) => moveStep(s, id, i));
                  announceMove(id);
                }}
                onDragEnd={() => {
                  setDragging(null);
                  setOver(null);
                }}
              >
                <button
                  type="button"
                  className="chronology-item"
                  aria-current={selection.includes(step.id) ? 'true' : undefined}
                  aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                  onClick={() => onFocusStep(step.id)}
                  onKeyDown={(e) => {
                    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                    e.preventDefault();
                    apply((s) => moveStepBy(s, step.id, e.key === 'ArrowUp' ? -1 : 1));
                    announceMove(step.id);
                    useViewStore.getState().select([step.id]);
                  }}
                >
                  <span className="chrono-number">{i + 1}.</span>
                  <span className="chrono-kind" aria-hidden="true" style={{ background: STEP_KIND_VISUALS[step.kind].color }}>
                    {STEP_KIND_VISUALS[step.kind].icon}
                  </span>
                  <span className="chrono-text">
                    {step.title}
                    {date && <span className="chrono-date"> — {date}</span>}
                  </span>
                  {conflict && (
                    <span className="chrono-conflict" title={conflict}>
                      <span aria-hidden="true">⚠</span>
                      <span className="visually-hidden"> {conflict}</span>
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
});
