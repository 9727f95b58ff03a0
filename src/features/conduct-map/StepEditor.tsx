import { memo, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { addStep, deleteSteps, updateStep } from '../../domain/commands/conduct';
import { samePlain } from '../../domain/commands/shared';
import {
  draftFromStep, emptyStepDraft, stepFromDraft, type StepDraft, type StepDraftErrors,
} from '../../domain/commands/stepInput';
import { validateStepDraft } from './messages';
import { DOCUMENT_KINDS, MARKERS, PARTICIPATIONS, STEP_KINDS, isEventKind, type DocumentKind, type Marker, type Participation, type StepKind } from '../../domain/enums';
import { newId } from '../../domain/ids';
import type { Actor, Lane, Session, Step } from '../../domain/types';
import { DOCUMENT_KIND_LABELS, MARKER_LABELS, PARTICIPATION_LABELS, STEP_KIND_LABELS } from '../../i18n/labels';
import { MARKER_ICONS, STEP_KIND_VISUALS } from '../../i18n/visuals';
import { useDocumentStore } from '../../state/documentStore';
import { useViewStore } from '../../state/viewStore';

interface Props {
  session: Session;
  /** The step to edit; absent for a new step. */
  step?: Step;
  number?: number;
  onClose: () => void;
}

/** Entrée in this field would submit the form (a text-like input; not a list, a box or a button). */
function submitsOnEnter(e: KeyboardEvent<HTMLFormElement>): boolean {
  const field = e.target;
  if (!(field instanceof HTMLInputElement) || e.nativeEvent.isComposing) return false;
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'range', 'image'].includes(field.type);
}

/**
 * The step editor: every field of a step, checked as it is typed; nothing is saved until it is
 * valid, and saving is one command. Entrée saves; for a new step the form then starts the next.
 */
