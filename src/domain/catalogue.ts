/** Actors named in the domain (docs/domain.md), to pick from: choosing one fills the category. */
import type { ActorCategory } from './enums';

export interface CatalogueEntry {
  name: string;
  category: ActorCategory;
  description?: string;
}

const e = (category: ActorCategory, name: string, description?: string): CatalogueEntry =>
  description ? { name, category, description } : { name, category };

export const ACTOR_CATALOGUE: readonly CatalogueEntry[] = [
  e('institution-nationale', 'Ministère de la Santé'),
  e('institution-nationale', 'DGOS', "Direction générale de l'offre de soins"),
  e('institution-nationale', 'DGCS', 'Direction générale de la cohésion sociale'),
  e('institution-nationale', 'DNS', 'Délégation au numérique en santé'),
  e('institution-nationale', 'ANS', "Agence du numérique en santé (anciennement ASIP Santé) : labellise les logiciels partagés"),
  e('institution-nationale', 'CNAM', "Caisse nationale de l'Assurance maladie"),
  e('institution-nationale', 'CNSA', "Caisse nationale de solidarité pour l'autonomie"),
  e('institution-nationale', 'ANAP', "Agence nationale d'appui à la performance"),
  e('institution-nationale', 'HAS', 'Haute Autorité de santé'),
  e('acteur-regional', 'ARS', 'Agence régionale de santé'),
  e('acteur-regional', 'GRADeS', "Groupement régional d'appui au développement de la e-santé"),
  e('acteur-regional', 'Collectif SI médico-social'),
  e('acteur-regional', 'URPS', 'Union régionale des professionnels de santé'),
  e('groupement', 'Association gestionnaire'),
  e('groupement', 'Groupement'),
  e('groupement', 'GHT', 'Groupement hospitalier de territoire'),
  e('groupement', 'Siège'),
  e('direction', "Direction d'établissement"),
  e('direction', 'Direction des soins'),
  e('direction', 'Ressources humaines'),
  e('dsi', 'DSI', 'Direction des systèmes d’information'),
  e('dsi', 'Service informatique'),
  e('dsi', 'Prestataire informatique'),
  e('encadrement', 'Cadres de santé'),
  e('encadrement', 'Chef·fes de service'),
  e('encadrement', 'Coordinateur·rices'),
  e('instance-projet', 'Comité de pilotage'),
  e('instance-projet', 'Groupe de travail'),
  e('professionnels', 'Infirmier·es'),
  e('professionnels', 'Aides-soignant·es'),
  e('professionnels', 'Médecins'),
  e('professionnels', 'Éducateur·rices'),
  e('professionnels', 'AMP / AES', 'Aides médico-psychologiques, accompagnant·es éducatifs et sociaux'),
  e('professionnels', 'Personnels administratifs'),
  e('professionnels', 'Agents de service'),
  e('professionnels', 'Psychologues'),
  e('professionnels', 'Paramédicaux'),
  e('professionnels', 'Secrétaires médicales'),
  e('referents', 'Référent·es numériques'),
  e('referents', 'Référent·es DUI'),
  e('referents', 'Super-utilisateur·rices'),
  e('representants-personnel', 'CSE', "Comité social et économique : informé et consulté sur l'introduction de nouvelles technologies"),
  e('representants-personnel', 'CSA', "Comité social d'administration"),
  e('representants-personnel', 'F3SCT / CSSCT', 'Formation spécialisée en santé, sécurité et conditions de travail'),
  e('representants-personnel', 'Délégué·es syndicaux'),
  e('editeur', 'Éditeur du logiciel'),
  e('editeur', 'Intégrateur'),
  e('editeur', 'Hébergeur'),
  e('usagers', 'Personnes accompagnées'),
  e('usagers', 'Familles'),
  e('usagers', 'Représentant·es des usagers'),
  e('partenaires', 'Autres établissements'),
  e('partenaires', 'Professionnel·les libéraux'),
  e('partenaires', 'Partenaires du territoire'),
  e('accompagnement', 'Aract', "Association régionale pour l'amélioration des conditions de travail"),
  e('accompagnement', 'Anact', "Agence nationale pour l'amélioration des conditions de travail"),
  e('accompagnement', "Assistance à maîtrise d'ouvrage"),
  e('accompagnement', 'Consultant·es'),
];

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[·’']/g, '').toLowerCase();

/** Entries whose name or description contains the query; names first: exact, then beginning, then inside. */
export function searchCatalogue(query: string): CatalogueEntry[] {
  const q = fold(query.trim());
  if (!q) return [...ACTOR_CATALOGUE];
  const rank = (c: CatalogueEntry) => {
    const name = fold(c.name);
    if (name === q) return 0;
    if (name.startsWith(q)) return 1;
    if (name.includes(q)) return 2;
    return fold(c.description ?? '').includes(q) ? 3 : -1;
  };
  return ACTOR_CATALOGUE.map((c) => ({ c, r: rank(c) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r)
    .map((x) => x.c);
}
