/**
 * Commands of the three viewpoints (Regards): each role's objectives, the matches between them,
 * the digital maturity grid and its reveal. Pure; one command is one undo step; a command that
 * changes nothing returns the same session.
 */
import type { MaturityDomain, MaturityRating, TrinomeRole } from '../enums';
import type { Objective, Session, Viewpoints } from '../types';
import { patch, updateById } from './shared';

const EMPTY: Viewpoints = { objectives: [] };

/** The session with its viewpoints replaced; the same session when they did not change. */
function withViewpoints(session: Session, next: Viewpoints): Session {
  return next === (session.viewpoints ?? EMPTY) ? session : { ...session, viewpoints: next };
}

const viewpointsOf = (session: Session): Viewpoints => session.viewpoints ?? EMPTY;

/** Adds an objective at the end of its role's list; same session if its id is taken or its text is empty. */
export function addObjective(session: Session, objective: Objective): Session {
  const vp = viewpointsOf(session);
  const text = objective.text.trim();
  if (!text || vp.objectives.some((o) => o.id === objective.id)) return session;
  if (objective.actorId !== undefined && !session.actors.some((a) => a.id === objective.actorId)) return session;
  return withViewpoints(session, { ...vp, objectives: [...vp.objectives, { ...objective, text }] });
}

/** Changes an objective's text or actor (`actorId: undefined` removes it); its role stays. */
export function updateObjective(session: Session, id: string, changes: Partial<Pick<Objective, 'text' | 'actorId'>>): Session {
  const vp = viewpointsOf(session);
  if (changes.text !== undefined && !changes.text.trim()) return session;
  if (changes.actorId !== undefined && !session.actors.some((a) => a.id === changes.actorId)) return session;
  const clean = changes.text !== undefined ? { ...changes, text: changes.text.trim() } : changes;
  const objectives = updateById(vp.objectives, id, (o) => patch(o, clean as Partial<Objective>, ['text']));
  return objectives ? withViewpoints(session, { ...vp, objectives }) : session;
}

/** Deletes objectives and the matches they were part of. */
export function deleteObjectives(session: Session, ids: readonly string[]): Session {
  const vp = viewpointsOf(session);
  const gone = new Set(ids);
  const objectives = vp.objectives.filter((o) => !gone.has(o.id));
  if (objectives.length === vp.objectives.length) return session;
  const matches = vp.matches?.filter(([a, b]) => !gone.has(a) && !gone.has(b));
  return withViewpoints(session, { ...vp, objectives, ...(matches ? { matches } : {}) });
}

const samePair = (p: readonly [string, string], a: string, b: string) => (p[0] === a && p[1] === b) || (p[0] === b && p[1] === a);

/** Says that two objectives of two different roles say the same thing; same session otherwise or if already said. */
export function matchObjectives(session: Session, a: string, b: string): Session {
  const vp = viewpointsOf(session);
  const oa = vp.objectives.find((o) => o.id === a);
  const ob = vp.objectives.find((o) => o.id === b);
  if (!oa || !ob || oa.role === ob.role) return session;
  if ((vp.matches ?? []).some((p) => samePair(p, a, b))) return session;
  return withViewpoints(session, { ...vp, matches: [...(vp.matches ?? []), [a, b]] });
}

export function unmatchObjectives(session: Session, a: string, b: string): Session {
  const vp = viewpointsOf(session);
  const matches = (vp.matches ?? []).filter((p) => !samePair(p, a, b));
  return matches.length === (vp.matches ?? []).length ? session : withViewpoints(session, { ...vp, matches });
}

/** Sets one role's rating of one domain; `undefined` clears it. */
export function setMaturityRating(session: Session, domain: MaturityDomain, role: TrinomeRole, rating: MaturityRating | undefined): Session {
  const vp = viewpointsOf(session);
  const grid = vp.maturity ?? {};
  const row = grid[domain] ?? {};
  if (row[role] === rating) return session;
  const nextRow = { ...row };
  if (rating === undefined) delete nextRow[role];
  else nextRow[role] = rating;
  const maturity = { ...grid };
  if (Object.keys(nextRow).length === 0) delete maturity[domain];
  else maturity[domain] = nextRow;
  return withViewpoints(session, { ...vp, maturity });
}

/** Reveals the ratings to the room, or hides them again for a new round. */
export function setMaturityRevealed(session: Session, revealed: boolean): Session {
  const vp = viewpointsOf(session);
  if ((vp.revealed ?? false) === revealed) return session;
  const { revealed: _r, ...rest } = vp;
  return withViewpoints(session, revealed ? { ...rest, revealed: true } : rest);
}
