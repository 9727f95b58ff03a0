/** The side panel of a missing step (a ghost selected on the map): why it matters, and Planifier or Écarter it. */
import { useId, useState, type FormEvent } from 'react';
import { isPartialDate, isRealDate } from '../../domain/dates';
import { normalizeDate } from '../../domain/commands/stepInput';
import { dismissGap, planGap, plannedStep, type Gap } from '../../domain/gaps';
import { newId } from '../../domain/ids';
import type { Session } from '../../domain/types';
import { formatPartialDate } from '../../i18n/dates';
import { frenchSpaces } from '../../i18n/format';
import { GAP_REASONS, GAP_TITLES } from '../../i18n/gaps';
import { STEP_KIND_LABELS } from '../../i18n/labels';
import { useDocumentStore } from '../../state/documentStore';
import { useViewStore } from '../../state/viewStore';

export function GapPanel({ session, gap }: { session: Session; gap: Gap }) {
  const apply = useDocumentStore((s) => s.apply);
  const id = useId();
  const [planned, setPlanned] = useState('');
  const [reason, setReason] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const lane = session.lanes.find((l) => l.id === gap.laneId);

  const plan = (e: FormEvent) => {
    e.preventDefault();
    const date = normalizeDate(planned);
    if (!isPartialDate(date) || !isRealDate(date)) {
      setDateError(frenchSpaces('Date prévue : écrivez une année, un mois ou un jour (2025, 2025-03 ou 15/03/2025).'));
      return;
    }
    const step = plannedStep(gap, { id: newId('etape'), title: GAP_TITLES[gap.rule], planned: date });
    apply((s) => planGap(s, gap.rule, step));
    const number = (useDocumentStore.getState().session?.steps.findIndex((s) => s.id === step.id) ?? -1) + 1;
    useViewStore.getState().select(number > 0 ? [step.id] : [], 'step');
    if (number > 0) useViewStore.getState().requestView(step.id, 'reveal');
    useViewStore.getState().announce(`Étape ${number} planifiée pour ${formatPartialDate(date)} : à venir (Ctrl+Z pour annuler).`);
  };

  const dismiss = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setReasonError('Indiquez pourquoi cette étape est écartée.');
      return;
    }
    apply((s) => dismissGap(s, gap.rule, reason));
    useViewStore.getState().select([]);
    useViewStore.getState().announce('Étape manquante écartée (Ctrl+Z pour annuler).');
  };

  return (
    <section className="panel gap-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Étape manquante</h2>
      <p className="gap-panel-title">{GAP_TITLES[gap.rule]}</p>
      <p className="hint">{frenchSpaces(`${STEP_KIND_LABELS[gap.kind]}${lane ? `, couloir ${lane.label}` : ''}`)}</p>
      <p>{frenchSpaces(GAP_REASONS[gap.rule])}</p>
      <form className="form" noValidate onSubmit={plan}>
        <label htmlFor={`${id}-planned`}>Date prévue</label>
        <input
          id={`${id}-planned`}
          value={planned}
          placeholder="2025, 2025-03 ou 2025-03-15"
          inputMode="numeric"
          aria-invalid={dateError ? true : undefined}
          aria-describedby={dateError ? `${id}-planned-error` : undefined}
          onChange={(e) => setPlanned(e.target.value)}
        />
        {dateError && <p id={`${id}-planned-error`} className="field-error" role="alert">{dateError}</p>}
        <div className="form-buttons"><button type="submit" className="primary">Planifier</button></div>
      </form>
      <form className="form" noValidate onSubmit={dismiss}>
        <label htmlFor={`${id}-reason`}>Raison</label>
        <textarea
          id={`${id}-reason`}
          value={reason}
          rows={2}
          maxLength={1000}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${id}-reason-error` : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {reasonError && <p id={`${id}-reason-error`} className="field-error" role="alert">{reasonError}</p>}
        <div className="form-buttons"><button type="submit">Écarter</button></div>
      </form>
    </section>
  );
}
