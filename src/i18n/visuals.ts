/**
 * Colours and icons of step kinds and markers. Colour is never the only carrier of meaning:
 * every kind and marker also has a glyph (drawn from DejaVu Sans) and a French label.
 */
import type { ActorCategory, AuthorRole, Marker, NoteKind, RelationKind, StepKind } from '../domain/enums';

export interface Visual {
  /** Fill of the node's kind band (text on it is dark: contrast ≥ 4.5:1). */
  color: string;
  icon: string;
}

export const STEP_KIND_VISUALS: Record<StepKind, Visual> = {
  lancement: { color: '#f4c95d', icon: '⚑' },
  financement: { color: '#9fd8a4', icon: '€' },
  organisation: { color: '#a9c8f0', icon: '❖' },
  designation: { color: '#c9b6ec', icon: '★' },
  'choix-solution': { color: '#f5b48a', icon: '☑' },
  parametrage: { color: '#b8c4d0', icon: '⚙' },
  formation: { color: '#f2a7c3', icon: '✎' },
  deploiement: { color: '#8fd3d1', icon: '▶' },
  reorganisation: { color: '#e3c48f', icon: '↻' },
  evaluation: { color: '#b7e07a', icon: '⚖' },
  ajustement: { color: '#d8d0a8', icon: '⇄' },
  'dialogue-social': { color: '#f28b82', icon: '✉' },
  'mise-a-jour': { color: '#9ec5e8', icon: '⇪' },
  autre: { color: '#d9d9d9', icon: '•' },
  // Events: what happened to the project (drawn with a hatched band, see styles.css and render/).
  incident: { color: '#fca5a5', icon: '⚡' },
  report: { color: '#fde68a', icon: '⇥' },
  contournement: { color: '#c4b5fd', icon: '↷' },
  refus: { color: '#fecaca', icon: '⊘' },
};

export const MARKER_ICONS: Record<Marker, string> = {
  documents: '▤',
  'utilisateurs-impliques': '☺',
  'irp-consultees': '⚐',
  experimentation: '⚗',
  'contrainte-externe': '⚠',
  'utilisateurs-informes': 'ⓘ',
  'irp-informees': '⚑',
};

/** Font stack used on screen and in exported images (self-contained, with safe fallbacks). */
export const FONT_STACK = "Inter, 'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";


export const ACTOR_CATEGORY_VISUALS: Record<ActorCategory, Visual> = {
  'institution-nationale': { color: '#c7d2fe', icon: '♜' },
  'acteur-regional': { color: '#bae6fd', icon: '⌂' },
  groupement: { color: '#ddd6fe', icon: '❖' },
  direction: { color: '#fde68a', icon: '⚑' },
  dsi: { color: '#cbd5e1', icon: '⚙' },
  encadrement: { color: '#fed7aa', icon: '☷' },
  'instance-projet': { color: '#a7f3d0', icon: '◎' },
  professionnels: { color: '#fbcfe8', icon: '☺' },
  referents: { color: '#e9d5ff', icon: '★' },
  'representants-personnel': { color: '#fecaca', icon: '⚐' },
  editeur: { color: '#fdba74', icon: '▣' },
  usagers: { color: '#bbf7d0', icon: '♥' },
  partenaires: { color: '#d9f99d', icon: '⇆' },
  accompagnement: { color: '#99f6e4', icon: '✚' },
  autre: { color: '#e5e7eb', icon: '•' },
};

/** Relation kinds differ by line style and arrow, not by colour alone. */
export const RELATION_KIND_VISUALS: Record<RelationKind, { color: string; dash: string; arrow: 'closed' | 'open' | 'none' | 'both'; width: number }> = {
  finance: { color: '#166534', dash: '', arrow: 'closed', width: 3 },
  prescrit: { color: '#7c2d12', dash: '10 4', arrow: 'closed', width: 2.5 },
  pilote: { color: '#1e3a8a', dash: '', arrow: 'closed', width: 2.5 },
  fournit: { color: '#9a3412', dash: '2 4', arrow: 'closed', width: 2.5 },
  forme: { color: '#6b21a8', dash: '8 3 2 3', arrow: 'closed', width: 2.5 },
  accompagne: { color: '#0f766e', dash: '6 6', arrow: 'open', width: 2 },
  informe: { color: '#475569', dash: '1 4', arrow: 'open', width: 2 },
  consulte: { color: '#b91c1c', dash: '12 4 2 4', arrow: 'open', width: 2 },
  utilise: { color: '#0369a1', dash: '', arrow: 'open', width: 2 },
  remonte: { color: '#a16207', dash: '4 3', arrow: 'closed', width: 2 },
  coopere: { color: '#334155', dash: '', arrow: 'both', width: 2 },
  autre: { color: '#64748b', dash: '3 3', arrow: 'none', width: 1.5 },
};

/** Author roles of notes: a colour and a short label, always shown together. */
export const AUTHOR_ROLE_VISUALS: Record<AuthorRole, { color: string; border: string; short: string }> = {
  direction: { color: '#fef3c7', border: '#b45309', short: 'DIR' },
  'representant-salaries': { color: '#fce7f3', border: '#be185d', short: 'RS' },
  dsi: { color: '#dbeafe', border: '#1d4ed8', short: 'DSI' },
  animation: { color: '#dcfce7', border: '#15803d', short: 'ANIM' },
  autre: { color: '#f3f4f6', border: '#4b5563', short: 'AUTRE' },
};

export const NOTE_KIND_ICONS: Record<NoteKind, string> = {
  constat: '◉',
  difficulte: '⚠',
  levier: '↗',
  question: '?',
};
