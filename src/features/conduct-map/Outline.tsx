import { memo, useState } from 'react';
import { addStep, deleteSteps, moveStepBy, updateStep } from '../../domain/commands/conduct';
import { draftFromStep, emptyStepDraft, normalizeDate } from '../../domain/commands/stepInput';
import { validateStepDraft } from './messages';
import { STEP_KINDS, type StepKind } from '../../domain/enums';
import { newId } from '../../domain/ids';
import type { Session, Step } from '../../domain/types';
import { MARKER_LABELS, PARTICIPATION_LABELS, STEP_KIND_LABELS } from '../../i18n/labels';
import { applyCommand as apply, useDocumentStore } from '../../state/documentStore';
import { useViewStore } from '../../state/viewStore';
import { NewRowForm, TextCell } from '../../ui/OutlineParts';

const StepRow = memo(function StepRow({ step, index, count, session }: { step: Step; index: number; count: number; session: Session }) {
  const n = index + 1;
  const laneIds = session.lanes.map((l) => l.id);
  const fieldProblem = (patch: Partial<ReturnType<typeof draftFromStep>>, key: 'title' | 'date') =>
    validateStepDraft({ ...draftFromStep(step), ...patch }, laneIds)[key] ?? null;
  const actorName = (id: string) => session.actors.find((a) => a.id === id)?.name ?? id;
  return (
    <tr>
      <th scope="row">{n}</th>
      <td>
        <TextCell key={step.title} label={`Titre de l'étape ${n}`} value={step.title} check={(v) => fieldProblem({ title: v }, 'title')} onCommit={(v) => apply((s) => updateStep(s, step.id, { title: v.trim() }))} />
      </td>
      <td>
        <TextCell
          key={step.date ?? ''}
          label={`Date de l'étape ${n}`}
          value={step.date ?? ''}
          check={(v) => fieldProblem({ date: v }, 'date')}
          onCommit={(v) => apply((s) => updateStep(s, step.id, { date: normalizeDate(v) || undefined }))}
        />
      </td>
      <td>
        <select aria-label={`Couloir de l'étape ${n}`} value={step.laneId} onChange={(e) => apply((s) => updateStep(s, step.id, { laneId: e.target.value }))}>
          {session.lanes.map((l) => <option key={l.id} value={l.id}>{l.label}</option>)}
        </select>
      </td>
      <td>
        <select aria-label={`Type de l'étape ${n}`} value={step.kind} onChange={(e) => apply((s) => updateStep(s, step.id, { kind: e.target.value as StepKind }))}>
          {STEP_KINDS.map((k) => <option key={k} value={k}>{STEP_KIND_LABELS[k]}</option>)}
        </select>
      </td>
      <td>{step.markers.map((m) => MARKER_LABELS[m]).join(', ') || '—'}</td>
      <td>{step.participants.map((p) => `${actorName(p.actorId)} (${PARTICIPATION_LABELS[p.role].toLowerCase()})`).join(', ') || '—'}</td>
      <td className="row-actions">
        <button type="button" aria-label={`Monter l'étape ${n}`} disabled={index === 0} onClick={() => apply((s) => moveStepBy(s, step.id, -1))}>↑</button>
        <button type="button" aria-label={`Descendre l'étape ${n}`} disabled={index === count - 1} onClick={() => apply((s) => moveStepBy(s, step.id, 1))}>↓</button>
        <button type="button" aria-label={`Modifier l'étape ${n} (marqueurs, participants…)`} onClick={() => useViewStore.getState().select([step.id], 'step')}>✎</button>
        <button
          type="button"
          aria-label={`Supprimer l'étape ${n}`}
          onClick={() => {
            apply((s) => deleteSteps(s, [step.id]));
            useViewStore.getState().announce(`Étape ${n} supprimée (Ctrl+Z pour annuler).`);
          }}
        >
          ✕
        </button>
      </td>
    </tr>
  );
});

/** The conduct map as an editable table, in sync with the canvas (`Vue liste`). */
export function ConductOutline({ session }: { session: Session }) {
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [lane, setLane] = useState(session.lanes[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const laneId = session.lanes.some((l) => l.id === lane) ? lane : (session.lanes[0]?.id ?? '');
  return (
    <div className="outline" role="region" aria-label="Vue liste de la conduite de projet">
      <table className="outline-table">
        <caption>Étapes de la conduite de projet</caption>
        <thead>
          <tr>
            <th scope="col">N°</th>
            <th scope="col">Titre</th>
            <th scope="col">Date</th>
            <th scope="col">Couloir</th>
            <th scope="col">Type</th>
            <th scope="col">Marqueurs</th>
            <th scope="col">Participants</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {session.steps.map((step, i) => <StepRow key={step.id} step={step} index={i} count={session.steps.length} session={session} />)}
        </tbody>
      </table>
      <NewRowForm
        legend="Nouvelle étape"
        submitLabel="Ajouter l'étape"
        error={error}
        onSubmit={() => {
          const draft = { ...emptyStepDraft(laneId), title, date };
          const errors = validateStepDraft(draft, session.lanes.map((l) => l.id));
          const first = errors.title ?? errors.date ?? errors.laneId;
          if (first) {
            setError(first);
            return;
          }
          const step: Step = { id: newId('etape'), title: title.trim(), ...(date.trim() ? { date: normalizeDate(date) } : {}), laneId, kind: 'autre', markers: [], participants: [] };
          apply((s) => addStep(s, step));
          const n = (useDocumentStore.getState().session?.steps.findIndex((s) => s.id === step.id) ?? -1) + 1;
          useViewStore.getState().announce(`Étape ${n} ajoutée au couloir ${session.lanes.find((l) => l.id === laneId)?.label ?? ''}.`);
          setTitle('');
          setDate('');
          setError(null);
        }}
      >
        <input aria-label="Titre de la nouvelle étape" value={title} onChange={(e) => { setTitle(e.target.value); setError(null); }} />
        <input aria-label="Date de la nouvelle étape" value={date} placeholder="2022-04" onChange={(e) => { setDate(e.target.value); setError(null); }} />
        <select aria-label="Couloir de la nouvelle étape" value={laneId} onChange={(e) => setLane(e.target.value)}>
          {session.lanes.map((l) => <option key={l.id} value={l.id}>{l.label}</option>)}
        </select>
      </NewRowForm>
    </div>
  );
}
