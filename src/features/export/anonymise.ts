/**
 * `Anonymiser`: the session as it may leave the room. People are named by their role, as the
 * report quotes them ("coordinatrice d'un centre hospitalier"): the trinôme's names and positions
 * and the facilitator go, and every actor is named after its category (numbered when several
 * share one), lanes that stand for an actor after that actor. Free text (titles, descriptions,
 * notes) is the participants' own words and is kept: they are told so where they choose it.
 * The result is another session (its own id, « (anonymisé) » after its title).
 */
import type { Session } from '../../domain/types';
import { ACTOR_CATEGORY_LABELS, TRINOME_ROLE_LABELS } from '../../i18n/labels';

export function anonymise(session: Session): Session {
  const counts = new Map<string, number>();
  for (const a of session.actors) counts.set(a.category, (counts.get(a.category) ?? 0) + 1);
  const seen = new Map<string, number>();
  const names = new Map<string, string>();
  for (const a of session.actors) {
    const n = (seen.get(a.category) ?? 0) + 1;
    seen.set(a.category, n);
    const label = ACTOR_CATEGORY_LABELS[a.category];
    names.set(a.id, counts.get(a.category)! > 1 ? `${label} ${n}` : label);
  }
  const { workshop } = session;
  return {
    ...session,
    // Another session once imported: it never replaces the original it came from.
    id: `${session.id.slice(0, 55)}-anonyme`,
    title: [...`${session.title} (anonymisé)`].slice(0, 200).join(''),
    trinome: session.trinome.map((m) => ({ role: m.role, position: TRINOME_ROLE_LABELS[m.role] })),
    ...(workshop ? { workshop: { ...(workshop.date ? { date: workshop.date } : {}), ...(workshop.facilitator ? { facilitator: 'Animation' } : {}), ...(workshop.place ? { place: workshop.place } : {}) } } : {}),
    actors: session.actors.map((a) => {
      const { description: _description, usageNote: _usageNote, ...rest } = a;
      return { ...rest, name: names.get(a.id)! };
    }),
    lanes: session.lanes.map((l) => (l.actorId && names.has(l.actorId) ? { ...l, label: names.get(l.actorId)! } : l)),
  };
}
