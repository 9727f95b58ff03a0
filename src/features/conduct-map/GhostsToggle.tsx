/** The toolbar's `Étapes manquantes` checkbox: shows or hides the missing steps (the action toggleGhosts). */
import { appContext } from '../../state/actionContext';
import { useViewStore } from '../../state/viewStore';
import { actionTitle } from '../../ui/actions';
import { toggleGhosts } from './actions';

export function GhostsToggle({ count }: { count: number }) {
  const shown = useViewStore((s) => s.ghosts);
  return (
    <label className="inline-label ghosts-toggle" title={`${actionTitle(toggleGhosts)} : ${count === 0 ? 'aucune' : count} sur cette carte`}>
      <input type="checkbox" aria-label={toggleGhosts.label} checked={shown} onChange={() => void toggleGhosts.perform(appContext)} />
      {/* Short, for the toolbar to stay on one row; the name is the action's. */}
      <span aria-hidden="true">Manquantes{count > 0 && <span className="ghosts-count">{count}</span>}</span>
    </label>
  );
}
