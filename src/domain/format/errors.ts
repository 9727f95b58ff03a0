/**
 * Turns zod issues into French messages that name the field in words and the item by its number and
 * id (`Date de fin de l'étape 4 « step-04 »`), and quote the value refused; the JSON path stays in
 * `path`, for tools.
 */
import type { z } from 'zod';
import type { DomainError } from '../result';

const TYPE_NAMES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  object: 'un objet',
  array: 'une liste',
  boolean: 'un booléen',
  undefined: 'absent',
  null: 'null',
};

/** `['session','steps',3,'date']` → `session.steps[3].date`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** An item of a list of the file, as the user knows it: `steps[3]` is « l'étape 4 ». */
const ITEMS: Record<string, [noun: string, of: string]> = {
  lanes: ['couloir', 'du couloir'],
  actors: ['acteur', "de l'acteur"],
  steps: ['étape', "de l'étape"],
  links: ['lien', 'du lien'],
  relations: ['relation', 'de la relation'],
  notes: ['note', 'de la note'],
  trinome: ['membre du trinôme', 'du membre du trinôme'],
  participants: ['participant', 'du participant'],
  markers: ['marqueur', 'du marqueur'],
  documents: ['document', 'du document'],
  aspects: ['aspect', "de l'aspect"],
  gaps: ['étape manquante revue', "de l'étape manquante revue"],
  objectives: ['objectif', "de l'objectif"],
  matches: ['correspondance', 'de la correspondance'],
  institutionalEvents: ['événement institutionnel', "de l'événement institutionnel"],
};

/** The fields of the file in words, and how a field inside them is attached (`date de l'atelier`). */
const FIELDS: Record<string, [noun: string, of?: string]> = {
  format: ['format'],
  version: ['version'],
  exportedAt: ["date d'export"],
  app: ['application'],
  session: ['atelier', "de l'atelier"],
  id: ['identifiant'],
  title: ['titre'],
  createdAt: ['date de création'],
  updatedAt: ['date de modification'],
  establishment: ['établissement', "de l'établissement"],
  project: ['projet', 'du projet'],
  workshop: ['atelier', "de l'atelier"],
  timeline: ['frise', 'de la frise'],
  name: ['nom'],
  kind: ['type'],
  region: ['région'],
  status: ['statut'],
  summary: ['résumé'],
  date: ['date'],
  endDate: ['date de fin'],
  dateLabel: ['libellé de date'],
  facilitator: ['animation'],
  place: ['lieu'],
  role: ['rôle'],
  start: ['début'],
  end: ['fin'],
  scale: ['échelle'],
  label: ['libellé'],
  actorId: ['acteur'],
  laneId: ['couloir'],
  category: ['catégorie'],
  description: ['description'],
  position: ['position', 'de la position'],
  x: ['abscisse'],
  y: ['ordonnée'],
  markers: ['liste des marqueurs'],
  participants: ['liste des participants'],
  from: ['origine'],
  to: ['destination'],
  text: ['texte'],
  authorRole: ["rôle de l'auteur·rice"],
  map: ['carte'],
  attachedTo: ['rattachement', 'du rattachement'],
  type: ['type'],
  lanes: ['liste des couloirs'],
  actors: ['liste des acteurs'],
  steps: ['liste des étapes'],
  links: ['liste des liens'],
  relations: ['liste des relations'],
  notes: ['liste des notes'],
  trinome: ['trinôme'],
  planned: ['date prévue'],
  documents: ['liste des documents'],
  usage: ['usage'],
  nonUsage: ['raison de non-usage'],
  usageNote: ["remarque sur l'usage"],
  channel: ['canal'],
  formality: ['formalité'],
  answer: ['suite donnée'],
  aspects: ['liste des aspects'],
  gaps: ['liste des étapes manquantes revues'],
  rule: ['règle'],
  reason: ['raison'],
  stepId: ['étape'],
  viewpoints: ['regards', 'des regards'],
  objectives: ['liste des objectifs'],
  matches: ['liste des correspondances'],
  maturity: ['grille de maturité', 'de la grille de maturité'],
  revealed: ['révélation des notes'],
  pilotage: ['domaine « pilotage »', 'du domaine « pilotage »'],
  'partage-informations': ["domaine « partage d'informations »", "du domaine « partage d'informations »"],
  'prise-en-charge': ['domaine « prise en charge »', 'du domaine « prise en charge »'],
  'objets-connectes': ['domaine « objets connectés »', 'du domaine « objets connectés »'],
  equipements: ['domaine « équipements »', 'du domaine « équipements »'],
  'relation-usagers': ['domaine « relation usager·es »', 'du domaine « relation usager·es »'],
  'accompagnement-publics': ['domaine « accompagnement des publics »', 'du domaine « accompagnement des publics »'],
  direction: ['note de la direction'],
  'representant-salaries': ['note des représentant·es des salarié·es'],
  dsi: ['note de la DSI'],
  collective: ['action collective', "de l'action collective"],
  aract: ['Aract'],
  institutionalEvents: ['liste des événements institutionnels'],
};

