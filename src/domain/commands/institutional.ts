/**
 * Commands on a session's header that the home page makes without opening the session: its
 * institutional events (the stack of temporalities) and its action collective.
 */
import type { Collective, InstitutionalEvent, Session } from '../types';
import { patch, samePlain } from './shared';

/** The session's events replaced by `events` (none: the field is removed); same session if equal. */
export function setInstitutionalEvents(session: Session, events: readonly InstitutionalEvent[] | undefined): Session {
  const next = events && events.length > 0 ? [...events] : undefined;
  return patch(session, { institutionalEvents: next });
}

export function addInstitutionalEvent(session: Session, event: InstitutionalEvent): Session {
  return setInstitutionalEvents(session, [...(session.institutionalEvents ?? []), event]);
}

export function updateInstitutionalEvent(session: Session, id: string, changes: Partial<Omit<InstitutionalEvent, 'id'>>): Session {
  const events = session.institutionalEvents ?? [];
  const next = events.map((e) => (e.id === id ? patch<InstitutionalEvent>(e, changes) : e));
  return next.every((e, i) => e === events[i]) ? session : setInstitutionalEvents(session, next);
}

export function deleteInstitutionalEvent(session: Session, id: string): Session {
  const events = session.institutionalEvents ?? [];
  const next = events.filter((e) => e.id !== id);
  return next.length === events.length ? session : setInstitutionalEvents(session, next);
}

/** Trims the fields, drops the empty ones; no name, no action collective. */
export function cleanCollective(input: { name: string; aract?: string; start?: string; end?: string }): Collective | undefined {
  const name = input.name.replace(/\s+/g, ' ').trim();
  if (!name) return undefined;
  const out: Collective = { name };
  for (const key of ['aract', 'start', 'end'] as const) {
    const v = input[key]?.trim();
    if (v) out[key] = v;
  }
  return out;
}

/** The session in this action collective, or in none (`undefined`). */
export function setCollective(session: Session, collective: Collective | undefined): Session {
  if (samePlain(session.collective, collective)) return session;
  return patch(session, { collective });
}