export function StepEditor({ session, step, number, onClose }: Props) {
  const apply = useDocumentStore((s) => s.apply);
  const announce = useViewStore((s) => s.announce);
  const defaultLane = session.lanes[0]?.id ?? '';
  const [draft, setDraft] = useState<StepDraft>(() => (step ? draftFromStep(step) : emptyStepDraft(defaultLane)));
  const [errors, setErrors] = useState<StepDraftErrors>({});
  // The step changed under the form (saved, undone, moved on the map): the form shows it again.
  // (Reset here rather than by remounting the form, which rebuilt every field at each save.)
  // The fields typed in and not saved yet are kept: in the workshop room another laptop may save
  // another field of this step meanwhile, and both edits are kept.
  const [shown, setShown] = useState(step);
  const [touched, setTouched] = useState<ReadonlySet<keyof StepDraft>>(() => new Set());
  // What the form holds as saved: what was last drawn from the step, or last saved from here.
  const [saved, setSaved] = useState<StepDraft>(draft);
  if (step !== shown) {
    const sameStep = step !== undefined && shown !== undefined && step.id === shown.id;
    setShown(step);
    const fresh = step ? draftFromStep(step) : emptyStepDraft(defaultLane);
    setSaved(fresh);
    if (sameStep && touched.size > 0) {
      setDraft({ ...fresh, ...Object.fromEntries([...touched].map((k) => [k, draft[k]])) });
    } else {
      setDraft(fresh);
      setErrors({});
      if (touched.size > 0) setTouched(new Set());
    }
  }
  const titleRef = useRef<HTMLInputElement>(null);
  const uid = useId();
  const ids = (name: string) => `${uid}-${name}`;

  // A new step starts with its title; editing a selected step leaves the focus where it was.
  const isNew = !step;
  useEffect(() => {
    if (isNew) titleRef.current?.focus();
  }, [isNew]);

  const laneIds = session.lanes.map((l) => l.id);
  const set = <K extends keyof StepDraft>(key: K, value: StepDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
    if (errors[key as keyof StepDraftErrors]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const found = validateStepDraft(draft, laneIds);
    const firstBad = (Object.keys(found) as (keyof StepDraftErrors)[]).find((k) => found[k]);
    // No error shown and none found: the form is not redrawn for nothing.
    if (firstBad || Object.values(errors).some(Boolean)) setErrors(found);
    if (firstBad) {
      document.getElementById(ids(firstBad))?.focus();
      return;
    }
    const lane = session.lanes.find((l) => l.id === draft.laneId);
    setTouched(new Set());
    if (step) {
      const next = stepFromDraft(draft, step.id);
      // Only the fields changed in the form are saved (a cleared one as undefined, which removes
      // it): the step the form was last drawn with may be behind the document, when another
      // laptop of the workshop room has just saved another of its fields (its redraw held back).
      const before = stepFromDraft(saved, step.id);
      setSaved(draft);
      const changes: Partial<Record<keyof Step, unknown>> = {};
      for (const key of new Set([...Object.keys(before), ...Object.keys(next)]) as Set<keyof Step>) {
        if (key !== 'id' && !samePlain(before[key], next[key])) changes[key] = next[key];
      }
      apply((s) => updateStep(s, step.id, changes as Partial<Step>));
      announce(`Étape ${number ?? ''} enregistrée.`);
    } else {
      const created = stepFromDraft(draft, newId('etape'));
      apply((s) => addStep(s, created));
      useViewStore.getState().requestView(created.id, 'reveal');
      const index = (useDocumentStore.getState().session?.steps.findIndex((s) => s.id === created.id) ?? -1) + 1;
      announce(`Étape ${index} ajoutée au couloir ${lane?.label ?? ''}.`);
      setDraft({ ...emptyStepDraft(draft.laneId), kind: draft.kind });
      setErrors({});
      titleRef.current?.focus();
    }
  };

  const remove = () => {
    if (!step) return;
    apply((s) => deleteSteps(s, [step.id]));
    useViewStore.getState().select([]);
    announce(`Étape ${number ?? ''} supprimée (Ctrl+Z pour annuler).`);
  };

  const toggleMarker = (m: Marker, on: boolean) =>
    set('markers', on ? MARKERS.filter((x) => x === m || draft.markers.includes(x)) : draft.markers.filter((x) => x !== m));

  const participants = draft.participants;
  const freeActors = session.actors.filter((a) => !participants.some((p) => p.actorId === a.id));
  // A string, so that the lists of actors below are drawn again only when who takes part changes.
  const takenActors = participants.map((p) => p.actorId).join('\n');
  const err = (key: keyof StepDraftErrors) =>
    errors[key] ? <p id={ids(`${key}-error`)} className="field-error">{errors[key]}</p> : null;
  const described = (key: keyof StepDraftErrors, hint?: string) => {
    const list = [errors[key] ? ids(`${key}-error`) : '', hint ?? ''].filter(Boolean).join(' ');
    return { 'aria-invalid': errors[key] ? true : undefined, 'aria-describedby': list || undefined };
  };

  return (
    <section className="panel step-editor" aria-labelledby={ids('heading')}>
      <h2 id={ids('heading')}>{step ? `Étape ${number ?? ''}` : 'Nouvelle étape'}</h2>
      {session.lanes.length === 0 && <p className="field-error">Ajoutez d'abord un couloir (« Ajouter un couloir »).</p>}
      <form
        className="form"
        noValidate
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          } else if (e.key === 'Enter' && submitsOnEnter(e)) {
            // Entrée in a field saves at once, without the browser's form submission, which reads
            // the whole form (every option of every list) before the page hears of it.
            e.preventDefault();
            submit();
          }
        }}
      >
        <label htmlFor={ids('title')}>Titre</label>
        <input
          id={ids('title')}
          ref={titleRef}
          value={draft.title}
          maxLength={200}
          onChange={(e) => set('title', e.target.value)}
          {...described('title')}
        />
        {err('title')}

        <div className="form-row">
          <div>
            <label htmlFor={ids('date')}>Date</label>
            <input
              id={ids('date')}
              value={draft.date}
              placeholder="2022, 2022-04 ou 2022-04-15"
              inputMode="numeric"
              onChange={(e) => set('date', e.target.value)}
              {...described('date', ids('date-hint'))}
            />
            {err('date')}
          </div>
          <div>
            <label htmlFor={ids('planned')}>Date prévue</label>
            <input
              id={ids('planned')}
              value={draft.planned}
              placeholder="facultative"
              inputMode="numeric"
              onChange={(e) => set('planned', e.target.value)}
              {...described('planned', ids('date-hint'))}
            />
            {err('planned')}
          </div>
        </div>
        <p id={ids('date-hint')} className="hint">
          Une année, un mois ou un jour ; laisser vide si la date est inconnue. « Date » : ce qui s'est passé ; « Date prévue » : ce qui était prévu.
        </p>

        <div className="form-row">
          <div>
            <label htmlFor={ids('dateLabel')}>Libellé de date</label>
            <input
              id={ids('dateLabel')}
              value={draft.dateLabel}
              maxLength={60}
              placeholder="Début 2022"
              onChange={(e) => set('dateLabel', e.target.value)}
              {...described('dateLabel')}
            />
            {err('dateLabel')}
          </div>
          <div>
            <label htmlFor={ids('endDate')}>Date de fin</label>
            <input
              id={ids('endDate')}
              value={draft.endDate}
              placeholder="facultative"
              onChange={(e) => set('endDate', e.target.value)}
              {...described('endDate')}
            />
            {err('endDate')}
          </div>
        </div>

        <label htmlFor={ids('laneId')}>Couloir</label>
        <select id={ids('laneId')} value={draft.laneId} onChange={(e) => set('laneId', e.target.value)} {...described('laneId')}>
          {session.lanes.length === 0 && <option value="">Aucun couloir</option>}
          <LaneOptions lanes={session.lanes} />
        </select>
        {err('laneId')}

        <label htmlFor={ids('kind')}>Type d'étape</label>
        <select id={ids('kind')} value={draft.kind} onChange={(e) => set('kind', e.target.value as StepKind)}>
          <optgroup label="Étapes du projet">
            {STEP_KINDS.filter((k) => !isEventKind(k)).map((k) => (
              <option key={k} value={k}>{`${STEP_KIND_VISUALS[k].icon} ${STEP_KIND_LABELS[k]}`}</option>
            ))}
          </optgroup>
          <optgroup label="Événements">
            {STEP_KINDS.filter(isEventKind).map((k) => (
              <option key={k} value={k}>{`${STEP_KIND_VISUALS[k].icon} ${STEP_KIND_LABELS[k]}`}</option>
            ))}
          </optgroup>
        </select>

        <fieldset>
          <legend>Marqueurs</legend>
          {MARKERS.map((m) => (
            <label key={m} className="check">
              <input type="checkbox" checked={draft.markers.includes(m)} onChange={(e) => toggleMarker(m, e.target.checked)} />
              <span aria-hidden="true" className="marker-icon">{MARKER_ICONS[m]}</span>
              {MARKER_LABELS[m]}
            </label>
          ))}
        </fieldset>

        <fieldset>
          <legend>Documents</legend>
          {draft.documents.length === 0 && <p className="hint">Aucun document nommé (appel à projets, cahier des charges, compte rendu…).</p>}
          {draft.documents.map((d, i) => (
            <div key={i} className="document-row">
              <input
                aria-label={`Intitulé du document ${i + 1}`}
                value={d.title}
                maxLength={200}
                placeholder="Intitulé du document"
                onChange={(e) => set('documents', draft.documents.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))}
              />
              <select
                aria-label={`Type du document ${i + 1}`}
                value={d.kind}
                onChange={(e) => set('documents', draft.documents.map((x, j) => (j === i ? { ...x, kind: e.target.value as DocumentKind } : x)))}
              >
                {DOCUMENT_KINDS.map((k) => <option key={k} value={k}>{DOCUMENT_KIND_LABELS[k]}</option>)}
              </select>
              <button
                type="button"
                aria-label={`Retirer le document ${d.title.trim() ? `« ${d.title.trim()} »` : i + 1}`}
                onClick={() => set('documents', draft.documents.filter((_, j) => j !== i))}
              >
                Retirer
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set('documents', [...draft.documents, { title: '', kind: 'compte-rendu' }])}>
            Ajouter un document
          </button>
        </fieldset>

        <fieldset>
          <legend>Participants</legend>
          {session.actors.length === 0 && <p className="hint">Aucun acteur dans cet atelier : ajoutez-en dans l'onglet « Acteurs ».</p>}
          {participants.map((p, i) => {
            const actor = session.actors.find((a) => a.id === p.actorId);
            return (
              <div key={p.actorId} className="participant-row">
                <select
                  aria-label={`Acteur du participant ${i + 1}`}
                  value={p.actorId}
                  onChange={(e) => set('participants', participants.map((q, j) => (j === i ? { ...q, actorId: e.target.value } : q)))}
                >
                  <ActorOptions actors={session.actors} current={p.actorId} taken={takenActors} />
                </select>
                <select
                  aria-label={`Rôle de ${actor?.name ?? 'ce participant'}`}
                  value={p.role}
                  onChange={(e) => set('participants', participants.map((q, j) => (j === i ? { ...q, role: e.target.value as Participation } : q)))}
                >
                  {PARTICIPATIONS.map((r) => <option key={r} value={r}>{PARTICIPATION_LABELS[r]}</option>)}
                </select>
                <button
                  type="button"
                  aria-label={`Retirer ${actor?.name ?? 'ce participant'}`}
                  onClick={() => set('participants', participants.filter((_, j) => j !== i))}
                >
                  Retirer
                </button>
              </div>
            );
          })}
          {err('participants')}
          {freeActors.length > 0 && (
            <button
              type="button"
              onClick={() => set('participants', [...participants, { actorId: freeActors[0]!.id, role: 'contribue' }])}
            >
              Ajouter un participant
            </button>
          )}
        </fieldset>

        <label htmlFor={ids('description')}>Description</label>
        <textarea
          id={ids('description')}
          value={draft.description}
          rows={3}
          maxLength={5000}
          onChange={(e) => set('description', e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
          }}
          {...described('description')}
        />
        {err('description')}

        <div className="actions">
          {step && <button type="button" className="danger" onClick={remove}>Supprimer l'étape</button>}
          <button type="button" onClick={onClose}>{step ? 'Fermer' : 'Annuler'}</button>
          <button type="submit" className="primary">{step ? 'Enregistrer' : "Ajouter l'étape"}</button>
        </div>
      </form>
    </section>
  );
}

/*
 * The lists of lanes and actors are drawn again only when they change: not at each key typed in
 * another field, nor when a saved title comes back into the form. With a few hundred actors, each
 * participant's list is a few hundred options, most of what a save's redraw would cost.
 */
const LaneOptions = memo(function LaneOptions({ lanes }: { lanes: readonly Lane[] }) {
  return lanes.map((l) => <option key={l.id} value={l.id}>{l.label}</option>);
});

/** The actors a participant can be: this one, and those not already taking part (`taken`: their ids, one a line). */
const ActorOptions = memo(function ActorOptions({ actors, current, taken }: { actors: readonly Actor[]; current: string; taken: string }) {
  const others = new Set(taken.split('\n'));
  return actors.filter((a) => a.id === current || !others.has(a.id)).map((a) => <option key={a.id} value={a.id}>{a.name}</option>);
});
