/** Commands and queries of notes: written by a member of the trinôme or the facilitator. */
import { AUTHOR_ROLES, type AuthorRole, type NoteKind, type NoteMap } from '../enums';
import type { Note, Session } from '../types';
import { patch, updateById } from './shared';

/** Whether a note can hang on this target: a step or an actor of the session. */
const targetExists = (session: Session, target: Note['attachedTo']) =>
  !target || (target.type === 'step' ? session.steps : session.actors).some((x) => x.id === target.id);

/** Adds a note at the end; same session if its id is taken or it hangs on nothing that exists. */
export function addNote(session: Session, note: Note): Session {
  if (session.notes.some((n) => n.id === note.id) || !targetExists(session, note.attachedTo)) return session;
  return { ...session, notes: [...session.notes, note] };
}

/**
 * Sets the keys of `changes`; a key set to undefined is removed (`attachedTo: undefined` makes the
 * note free). Same session if nothing changes or it would hang on nothing that exists.
 */
export function updateNote(session: Session, id: string, changes: Partial<Omit<Note, 'id'>>): Session {
  if (changes.attachedTo && !targetExists(session, changes.attachedTo)) return session;
  const notes = updateById(session.notes, id, (n) => patch(n, changes as Partial<Note>));
  return notes ? { ...session, notes } : session;
}

export function deleteNotes(session: Session, ids: readonly string[]): Session {
  const gone = new Set(ids);
  const notes = session.notes.filter((n) => !gone.has(n.id));
  return notes.length === session.notes.length ? session : { ...session, notes };
}

/** Why a note's text is refused (its French message: i18n/messages.ts). */
export type NoteTextProblem = 'empty' | 'too-long';

/** Checks a note's text (at most 5000 characters, code points). */
export function noteTextIssue(text: string): NoteTextProblem | null {
  const t = text.trim();
  if (!t) return 'empty';
  if ([...t].length > 5000) return 'too-long';
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
