import { memo } from 'react';
import { ACTOR_CATEGORIES, AUTHOR_ROLES, RELATION_KINDS } from '../../domain/enums';
import type { Note, Session } from '../../domain/types';
import { ACTOR_CATEGORY_LABELS, AUTHOR_ROLE_LABELS, RELATION_KIND_LABELS } from '../../i18n/labels';
import { ACTOR_CATEGORY_VISUALS, AUTHOR_ROLE_VISUALS, RELATION_KIND_VISUALS } from '../../i18n/visuals';
import { isUnansweredFeedback } from '../../domain/synthesis';

/** Legend of the actor map: categories, relation kinds and note roles in use. */
export const ActorLegend = memo(function ActorLegend({ session, notes }: { session: Pick<Session, 'actors' | 'relations'>; notes: readonly Note[] }) {
  const categories = ACTOR_CATEGORIES.filter((c) => session.actors.some((a) => a.category === c));
  const kinds = RELATION_KINDS.filter((k) => session.relations.some((r) => r.kind === k));
  const roles = AUTHOR_ROLES.filter((r) => notes.some((n) => n.authorRole === r));
  // Format 2: use and non-use, and feedback left unanswered, when the map has some.
  const nonUsers = session.actors.some((a) => a.usage === 'non-utilisateur');
  const partialUsers = session.actors.some((a) => a.usage === 'partiel');
  const openLoops = session.relations.some(isUnansweredFeedback);
  return (
    <section className="panel legend" role="region" aria-label="Légende">
      <h2>Légende</h2>
      {categories.length + kinds.length + roles.length === 0 && <p className="hint">La légende se remplit avec les catégories et relations utilisées.</p>}
      <ul className="legend-list">
        {categories.map((c) => (
          <li key={c}>
            <span className="legend-swatch" style={{ background: ACTOR_CATEGORY_VISUALS[c].color }} aria-hidden="true">{ACTOR_CATEGORY_VISUALS[c].icon}</span>
            {ACTOR_CATEGORY_LABELS[c]}
          </li>
        ))}
        {kinds.map((k) => {
          const v = RELATION_KIND_VISUALS[k];
          return (
            <li key={k}>
              <svg width="40" height="14" aria-hidden="true">
                <line x1="2" y1="7" x2="32" y2="7" stroke={v.color} strokeWidth={v.width} strokeDasharray={v.dash || undefined} />
                {v.arrow !== 'none' && <path d="M30 2 L38 7 L30 12" fill={v.arrow === 'open' ? 'none' : v.color} stroke={v.color} strokeWidth="1.5" />}
              </svg>
              {RELATION_KIND_LABELS[k]}
            </li>
          );
        })}
        {nonUsers && (
          <li>
            <span className="legend-swatch is-non-user" aria-hidden="true" />
            Non-utilisateur·rice (hachuré, badge « Non-usage »)
          </li>
        )}
        {partialUsers && (
          <li>
            <span className="legend-swatch is-partial-user" aria-hidden="true" />
            Usage partiel (pointillé)
          </li>
        )}
        {openLoops && (
          <li>
            <svg width="40" height="14" aria-hidden="true">
              <line x1="2" y1="7" x2="27" y2="7" stroke={RELATION_KIND_VISUALS.remonte.color} strokeWidth="2" strokeDasharray={RELATION_KIND_VISUALS.remonte.dash || undefined} />
              <circle cx="32" cy="7" r="4.5" fill="#ffffff" stroke={RELATION_KIND_VISUALS.remonte.color} strokeWidth="2" />
            </svg>
            Remontée sans réponse (boucle ouverte)
          </li>
        )}
        {roles.map((r) => (
          <li key={r}>
            <span className="legend-swatch" style={{ background: AUTHOR_ROLE_VISUALS[r].color, borderColor: AUTHOR_ROLE_VISUALS[r].border }} aria-hidden="true">✎</span>
            Note : {AUTHOR_ROLE_LABELS[r]}
          </li>
        ))}
      </ul>
    </section>
  );
});
