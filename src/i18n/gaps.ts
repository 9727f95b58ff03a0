/** The words of the holes of a conduct (domain/gaps.ts): what is missing, and why it matters (the report's words). */
import type { GapRule } from '../domain/enums';

/** The title of the missing step: on the map after `Étape manquante :`, and the title of the step it becomes when planned. */
export const GAP_TITLES: Record<GapRule, string> = {
  'analyse-besoins': 'Analyse des besoins avec les utilisateur·rices',
  'irp-avant-deploiement': 'Information et consultation du CSE avant le déploiement',
  'evaluation-apres-deploiement': "Évaluation / retour d'expérience après le déploiement",
  'evaluation-sans-utilisateurs': "Évaluation avec les utilisateur·rices",
  'suite-formation': 'Formation des nouvelles recrues et aux mises à jour',
  'canal-ajustements': 'Circuit organisé des remontées et de leurs réponses',
  'mise-a-jour-sans-information': 'Information des professionnel·les sur la nouvelle version',
};

/** Why the hole matters, after the report (« réparer les conduites de projets à trous »). */
export const GAP_REASONS: Record<GapRule, string> = {
  'analyse-besoins':
    "Aucune étape n'implique les utilisateur·rices avant le choix de la solution : leur implication « intervient tard sur des temps de formation et de prise en main », et le projet part rarement d'« un problème qualifié ».",
  'irp-avant-deploiement':
    "Les représentant·es du personnel ne sont ni informé·es ni consulté·es avant le déploiement : les instances sont « très rarement informées et consultées », et leurs remontées arrivent « une fois que les projets sont lancés ».",
  'evaluation-apres-deploiement':
    "Aucune évaluation ni retour d'expérience après le déploiement : les démarches d'évaluation « s'estompent fréquemment en fin de projet ».",
  'evaluation-sans-utilisateurs':
    "L'évaluation se fait sans les utilisateur·rices : leur travail réel n'y est pas entendu.",
  'suite-formation':
    "Rien n'est prévu après la dernière formation : « la formation est rarement dispensée lors de l'intégration des nouveaux », ni aux nouvelles versions.",
  'canal-ajustements':
    "Les ajustements se font « au fil de l'eau », sans canal organisé ni réponse : les propositions « ne sont pas prises en compte » et « la lassitude s'installe ».",
  'mise-a-jour-sans-information':
    "Une mise à jour sans information des utilisateur·rices : les nouvelles versions sont « déployées le plus souvent du jour au lendemain sans informer les professionnels ».",
};

/** The accessible name of a missing step on the map (UI contract: begins with `Étape manquante :`). */
export const gapAriaLabel = (rule: GapRule, lane?: string): string =>
  `Étape manquante : ${GAP_TITLES[rule]}${lane ? `, couloir ${lane}` : ''}`;
