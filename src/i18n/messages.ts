/** French messages for the problem codes the domain's commands return. */
import type { ActorNameProblem, RelationProblem } from '../domain/commands/actors';
import type { NoteTextProblem } from '../domain/commands/notes';
import type { StepDraftField, StepDraftProblem } from '../domain/commands/stepInput';
import type { TitleProblem } from '../domain/session';
import { formatNumber } from './format';

export const RELATION_PROBLEM_MESSAGES: Record<RelationProblem, string> = {
  self: 'Une relation relie deux acteurs différents : un acteur ne peut pas être en relation avec lui-même.',
  duplicate: 'Cette relation existe déjà (même sens, même type).',
  'unknown-actor': "Choisissez deux acteurs de l'atelier.",
};

export const ACTOR_NAME_PROBLEM_MESSAGES: Record<ActorNameProblem, string> = {
  required: 'Le nom est obligatoire.',
  'too-long': 'Le nom ne doit pas dépasser 200 caractères.',
};

export const TITLE_PROBLEM_MESSAGES: Record<TitleProblem, string> = {
  required: "Le titre de l'atelier est obligatoire.",
  'too-long': 'Le titre ne doit pas dépasser 200 caractères.',
};

export const NOTE_TEXT_PROBLEM_MESSAGES: Record<NoteTextProblem, string> = {
  empty: 'La note est vide.',
  'too-long': `La note ne doit pas dépasser ${formatNumber(5000)} caractères.`,
};

/** How the step editor names a field in a message. */
const STEP_FIELD_NAMES: Record<StepDraftField, string> = {
  title: 'Le titre',
  date: 'La date',
  endDate: 'La date de fin',
  dateLabel: 'Le libellé de date',
  laneId: 'Le couloir',
  description: 'La description',
  participants: 'Les participants',
  planned: 'La date prévue',
};

/** The step editor's message for a problem of a field. */
export function stepDraftMessage(field: StepDraftField, problem: StepDraftProblem): string {
  switch (problem.code) {
    case 'required':
      return `${STEP_FIELD_NAMES[field]} est obligatoire.`;
    case 'too-long':
      return `${STEP_FIELD_NAMES[field]} ne doit pas dépasser ${formatNumber(problem.max)} caractères.`;
    case 'bad-date':
      return 'Date invalide : écrivez une année (2022), un mois (2022-04) ou un jour (2022-04-15).';
    case 'no-such-day':
      return `Ce jour n'existe pas : ${problem.value}.`;
    case 'end-without-start':
      return 'Une date de fin demande une date de début.';
    case 'end-before-start':
      return `La date de fin (${problem.end}) est avant la date de début (${problem.start}).`;
    case 'unknown-lane':
      return 'Choisissez un couloir.';
    case 'duplicate-participant':
      return "Un même acteur ne peut participer qu'une fois à une étape.";
  }
}
