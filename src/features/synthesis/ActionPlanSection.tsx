/** The Synthèse's `Plan d'action`: the missing steps planned (steps à venir) and those set aside, with their reasons. */
import { actionPlan } from '../../domain/gaps';
import type { Session } from '../../domain/types';
import { formatPartialDate } from '../../i18n/dates';
import { frenchSpaces } from '../../i18n/format';
import { GAP_TITLES } from '../../i18n/gaps';
import { useViewStore } from '../../state/viewStore';

export function ActionPlanSection({ session }: { session: Session }) {
  const plan = actionPlan(session);
  const goTo = (stepId: string) => {
    const view = useViewStore.getState();
    view.setTab('conduite');
    view.select([stepId], 'step');
    view.requestView(stepId, 'center');
  };
  return (
    <section aria-labelledby="action-plan-heading" className="panel action-plan">
      <h2 id="action-plan-heading">Plan d'action</h2>
      {plan.planned.length === 0 && plan.dismissed.length === 0 && (
        <p className="hint">
          Aucune étape manquante planifiée ni écartée : sur la conduite de projet, choisissez une étape manquante (cadre en pointillés) pour la planifier ou l'écarter.
        </p>
      )}
      {plan.planned.length > 0 && (
        <>
          <h3>Étapes planifiées</h3>
          <ul>
            {plan.planned.map((p) => (
              <li key={p.rule}>
                <button type="button" className="link-button" onClick={() => goTo(p.stepId)} aria-label={`Aller à l'étape ${p.number}`}>
                  Étape {p.number}
                </button>{' '}
                {frenchSpaces(`: ${p.title}, ${p.done ? 'faite' : 'à venir'}${p.planned ? ` (prévue : ${formatPartialDate(p.planned)})` : ''}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.dismissed.length > 0 && (
        <>
          <h3>Étapes écartées</h3>
          <ul>
            {plan.dismissed.map((d) => (
              <li key={d.rule}>
                {GAP_TITLES[d.rule]}
                {d.reason ? frenchSpaces(` : ${d.reason}`) : ' (sans raison donnée)'}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
