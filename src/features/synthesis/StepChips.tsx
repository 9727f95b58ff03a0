import type { Session } from '../../domain/types';
import { useViewStore } from '../../state/viewStore';

/** Shows step `number` on the conduct map, selected. */
export function goToStep(session: Session, number: number) {
  const step = session.steps[number - 1];
  if (!step) return;
  const view = useViewStore.getState();
  view.setTab('conduite');
  view.select([step.id], 'step');
}

/** The numbers of the steps a sentence of the Synthèse speaks of, each a way to that step. */
export function StepChips({ session, steps }: { session: Session; steps: readonly number[] }) {
  if (steps.length === 0) return null;
  return (
    <p className="indicator-steps">
      Étapes :{' '}
      {steps.map((n) => (
        <button key={n} type="button" className="step-chip" aria-label={`Aller à l'étape ${n}`} onClick={() => goToStep(session, n)}>
          {n}
        </button>
      ))}
    </p>
  );
}
