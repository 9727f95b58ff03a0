/**
 * `Notes sur l'image`: whose notes the map images (PNG, SVG) show. One choice per session,
 * remembered while the page stays open, shared by the session's `Exporter` menu and the home
 * page's export dialog; every role is shown until unticked. Never saved: it is how an image is
 * made, not part of the session.
 */
import { useSyncExternalStore } from 'react';
import { AUTHOR_ROLES, type AuthorRole, type NoteMap } from '../../domain/enums';
import { filterNotes } from '../../domain/commands/notes';
import type { Note, Session } from '../../domain/types';

const hiddenBySession = new Map<string, readonly AuthorRole[]>();
const listeners = new Set<() => void>();
const NONE: readonly AuthorRole[] = [];

export function hiddenNoteRoles(sessionId: string): readonly AuthorRole[] {
  return hiddenBySession.get(sessionId) ?? NONE;
}

export function toggleNoteRole(sessionId: string, role: AuthorRole): void {
  const hidden = hiddenNoteRoles(sessionId);
  hiddenBySession.set(sessionId, hidden.includes(role) ? hidden.filter((r) => r !== role) : [...hidden, role]);
  for (const l of listeners) l();
}

/** The roles hidden from this session's images, kept in step with the choice. */
export function useHiddenNoteRoles(sessionId: string): readonly AuthorRole[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => hiddenNoteRoles(sessionId),
  );
}

/** The roles that wrote notes in this session, in the usual order: the choices worth offering. */
export function rolesWithNotes(session: Session): AuthorRole[] {
  return AUTHOR_ROLES.filter((r) => session.notes.some((n) => n.authorRole === r));
}

/** The notes a map image shows: those of this map, but for the hidden roles. */
export function imageNotes(session: Session, map: NoteMap, hidden: readonly AuthorRole[]): Note[] {
  return filterNotes(session.notes, { map, roles: new Set(AUTHOR_ROLES.filter((r) => !hidden.includes(r))) });
}
