import { useId } from 'react';
import { TRINOME_ROLES } from '../../domain/enums';
import type { Maturity } from '../../domain/types';
import { divergences } from '../../domain/viewpoints';
import { MATURITY_DOMAIN_LABELS, MATURITY_RATING_LABELS, TRINOME_ROLE_LABELS } from '../../i18n/labels';

/** The domains where two roles are 2 points apart or more, each with the three values. */
export function DivergenceList({ maturity }: { maturity: Maturity | undefined }) {
  const found = divergences(maturity);
  const id = useId();
  return (
    <section aria-labelledby={id} className="divergences">
      <h3 id={id}>Divergences (écart de 2 points ou plus)</h3>
      {found.length === 0 ? (
        <p className="hint">Aucune divergence : les trois regards sont à moins de 2 points l'un de l'autre sur chaque domaine.</p>
      ) : (
        <ul>
          {found.map((d) => (
            <li key={d.domain}>
              <strong>{MATURITY_DOMAIN_LABELS[d.domain]}</strong> (écart de {d.spread}) :{' '}
              {TRINOME_ROLES.map((r) => {
                const v = d.ratings[r];
                return `${TRINOME_ROLE_LABELS[r]} ${v === undefined ? 'non noté' : MATURITY_RATING_LABELS[v]}`;
              }).join(' · ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
