import { useId, type ReactNode } from 'react';
import { establishmentKey } from '../../domain/stack';
import type { Collective } from '../../domain/types';
import { formatPartialDate } from '../../i18n/dates';
import type { SessionSummary } from '../../state/sessionsLibrary';
import './groups.css';

export interface CollectiveGroup {
  /** The action's name as a key (spelling aside); '' for the sessions in no action. */
  key: string;
  collective: Collective | null;
  sessions: SessionSummary[];
}

/** Sessions under their action collective, actions by name, then the sessions in none; each group keeps the list's order. */
export function groupByCollective(sessions: readonly SessionSummary[]): CollectiveGroup[] {
  const groups = new Map<string, CollectiveGroup>();
  for (const s of sessions) {
    const key = s.collective ? establishmentKey(s.collective.name) : '';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, collective: s.collective ?? null, sessions: [] }));
    group.sessions.push(s);
  }
  return [...groups.values()].sort((a, b) =>
    !a.collective ? 1 : !b.collective ? -1 : a.collective.name.localeCompare(b.collective.name, 'fr'),
  );
}

/** « Aract Bretagne · septembre 2023 – juin 2024 »: what the heading of an action says under its name. */
function collectiveMeta(c: Collective): string {
  const dates = c.start && c.end ? `${formatPartialDate(c.start)} – ${formatPartialDate(c.end)}` : c.start ? `depuis ${formatPartialDate(c.start)}` : c.end ? `jusqu'à ${formatPartialDate(c.end)}` : '';
  return [c.aract, dates].filter(Boolean).join(' · ');
}

function Group({ group, item, onCompare }: { group: CollectiveGroup; item: (s: SessionSummary) => ReactNode; onCompare: (ids: string[]) => void }) {
  const id = useId();
  const name = group.collective?.name;
  return (
    <li className="session-group">
      <div className="session-group-head">
        <h3 id={id}>{name ? `Action collective : ${name}` : 'Sans action collective'}</h3>
        {group.collective && collectiveMeta(group.collective) && <span className="session-meta">{collectiveMeta(group.collective)}</span>}
        {name && group.sessions.length >= 2 && (
          <button type="button" aria-label={`Comparer les ateliers de « ${name} »`} onClick={() => onCompare(group.sessions.slice(0, 6).map((s) => s.id))}>
            Comparer
          </button>
        )}
      </div>
      <ul className="session-list" aria-labelledby={id}>
        {group.sessions.map(item)}
      </ul>
    </li>
  );
}

/**
 * The home page's list: flat while no session belongs to an action collective; else one group
 * per action (a heading, a `Comparer` for its sessions), then the sessions in none. Either way
 * one list named « Ateliers » holds every session's link.
 */
export function SessionGroups({
  sessions, item, onCompare,
}: { sessions: readonly SessionSummary[]; item: (s: SessionSummary) => ReactNode; onCompare: (ids: string[]) => void }) {
  const groups = groupByCollective(sessions);
  if (groups.every((g) => !g.collective)) {
    return <ul className="session-list" aria-label="Ateliers">{sessions.map(item)}</ul>;
  }
  return (
    <ul className="session-groups" aria-label="Ateliers">
      {groups.map((g) => <Group key={g.key} group={g} item={item} onCompare={onCompare} />)}
    </ul>
  );
}
