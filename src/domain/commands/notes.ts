/** Commands and queries of notes: written by a member of the trinôme or the facilitator. */
import { AUTHOR_ROLES, type AuthorRole, type NoteKind, type NoteMap } from '../enums';
import type { Note, Session } from '../types';
import { patchObject, updateById } from './shared';

export function addNote(session: Session, note: Note): Session {
  return { ...session, notes: [...session.notes, note] };
}

export function updateNote(session: Session, id: string, patch: Partial<Omit<Note, 'id'>>): Session {
  const notes = updateById(session.notes, id, (n) => patchObject(n, patch as Partial<Note>));
  return notes ? { ...session, notes } : session;
}

export function deleteNotes(session: Session, ids: readonly string[]): Session {
  const gone = new Set(ids);
  const notes = session.notes.filter((n) => !gone.has(n.id));
  return notes.length === session.notes.length ? session : { ...session, notes };
}

export function noteTextProblem(text: string): string | null {
  const t = text.trim();
  if (!t) return 'La note est vide.';
  if ([...t].length > 5000) return 'La note ne doit pas dépasser 5000 caractères.';
  return null;
}

export interface NoteFilter {
  roles?: ReadonlySet<AuthorRole>;
  kinds?: ReadonlySet<NoteKind>;
  map?: NoteMap;
}

export function filterNotes(notes: readonly Note[], filter: NoteFilter): Note[] {
  return notes.filter(
    (n) =>
      (!filter.roles || filter.roles.has(n.authorRole)) &&
      (!filter.kinds || filter.kinds.has(n.kind)) &&
      (!filter.map || n.map === filter.map),
  );
}

export function notesByRole(notes: readonly Note[]): Record<AuthorRole, Note[]> {
  const out = Object.fromEntries(AUTHOR_ROLES.map((r) => [r, [] as Note[]])) as Record<AuthorRole, Note[]>;
  for (const n of notes) out[n.authorRole].push(n);
  return out;
}

export function notesOf(session: Session, target: { type: 'step' | 'actor'; id: string }): Note[] {
  return session.notes.filter((n) => n.attachedTo?.type === target.type && n.attachedTo.id === target.id);
}
