/** The report's guiding questions, shown to the room (docs/domain.md, the guiding questions). */
export const GUIDING_QUESTIONS: { theme: string; questions: string[] }[] = [
  {
    theme: 'Conduite de projet',
    questions: [
      'Comment le projet a-t-il été mené ?',
      'Quelle attention a été accordée au travail ?',
      'Quelle place y ont tenu les professionnels et leurs représentants ?',
      'Les finalités ont-elles pu être débattues ?',
      "Quelle autonomie l'établissement a-t-il eue dans ses choix (solution, calendrier, versions) ?",
    ],
  },
  {
    theme: 'Temps et charge',
    questions: [
      'Le numérique allège-t-il le travail administratif ?',
      "Qu'est-il fait du temps gagné ou pris ?",
      "Comment concilier le temps du projet, le temps de l'organisation et le temps des professionnels ?",
    ],
  },
  {
    theme: 'Coordination',
    questions: [
      "Le numérique facilite-t-il la coordination et le partage d'information ?",
      'Quels usages sont faits des données qui circulent, et qui en porte la responsabilité ?',
    ],
  },
  { theme: 'Qualité', questions: ['Qualité des soins, qualité du travail, qualité des données : convergence ou dissonance ?'] },
  {
    theme: 'Compétences',
    questions: ['La formation aux outils est-elle suffisante ?', "Comment valoriser les compétences acquises par l'usage ?"],
  },
  {
    theme: 'Adaptation',
    questions: ["Est-ce seulement aux professionnels de s'adapter ?", 'Quels contournements, quels usages « papier » persistent, et pourquoi ?'],
  },
  { theme: 'Fonctionnements collectifs', questions: ['Quelle attention aux relèves, aux transmissions informelles, à la communication orale ?'] },
  {
    theme: 'Durabilité',
    questions: [
      'Qui entretient les usages après le projet ?',
      'Comment sont formés les nouveaux arrivants ?',
      'Les remontées des professionnels sont-elles traitées ?',
    ],
  },
  {
    theme: 'Dialogue social',
    questions: [
      'Le CSE a-t-il été informé, consulté ?',
      'Le dialogue social peut-il être un levier pour articuler stratégie numérique et réalité du travail ?',
    ],
  },
];
