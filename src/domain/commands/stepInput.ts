/**
 * The step editor's fields as typed by a user (strings), checked with French messages, and
 * turned into a step. `04/2022` and `15/04/2022` are accepted as French-style dates.
 */
import { comparePartialDates, isPartialDate, isRealDate } from '../dates';
import type { Marker, StepKind } from '../enums';
import type { Step, StepParticipant } from '../types';

export interface StepDraft {
  title: string;
  description: string;
  date: string;
  endDate: string;
  dateLabel: string;
  laneId: string;
  kind: StepKind;
  markers: Marker[];
  participants: StepParticipant[];
}

export type StepDraftErrors = Partial<Record<'title' | 'date' | 'endDate' | 'dateLabel' | 'laneId' | 'description' | 'participants', string>>;

export function emptyStepDraft(laneId: string): StepDraft {
  return { title: '', description: '', date: '', endDate: '', dateLabel: '', laneId, kind: 'autre', markers: [], participants: [] };
}

export function draftFromStep(step: Step): StepDraft {
  return {
    title: step.title,
    description: step.description ?? '',
    date: step.date ?? '',
    endDate: step.endDate ?? '',
    dateLabel: step.dateLabel ?? '',
    laneId: step.laneId,
    kind: step.kind,
    markers: [...step.markers],
    participants: step.participants.map((p) => ({ ...p })),
  };
}

/** `2022`, `2022-04`, `2022-04-15`, and the French `04/2022`, `15/04/2022`, `15/4/2022` → ISO partial date. */
export function normalizeDate(input: string): string {
  const t = input.trim();
  const fr = /^(?:(\d{1,2})[/.])?(\d{1,2})[/.](\d{4})$/.exec(t);
  if (fr) {
    const [, d, m, y] = fr;
    return `${y}-${m!.padStart(2, '0')}${d ? `-${d.padStart(2, '0')}` : ''}`;
  }
  return t;
}

const DATE_HELP = 'Date invalide : écrivez une année (2022), un mois (2022-04) ou un jour (2022-04-15).';
const length = (s: string) => [...s].length;

function dateProblem(raw: string): string | null {
  const d = normalizeDate(raw);
  if (!isPartialDate(d)) return DATE_HELP;
  if (!isRealDate(d)) return `Ce jour n'existe pas : ${raw.trim()}.`;
  return null;
}

export function validateStepDraft(draft: StepDraft, laneIds: readonly string[]): StepDraftErrors {
  const errors: StepDraftErrors = {};
  const title = draft.title.trim();
  if (!title) errors.title = 'Le titre est obligatoire.';
  else if (length(title) > 200) errors.title = 'Le titre ne doit pas dépasser 200 caractères.';
  if (draft.date.trim()) {
    const p = dateProblem(draft.date);
    if (p) errors.date = p;
  }
  if (draft.endDate.trim()) {
    const p = dateProblem(draft.endDate);
    if (p) errors.endDate = p;
    else if (!draft.date.trim()) errors.endDate = 'Une date de fin demande une date de début.';
    else if (!errors.date && comparePartialDates(normalizeDate(draft.endDate), normalizeDate(draft.date)) < 0) {
      errors.endDate = `La date de fin (${draft.endDate.trim()}) est avant la date de début (${draft.date.trim()}).`;
    }
  }
  if (length(draft.dateLabel.trim()) > 60) errors.dateLabel = 'Le libellé de date ne doit pas dépasser 60 caractères.';
  if (!laneIds.includes(draft.laneId)) errors.laneId = 'Choisissez un couloir.';
  if (length(draft.description.trim()) > 5000) errors.description = 'La description ne doit pas dépasser 5000 caractères.';
  const actors = draft.participants.map((p) => p.actorId);
  if (new Set(actors).size !== actors.length) errors.participants = "Un même acteur ne peut participer qu'une fois à une étape.";
  return errors;
}

export function stepFromDraft(draft: StepDraft, id: string): Step {
  const description = draft.description.trim();
  const date = normalizeDate(draft.date);
  const endDate = normalizeDate(draft.endDate);
  const dateLabel = draft.dateLabel.trim();
  return {
    id,
    title: draft.title.trim(),
    ...(description ? { description } : {}),
    ...(date ? { date } : {}),
    ...(endDate ? { endDate } : {}),
    ...(dateLabel ? { dateLabel } : {}),
    laneId: draft.laneId,
    kind: draft.kind,
    markers: [...new Set(draft.markers)],
    participants: draft.participants.map((p) => ({ ...p })),
  };
}
