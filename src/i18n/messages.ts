/** French messages for the problem codes the domain's commands return. */
import type { ActorNameProblem, RelationProblem } from '../domain/commands/actors';

export const RELATION_PROBLEM_MESSAGES: Record<RelationProblem, string> = {
  self: 'Une relation relie deux acteurs différents : un acteur ne peut pas être en relation avec lui-même.',
  duplicate: 'Cette relation existe déjà (même sens, même type).',
  'unknown-actor': "Choisissez deux acteurs de l'atelier.",
};

export const ACTOR_NAME_PROBLEM_MESSAGES: Record<ActorNameProblem, string> = {
  required: 'Le nom est obligatoire.',
  'too-long': 'Le nom ne doit pas dépasser 200 caractères.',
};
