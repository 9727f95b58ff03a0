/** French labels for every enumeration of the domain, in one place. */
import type {
  ActorCategory, Answer, Aspect, AuthorRole, Channel, DocumentKind, EstablishmentKind, Formality, GapStatus, Marker,
  MaturityDomain, MaturityRating,
  NonUsageReason, NoteKind, NoteMap, Participation, ProjectStatus, RelationKind, StepKind, TimelineScale, TrinomeRole, Usage,
} from '../domain/enums';

export const TRINOME_ROLE_LABELS: Record<TrinomeRole, string> = {
  direction: 'Direction',
  'representant-salaries': 'Représentant·e des salarié·es',
  dsi: 'DSI',
};

export const AUTHOR_ROLE_LABELS: Record<AuthorRole, string> = {
  ...TRINOME_ROLE_LABELS,
  animation: 'Animation',
  autre: 'Autre',
};

export const ACTOR_CATEGORY_LABELS: Record<ActorCategory, string> = {
  'institution-nationale': 'Institutions nationales',
  'acteur-regional': 'Acteurs régionaux',
  groupement: 'Groupement / siège',
  direction: 'Direction',
  dsi: 'DSI / informatique',
  encadrement: 'Encadrement',
  'instance-projet': 'Instance de projet',
  professionnels: 'Professionnel·les',
  referents: 'Référent·es',
  'representants-personnel': 'Représentant·es du personnel',
  editeur: 'Éditeurs / industriels',
  usagers: 'Usager·es / patient·es',
  partenaires: 'Partenaires',
  accompagnement: 'Accompagnement',
  autre: 'Autre',
};

export const STEP_KIND_LABELS: Record<StepKind, string> = {
  lancement: 'Lancement / décision',
  financement: 'Financement',
  organisation: 'Organisation du projet',
  designation: 'Désignation de référent·es',
  'choix-solution': 'Choix de la solution',
  parametrage: 'Paramétrage',
  formation: 'Formation',
  deploiement: 'Déploiement / prise en main',
  reorganisation: 'Réorganisation',
  evaluation: "Évaluation / retour d'expérience",
  ajustement: 'Ajustements / remontées',
  'dialogue-social': 'Dialogue social',
  'mise-a-jour': 'Mise à jour de version',
  autre: 'Autre',
  incident: 'Incident',
  report: 'Report',
  contournement: 'Contournement',
  refus: 'Refus',
};

export const MARKER_LABELS: Record<Marker, string> = {
  documents: "Documents attestant l'étape",
  'utilisateurs-impliques': 'Utilisateur·rices impliqué·es',
  'irp-consultees': 'IRP consultées',
  experimentation: 'Expérimentation / pilote',
  'contrainte-externe': 'Contrainte externe',
  'utilisateurs-informes': 'Utilisateur·rices informé·es',
  'irp-informees': 'IRP informées',
};

export const PARTICIPATION_LABELS: Record<Participation, string> = {
  pilote: 'Pilote',
  contribue: 'Contribue',
  informe: 'Informé·e',
};

/** A relation as the verb between its two actors: `ARS` finance `Groupement`. */
export const RELATION_KIND_VERBS: Record<RelationKind, string> = {
  finance: 'finance',
  prescrit: 'prescrit à',
  pilote: 'pilote',
  fournit: 'fournit',
  forme: 'forme',
  accompagne: 'accompagne',
  informe: 'informe',
  consulte: 'consulte',
  utilise: 'utilise',
  remonte: 'remonte à',
  coopere: 'coopère avec',
  autre: 'est en relation avec',
};

/** The kind of a relation in a list or a legend: its verb (`Coopère avec`), `Autre` for the other ones. */
export const RELATION_KIND_LABELS: Record<RelationKind, string> = {
  finance: 'Finance',
  prescrit: 'Prescrit à',
  pilote: 'Pilote',
  fournit: 'Fournit',
  forme: 'Forme',
  accompagne: 'Accompagne',
  informe: 'Informe',
  consulte: 'Consulte',
  utilise: 'Utilise',
  remonte: 'Remonte à',
  coopere: 'Coopère avec',
  autre: 'Autre',
};

