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
      {/* A dashed box with the count, like the ghosts it shows: the toolbar stays on one row down to 1280 px; the name is the action's, its tooltip says it. */}
      <span className="ghosts-count" aria-hidden="true">{count}</span>
    </label>
  );
}
