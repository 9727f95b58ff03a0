/** Turns zod issues into French messages that name the field and the id of the item. */
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

/** The id of the nearest array item on the path, if it has one: it helps the user find it. */
function idOnPath(input: unknown, path: readonly PropertyKey[]): string | undefined {
  let node: unknown = input;
  let found: string | undefined;
  for (const part of path) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[part as string];
    if (typeof part === 'number' && node && typeof node === 'object') {
      const id = (node as { id?: unknown }).id;
      if (typeof id === 'string' && id.length <= 64) found = id;
    }
  }
  return found;
}

function describe(issue: z.core.$ZodIssue): string {
  const m = issue.message;
  if (m === 'id') return 'identifiant invalide (1 à 64 caractères : lettres, chiffres, « _ » ou « - »)';
  if (m === 'partialDate') return 'date invalide (attendu une année, un mois ou un jour : 2022, 2022-04 ou 2022-04-15)';
  if (m === 'datetime') return 'horodatage invalide (attendu une date ISO 8601 avec fuseau, par exemple 2026-11-20T09:00:00Z)';
  if (m === 'uniqueItems') return 'la liste contient deux fois la même valeur';
  if (m.startsWith('max:')) return `texte trop long (${m.slice(4)} caractères au plus)`;
  if (m.startsWith('min:')) return m === 'min:1' ? 'ne doit pas être vide' : `texte trop court (${m.slice(4)} caractères au moins)`;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return issue.input === undefined ? `champ obligatoire manquant (attendu ${expected})` : `type invalide (attendu ${expected})`;
    }
    case 'too_big':
      return issue.origin === 'array'
        ? `trop d'éléments (${String(issue.maximum)} au plus)`
        : issue.origin === 'number'
          ? `valeur trop grande (${String(issue.maximum)} au plus)`
          : `trop long (${String(issue.maximum)} au plus)`;
    case 'too_small':
      return issue.origin === 'number' ? `valeur trop petite (${String(issue.minimum)} au moins)` : `trop court (${String(issue.minimum)} au moins)`;
    case 'invalid_value':
      if (issue.input === undefined) return 'champ obligatoire manquant';
      return `valeur non reconnue (valeurs possibles : ${issue.values.map((v) => String(v)).join(', ')})`;
    case 'unrecognized_keys':
      return `champ${issue.keys.length > 1 ? 's' : ''} inconnu${issue.keys.length > 1 ? 's' : ''} : ${issue.keys.join(', ')}`;
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
    const id = idOnPath(input, issue.path);
    const where = path ? `Champ « ${path} »${id ? ` (id « ${id} »)` : ''}` : 'Fichier';
    return { path, message: `${where} : ${describe(issue)}.` };
  });
}