/** A relation told as a sentence: `ARS finance Groupement`, `DSI coopère avec Groupe de travail`. */
export const relationSentence = (from: string, kind: RelationKind, to: string): string => `${from} ${RELATION_KIND_VERBS[kind]} ${to}`;

export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  constat: 'Constat',
  difficulte: 'Difficulté',
  levier: 'Levier',
  question: 'Question',
};

export const NOTE_MAP_LABELS: Record<NoteMap, string> = {
  conduite: 'Conduite de projet',
  acteurs: 'Acteurs',
};

export const ESTABLISHMENT_KIND_LABELS: Record<EstablishmentKind, string> = {
  sanitaire: 'Sanitaire',
  'medico-social': 'Médico-social',
  social: 'Social',
  groupement: 'Groupement',
  autre: 'Autre',
};

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  passe: 'Passé',
  'en-cours': 'En cours',
  'a-venir': 'À venir',
};

export const TIMELINE_SCALE_LABELS: Record<TimelineScale, string> = {
  annee: 'Année',
  trimestre: 'Trimestre',
  mois: 'Mois',
};

// Version 2 of the format.
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  'appel-a-projets': 'Appel à projets',
  'cahier-des-charges': 'Cahier des charges',
  devis: 'Devis',
  'compte-rendu': 'Compte rendu',
  convention: 'Convention',
  'support-formation': 'Support de formation',
  autre: 'Autre document',
};

export const USAGE_LABELS: Record<Usage, string> = {
  utilisateur: 'Utilisateur·rice',
  partiel: 'Usage partiel',
  'non-utilisateur': 'Non-utilisateur·rice',
};

export const NON_USAGE_LABELS: Record<NonUsageReason, string> = {
  resistant: 'Résistant·e',
  decu: 'Déçu·e',
  exclu: 'Exclu·e',
  autre: 'Autre raison',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  logiciel: 'Dans le logiciel',
  messagerie: 'Messagerie',
  telephone: 'Téléphone',
  oral: 'Oral',
  papier: 'Papier',
  reunion: 'Réunion',
};

export const FORMALITY_LABELS: Record<Formality, string> = {
  prescrite: 'Prescrite',
  observee: 'Observée (informelle)',
};

export const ANSWER_LABELS: Record<Answer, string> = {
  repondu: 'Répondu',
  partiel: 'Réponse partielle',
  'sans-reponse': 'Sans réponse',
  'hors-perimetre': 'Hors périmètre',
};

export const ASPECT_LABELS: Record<Aspect, string> = {
  conditions: 'Conditions de travail',
  contenu: 'Contenu du travail',
  expression: "Capacité d'expression et d'action",
  'qualite-soins': 'Qualité des soins',
  'qualite-travail': 'Qualité du travail',
  'qualite-donnees': 'Qualité des données',
};

export const GAP_STATUS_LABELS: Record<GapStatus, string> = {
  ecarte: 'Écartée',
  planifie: 'Planifiée',
};

export const MATURITY_DOMAIN_LABELS: Record<MaturityDomain, string> = {
  pilotage: "Pilotage, organisation et suivi de l'activité",
  'partage-informations': "Partage d'informations et collaboration",
  'prise-en-charge': 'Nouvelles modalités de prise en charge',
  'objets-connectes': 'Objets connectés',
  equipements: "Équipements et outils qui améliorent l'intervention",
  'relation-usagers': 'Relation entre professionnel·les et usager·es',
  'accompagnement-publics': 'Accompagnement numérique des publics',
};

/** Short names of the domains, for the radar's axes. */
export const MATURITY_DOMAIN_SHORT: Record<MaturityDomain, string> = {
  pilotage: 'Pilotage',
  'partage-informations': 'Partage',
  'prise-en-charge': 'Prise en charge',
  'objets-connectes': 'Objets connectés',
  equipements: 'Équipements',
  'relation-usagers': 'Relation usager·es',
  'accompagnement-publics': 'Accompagnement',
};

export const MATURITY_RATING_LABELS: Record<MaturityRating, string> = {
  0: '0 Absent',
  1: '1 Envisagé',
  2: '2 En cours',
  3: '3 Développé',
  nsp: 'Ne sait pas',
};
