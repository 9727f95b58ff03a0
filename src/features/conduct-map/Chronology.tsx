import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { moveStep, moveStepBy } from '../../domain/commands/conduct';
import type { Step } from '../../domain/types';
import { stepDateText } from '../../canvas/conduct/adapter';
import { STEP_KIND_VISUALS } from '../../i18n/visuals';
import { slippage } from '../../domain/synthesis';
import { slippageText } from '../../i18n/dates';
import { applyCommand, useDocumentStore } from '../../state/documentStore';
import { useViewStore } from '../../state/viewStore';
import { useStepPresence } from '../../state/roomPresence';

interface Props {
  steps: readonly Step[];
  /** The selected steps, as the side panels show them (see useSettledSelection). */
  selection: readonly string[];
  conflicts: ReadonlyMap<string, string>;
  highlighted: ReadonlySet<string>;
  onFocusStep: (id: string) => void;
}

function announceMove(id: string) {
  const n = (useDocumentStore.getState().session?.steps.findIndex((s) => s.id === id) ?? -1) + 1;
  useViewStore.getState().announce(`Étape déplacée : elle porte maintenant le numéro ${n}.`);
}

interface ItemProps {
  step: Step;
  index: number;
  selected: boolean;
  highlighted: boolean;
  conflict: string | undefined;
  over: boolean;
  dragging: boolean;
  onFocusStep: (id: string) => void;
  onDragStart: (id: string) => void;
  onDragOver: (index: number) => void;
  onDrop: (index: number) => void;
  onDragEnd: () => void;
}

/** One line of the chronology; redrawn only when its own step or state changes. */
const ChronologyItem = memo(function ChronologyItem({ step, index, selected, highlighted, conflict, over, dragging, onFocusStep, onDragStart, onDragOver, onDrop, onDragEnd }: ItemProps) {
  const date = stepDateText(step);
  // In the workshop room: who else has this step open.
  const people = useStepPresence(step.id);
  return (
    <li
      draggable
      className={`${selected ? 'is-selected' : ''}${highlighted ? ' is-highlighted' : ''}${over ? ' drop-target' : ''}${dragging ? ' is-dragging' : ''}`}
      onDragStart={(e) => {
        onDragStart(step.id);
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', step.id);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        onDragOver(index);
      }}
      onDrop={(e) => {
        e.preventDefault();
        onDrop(index);
      }}
      onDragEnd={onDragEnd}
    >
      <button
        type="button"
        className="chronology-item"
        aria-current={selected ? 'true' : undefined}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
        onClick={() => onFocusStep(step.id)}
        onKeyDown={(e) => {
          if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
          e.preventDefault();
          applyCommand((s) => moveStepBy(s, step.id, e.key === 'ArrowUp' ? -1 : 1));
          announceMove(step.id);
          useViewStore.getState().select([step.id], 'step');
        }}
      >
        <span className="chrono-number">{index + 1}.</span>
        <span className="chrono-kind" aria-hidden="true" style={{ background: STEP_KIND_VISUALS[step.kind].color }}>
          {STEP_KIND_VISUALS[step.kind].icon}
        </span>
        <span className="chrono-text">
          {step.title}
          {date && <span className="chrono-date"> — {date}</span>}
          {step.planned && (slippage(step) || !step.date) && <span className="chrono-slip"> ({slippageText(step.planned, step.date)})</span>}
        </span>
        {conflict && (
          <span className="chrono-conflict" title={conflict}>
            <span aria-hidden="true">⚠</span>
            <span className="visually-hidden"> {conflict}</span>
          </span>
        )}
      </button>
      {people.length > 0 && <span className="chrono-presence">{people.join(', ')}</span>}
    </li>
  );
});

/**
 * The numbered chronology beside the map (`Déroulé chronologique`), in sync with it: a click
 * selects and centres a step; drag an item, or Alt+↑/↓, to move it earlier or later.
 */
export const Chronology = memo(function Chronology({ steps, selection, conflicts, highlighted, onFocusStep }: Props) {
  const selected = useMemo(() => new Set(selection), [selection]);
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const draggingRef = useRef<string | null>(null);

  const onDragStart = useCallback((id: string) => {
    draggingRef.current = id;
    setDragging(id);
  }, []);
  const onDragOver = useCallback((index: number) => {
    if (draggingRef.current) setOver(index);
  }, []);
  const onDragEnd = useCallback(() => {
    draggingRef.current = null;
    setDragging(null);
    setOver(null);
  }, []);
  const onDrop = useCallback(
    (index: number) => {
      const id = draggingRef.current;
      onDragEnd();
      if (!id) return;
      applyCommand((s) => moveStep(s, id, index));
      announceMove(id);
    },
    [onDragEnd],
  );

  return (
    <section className="panel chronology-panel" aria-labelledby="chronology-heading">
      <h2 id="chronology-heading">Déroulé chronologique</h2>
      {steps.length === 0 ? (
        <p className="hint">Aucune étape. « Ajouter une étape » pour commencer.</p>
      ) : (
        <ol className="chronology" aria-label="Déroulé chronologique">
          {steps.map((step, i) => (
            <ChronologyItem
              key={step.id}
              step={step}
              index={i}
              selected={selected.has(step.id)}
              highlighted={highlighted.has(step.id)}
              conflict={conflicts.get(step.id)}
              over={over === i}
              dragging={dragging === step.id}
              onFocusStep={onFocusStep}
              onDragStart={onDragStart}
              onDragOver={onDragOver}
              onDrop={onDrop}
              onDragEnd={onDragEnd}
            />
          ))}
        </ol>
      )}
    </section>
  );
});
