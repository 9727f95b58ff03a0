/** Enumerations of the session format, version 2 (docs/format/session.schema.v2.json). */

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
  // Version 2: events, drawn as what happened to the project, not as planned work.
  'incident', 'report', 'contournement', 'refus',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const EVENT_STEP_KINDS: readonly StepKind[] = ['incident', 'report', 'contournement', 'refus'];
export const isEventKind = (kind: StepKind) => EVENT_STEP_KINDS.includes(kind);

export const MARKERS = [
  'documents', 'utilisateurs-impliques', 'irp-consultees', 'experimentation', 'contrainte-externe',
  // Version 2: told, not involved; informed, not consulted.
  'utilisateurs-informes', 'irp-informees',
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

// Version 2.
export const DOCUMENT_KINDS = ['appel-a-projets', 'cahier-des-charges', 'devis', 'compte-rendu', 'convention', 'support-formation', 'autre'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const USAGES = ['utilisateur', 'partiel', 'non-utilisateur'] as const;
export type Usage = (typeof USAGES)[number];

export const NON_USAGE_REASONS = ['resistant', 'decu', 'exclu', 'autre'] as const;
export type NonUsageReason = (typeof NON_USAGE_REASONS)[number];

export const CHANNELS = ['logiciel', 'messagerie', 'telephone', 'oral', 'papier', 'reunion'] as const;
export type Channel = (typeof CHANNELS)[number];

export const FORMALITIES = ['prescrite', 'observee'] as const;
export type Formality = (typeof FORMALITIES)[number];

/** What became of a feedback (`remonte`) relation. */
export const ANSWERS = ['repondu', 'partiel', 'sans-reponse', 'hors-perimetre'] as const;
export type Answer = (typeof ANSWERS)[number];

/** The three aspects of quality of working life (QVCT) and the three qualities a note may speak of. */
export const ASPECTS = ['conditions', 'contenu', 'expression', 'qualite-soins', 'qualite-travail', 'qualite-donnees'] as const;
export type Aspect = (typeof ASPECTS)[number];

/** The holes of a project's conduct that the rules look for (see domain/gaps.ts). */
export const GAP_RULES = [
  'analyse-besoins', 'irp-avant-deploiement', 'evaluation-apres-deploiement', 'evaluation-sans-utilisateurs',
  'suite-formation', 'canal-ajustements', 'mise-a-jour-sans-information',
] as const;
export type GapRule = (typeof GAP_RULES)[number];

/** What the trinôme decided about a hole: set aside (with a reason), or planned as a step. */
export const GAP_STATUSES = ['ecarte', 'planifie'] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];

/** The seven domains of digital maturity of the training-needs study (the Regards tab's grid). */
export const MATURITY_DOMAINS = [
  'pilotage', 'partage-informations', 'prise-en-charge', 'objets-connectes', 'equipements', 'relation-usagers', 'accompagnement-publics',
] as const;
export type MaturityDomain = (typeof MATURITY_DOMAINS)[number];

/** A rating of a domain: 0 absent, 1 envisaged, 2 under way, 3 developed; `nsp`: does not know. */
export const MATURITY_RATINGS = [0, 1, 2, 3, 'nsp'] as const;
export type MaturityRating = (typeof MATURITY_RATINGS)[number];

/** Institutional events of an establishment's life (the stack of temporalities): calls for projects, committees, certification, regulatory deadlines. */
export const INSTITUTIONAL_EVENT_KINDS = ['appel-a-projets', 'comite', 'certification', 'echeance-reglementaire', 'autre'] as const;
export type InstitutionalEventKind = (typeof INSTITUTIONAL_EVENT_KINDS)[number];
