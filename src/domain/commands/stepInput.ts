/**
 * The step editor's fields as typed by a user (strings), checked (problems as codes; their French
 * messages: i18n/messages.ts), and turned into a step. `04/2022` and `15/04/2022` are accepted as
 * French-style dates.
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
  /** What was planned (version 2), as typed. */
  planned: string;
  documents: NonNullable<Step['documents']>;
}

export type StepDraftField = 'title' | 'date' | 'endDate' | 'dateLabel' | 'laneId' | 'description' | 'participants' | 'planned';

/** What is wrong with a field of the step editor. */
export type StepDraftProblem =
  | { code: 'required' }
  | { code: 'too-long'; max: number }
  | { code: 'bad-date' }
  | { code: 'no-such-day'; value: string }
  | { code: 'end-without-start' }
  | { code: 'end-before-start'; end: string; start: string }
  | { code: 'unknown-lane' }
  | { code: 'duplicate-participant' };

export type StepDraftProblems = Partial<Record<StepDraftField, StepDraftProblem>>;

/** The problems in words, one message per field. */
export type StepDraftErrors = Partial<Record<StepDraftField, string>>;

export function emptyStepDraft(laneId: string): StepDraft {
  return { title: '', description: '', date: '', endDate: '', dateLabel: '', laneId, kind: 'autre', markers: [], participants: [], planned: '', documents: [] };
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
    planned: step.planned ?? '',
    documents: (step.documents ?? []).map((d) => ({ ...d })),
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

const length = (s: string) => [...s].length;

function dateProblem(raw: string): StepDraftProblem | null {
  const d = normalizeDate(raw);
  if (!isPartialDate(d)) return { code: 'bad-date' };
  if (!isRealDate(d)) return { code: 'no-such-day', value: raw.trim() };
  return null;
}

export function stepDraftProblems(draft: StepDraft, laneIds: readonly string[]): StepDraftProblems {
  const problems: StepDraftProblems = {};
  const title = draft.title.trim();
  if (!title) problems.title = { code: 'required' };
  else if (length(title) > 200) problems.title = { code: 'too-long', max: 200 };
  if (draft.date.trim()) {
    const p = dateProblem(draft.date);
    if (p) problems.date = p;
  }
  if (draft.endDate.trim()) {
    const p = dateProblem(draft.endDate);
    if (p) problems.endDate = p;
    else if (!draft.date.trim()) problems.endDate = { code: 'end-without-start' };
    else if (!problems.date && comparePartialDates(normalizeDate(draft.endDate), normalizeDate(draft.date)) < 0) {
      problems.endDate = { code: 'end-before-start', end: draft.endDate.trim(), start: draft.date.trim() };
    }
  }
  if (draft.planned.trim()) {
    const p = dateProblem(draft.planned);
    if (p) problems.planned = p;
  }
  if (length(draft.dateLabel.trim()) > 60) problems.dateLabel = { code: 'too-long', max: 60 };
  if (!laneIds.includes(draft.laneId)) problems.laneId = { code: 'unknown-lane' };
  if (length(draft.description.trim()) > 5000) problems.description = { code: 'too-long', max: 5000 };
  const actors = draft.participants.map((p) => p.actorId);
  if (new Set(actors).size !== actors.length) problems.participants = { code: 'duplicate-participant' };
  return problems;
}

export function stepFromDraft(draft: StepDraft, id: string): Step {
  const description = draft.description.trim();
  const date = normalizeDate(draft.date);
  const endDate = normalizeDate(draft.endDate);
  const dateLabel = draft.dateLabel.trim();
  const planned = normalizeDate(draft.planned);
  const documents = draft.documents.map((d) => ({ title: d.title.trim(), kind: d.kind })).filter((d) => d.title);
  // The `documents` marker says the step is attested: it follows the list when there is one.
  const markers = documents.length > 0 && !draft.markers.includes('documents') ? [...draft.markers, 'documents' as const] : draft.markers;
  return {
    id,
    title: draft.title.trim(),
    ...(description ? { description } : {}),
    ...(date ? { date } : {}),
    ...(endDate ? { endDate } : {}),
    ...(dateLabel ? { dateLabel } : {}),
    laneId: draft.laneId,
    kind: draft.kind,
    markers: [...new Set(markers)],
    participants: draft.participants.map((p) => ({ ...p })),
    ...(planned ? { planned } : {}),
    ...(documents.length ? { documents } : {}),
  };
}