/**
 * Where a problem is, in words: `['session','steps',3,'date']` → `Date de l'étape 4 « step-04 »`,
 * `['session','title']` → `Titre de l'atelier`; a key the format does not know is quoted as it is.
 */
export function describePath(path: readonly PropertyKey[], input: unknown): string {
  // From the outside in: each part as a noun (when it is the field itself) and as a complement.
  const parts: { noun: string; of: string }[] = [];
  let node: unknown = input;
  path.forEach((part, i) => {
    node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[part as string] : undefined;
    const key = String(part);
    if (typeof part === 'number') {
      const list = String(path[i - 1]);
      const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      const quoted = typeof id === 'string' && id.length <= 64 ? ` « ${id} »` : '';
      const item = Object.hasOwn(ITEMS, list) ? ITEMS[list] : undefined;
      const [noun, of] = item ?? ['élément', "de l'élément"];
      // The item names its list: `étape 4`, not `étape 4 de la liste des étapes`.
      if (item && parts.length > 0) parts.pop();
      parts.push({ noun: `${noun} ${part + 1}${quoted}`, of: `${of} ${part + 1}${quoted}` });
      return;
    }
    const known = Object.hasOwn(FIELDS, key) ? FIELDS[key] : undefined;
    const noun = known?.[0] ?? `champ « ${key} »`;
    parts.push({ noun, of: known?.[1] ?? `de ${noun}` });
  });
  // The session is the whole workshop: said only when nothing else names the place.
  if (path[0] === 'session' && (parts.length > 2 || typeof path[2] === 'number')) parts.shift();
  const last = parts.pop();
  if (!last) return 'Fichier';
  const words = [last.noun, ...parts.reverse().map((p) => p.of)].join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A number as French writes it (`5 000`). */
const n = (x: unknown): string => (typeof x === 'number' || typeof x === 'bigint' ? x.toLocaleString('fr-FR') : String(x));

/** The value the file gave, quoted and cut short; nothing for what is not a plain value. */
function given(input: unknown): string {
  if (typeof input === 'string') return ` « ${[...input].length > 40 ? `${[...input].slice(0, 40).join('')}…` : input} »`;
  if (typeof input === 'number' || typeof input === 'boolean') return ` « ${String(input)} »`;
  return '';
}

function describe(issue: z.core.$ZodIssue): string {
  const m = issue.message;
  if (m === 'id') return 'identifiant invalide (1 à 64 caractères : lettres, chiffres, « _ » ou « - »)';
  if (m === 'partialDate') return 'date invalide (attendu une année, un mois ou un jour : 2022, 2022-04 ou 2022-04-15)';
  if (m === 'datetime') return 'horodatage invalide (attendu une date ISO 8601 avec fuseau, par exemple 2026-11-20T09:00:00Z)';
  if (m === 'uniqueItems') return 'la liste contient deux fois la même valeur';
  if (m.startsWith('max:')) return `texte trop long (${n(Number(m.slice(4)))} caractères au plus)`;
  if (m.startsWith('min:')) return m === 'min:1' ? 'ne doit pas être vide' : `texte trop court (${n(Number(m.slice(4)))} caractères au moins)`;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return issue.input === undefined ? `champ obligatoire manquant (attendu ${expected})` : `type invalide (attendu ${expected})`;
    }
    case 'too_big':
      return issue.origin === 'array'
        ? `trop d'éléments (${n(issue.maximum)} au plus)`
        : issue.origin === 'number'
          ? `valeur trop grande (${n(issue.maximum)} au plus)`
          : `trop long (${n(issue.maximum)} au plus)`;
    case 'too_small':
      return issue.origin === 'number' ? `valeur trop petite (${n(issue.minimum)} au moins)` : `trop court (${n(issue.minimum)} au moins)`;
    case 'invalid_value':
      if (issue.input === undefined) return 'champ obligatoire manquant';
      return issue.values.length === 1
        ? `valeur${given(issue.input)} non reconnue (attendu « ${String(issue.values[0])} »)`
        : `valeur non reconnue${given(issue.input)}`;
    case 'unrecognized_keys':
      return `champ${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `« ${k} »`).join(', ')} inconnu${issue.keys.length > 1 ? 's' : ''}`;
    case 'invalid_format':
      return 'format invalide';
    case 'invalid_union':
      return 'valeur invalide';
    default:
      return 'valeur invalide';
  }
}

export function issuesToErrors(issues: readonly z.core.$ZodIssue[], input: unknown): DomainError[] {
  return issues.map((issue) => {
    const path = formatPath(issue.path);
    return { path, message: `${describePath(issue.path, input)} : ${describe(issue)}.` };
  });
}
