/** Enumerations of the session format, version 1 (docs/format/session.schema.json). */

export const TRINOME_ROLES = ['direction', 'representant-salaries', 'dsi'] as const;
export type TrinomeRole = (typeof TRINOME_ROLES)[number];

export const AUTHOR_ROLES = ['direction', 'representant-salaries', 'dsi', 'animation', 'autre'] as const;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];

export const ACTOR_CATEGORIES = [
  'institution-nationale', 'acteur-regional', 'groupement', 'direction', 'dsi',
  'encadrement', 'instance-projet', 'professionnels', 'referents', 'representants-personnel',
  'editeur', 'usagers', 'partenaires', 'accompagnement', 'autre',
] as const;
export type ActorCategory = (typeof ACTOR_CATEGORIES)[number];

export const STEP_KINDS = [
  'lancement', 'financement', 'organisation', 'designation', 'choix-solution',
  'parametrage', 'formation', 'deploiement', 'reorganisation', 'evaluation',
  'ajustement', 'dialogue-social', 'mise-a-jour', 'autre',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const MARKERS = [
  'documents', 'utilisateurs-impliques', 'irp-consultees', 'experimentation', 'contrainte-externe',
] as const;
export type Marker = (typeof MARKERS)[number];

export const PARTICIPATIONS = ['pilote', 'contribue', 'informe'] as const;
export type Participation = (typeof PARTICIPATIONS)[number];

export const RELATION_KINDS = [
  'finance', 'prescrit', 'pilote', 'fournit', 'forme', 'accompagne',
  'informe', 'consulte', 'utilise', 'remonte', 'coopere', 'autre',
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export const NOTE_KINDS = ['constat', 'difficulte', 'levier', 'question'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const NOTE_MAPS = ['conduite', 'acteurs'] as const;
export type NoteMap = (typeof NOTE_MAPS)[number];

export const ESTABLISHMENT_KINDS = ['sanitaire', 'medico-social', 'social', 'groupement', 'autre'] as const;
export type EstablishmentKind = (typeof ESTABLISHMENT_KINDS)[number];

export const PROJECT_STATUSES = ['passe', 'en-cours', 'a-venir'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const TIMELINE_SCALES = ['annee', 'trimestre', 'mois'] as const;
export type TimelineScale = (typeof TIMELINE_SCALES)[number];
