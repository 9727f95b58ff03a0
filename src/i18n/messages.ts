/** French messages for the problem codes the domain's commands return. */
import type { ActorNameProblem, RelationProblem } from '../domain/commands/actors';
import type { NoteTextProblem } from '../domain/commands/notes';
import type { TitleProblem } from '../domain/session';

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
  'too-long': 'La note ne doit pas dépasser 5000 caractères.',
};
