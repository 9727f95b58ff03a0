/** Creating, renaming and duplicating sessions: pure functions over the model. */
import type { EstablishmentKind, ProjectStatus, TrinomeRole } from './enums';
import { newId } from './ids';
import type { Session, SessionHeader, TrinomeMember } from './types';

export interface NewSessionInput {
  title: string;
  establishment: { name: string; kind?: EstablishmentKind | undefined; region?: string | undefined };
  project: { name: string; status?: ProjectStatus | undefined; summary?: string | undefined };
  workshop?: { date?: string | undefined; facilitator?: string | undefined; place?: string | undefined };
  trinome?: { role: TrinomeRole; name?: string | undefined; position?: string | undefined }[];
}

/** Drops keys whose value is undefined or an empty string, so the file stays minimal. */
function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    out[k] = typeof v === 'string' ? v.trim() : v;
  }
  return out as T;
}

export function createSession(input: NewSessionInput, now: Date = new Date(), id: string = newId()): Session {
  const at = now.toISOString();
  const workshop = input.workshop ? compact(input.workshop) : undefined;
  const trinome: TrinomeMember[] = (input.trinome ?? [])
    .map((m) => compact(m))
    .filter((m) => m.name !== undefined || m.position !== undefined);
  return {
    id,
    title: input.title.trim(),
    createdAt: at,
    updatedAt: at,
    establishment: { ...compact(input.establishment), name: input.establishment.name.trim() },
    project: { ...compact(input.project), name: input.project.name.trim() },
    ...(workshop && Object.keys(workshop).length > 0 ? { workshop } : {}),
    trinome,
    timeline: { scale: 'annee' },
    lanes: [],
    actors: [],
    steps: [],
    links: [],
    relations: [],
    notes: [],
  };
}

/** A copy of a session under a new id and title; ids inside the session stay as they are. */
/** The first `n` characters (code points: an emoji is never cut in half). */
export const firstChars = (s: string, n: number): string => [...s].slice(0, n).join('');

export function duplicateSession(session: Session, title: string, now: Date = new Date(), id: string = newId()): Session {
  const at = now.toISOString();
  return { ...structuredClone(session), id, title: firstChars(title, 200), createdAt: at, updatedAt: at };
}

export const copyTitle = (title: string): string => firstChars(`${title} (copie)`, 200);

export function headerOf(session: Session): SessionHeader {
  const { lanes: _l, actors: _a, steps: _s, links: _k, relations: _r, notes: _n, ...header } = session;
  return header;
}

/** Why a session title is refused (its French message: i18n/messages.ts). */
export type TitleProblem = 'required' | 'too-long';

/** Checks a session title typed by a user (at most 200 characters, code points). */
export function titleIssue(title: string): TitleProblem | null {
  const t = title.trim();
  if (t.length === 0) return 'required';
  if ([...t].length > 200) return 'too-long';
  return null;
}
