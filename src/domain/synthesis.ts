/**
 * The Synthèse: what a map shows about how the project was run, computed from the session.
 * Pure functions; each indicator gives the step numbers behind it and a French sentence.
 */
import { period } from './layout/conduct';
import { formatPartialDate } from './dates';
import type { ActorCategory, StepKind } from './enums';
import type { Session, Step } from './types';
import { STEP_KIND_LABELS } from '../i18n/labels';
import { notesByRole } from './commands/notes';

export interface Indicator {
  /** The French sentence shown to the room. */
  text: string;
  /** Step numbers behind it (click to go there). */
  steps: number[];
  /** A one-line explanation of how it is computed. */
  explanation: string;
}

const USER_CATEGORIES: readonly ActorCategory[] = ['professionnels', 'referents', 'encadrement'];

export function involvesUsers(step: Step, categoryOf: ReadonlyMap<string, ActorCategory>): boolean {
  return step.markers.includes('utilisateurs-impliques') || step.participants.some((p) => USER_CATEGORIES.includes(categoryOf.get(p.actorId)!));
}

export function involvesStaffRepresentatives(step: Step, categoryOf: ReadonlyMap<string, ActorCategory>): boolean {
  return (
    step.markers.includes('irp-consultees') ||
    step.kind === 'dialogue-social' ||
    step.participants.some((p) => categoryOf.get(p.actorId) === 'representants-personnel')
  );
}

const pct = (n: number, total: number) => (total === 0 ? 0 : Math.round((n / total) * 100));
const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`);
const numbers = (ns: number[]) => list(ns.map(String));

/** "about N months" between the starts of two partial dates, or null when one is missing. */
export function delayText(from: string | undefined, to: string | undefined): string | null {
  if (!from || !to) return null;
  const months = Math.round(period(to).start - period(from).start);
  if (months <= 0) return 'la même période';
  if (months < 24) return `environ ${months} mois`;
  return `environ ${Math.round(months / 12)} ans`;
}

function kindsOf(steps: Step[]): string {
  const kinds = [...new Set(steps.map((s) => s.kind))] as StepKind[];
  return list(kinds.map((k) => STEP_KIND_LABELS[k].toLowerCase()));
}

export interface Synthesis {
  users: Indicator;
  documents: Indicator;
  staffRepresentatives: Indicator;
  evaluation: Indicator;
  afterTraining: Indicator;
  uninvolvedActors: { text: string; actors: string[]; explanation: string };
  /** Raw figures, for the comparison of establishments. */
  figures: {
    steps: number;
    firstUserStep: number | null;
    userShare: number;
    documentShare: number;
    staffRepresentativesInvolved: boolean;
    evaluationSteps: number;
    uninvolvedActors: number;
  };
}

export function synthesize(session: Pick<Session, 'steps' | 'actors' | 'notes'>): Synthesis {
  const categoryOf = new Map(session.actors.map((a) => [a.id, a.category]));
  const steps = session.steps;
  const total = steps.length;
  const number = (s: Step) => steps.indexOf(s) + 1;

  const withUsers = steps.filter((s) => involvesUsers(s, categoryOf));
  const first = withUsers[0];
  let usersText: string;
  if (total === 0) usersText = "Aucune étape : la conduite de projet n'est pas encore retracée.";
  else if (!first) usersText = "Les utilisateur·rices ne prennent part à aucune étape.";
  else {
    const n = number(first);
    const when = first.dateLabel ?? (first.date ? formatPartialDate(first.date) : undefined);
    const delay = n > 1 ? delayText(steps[0]!.date ?? steps.find((s) => s.date)?.date, first.date) : null;
    usersText =
      `Les utilisateur·rices prennent part au projet pour la première fois à l'étape ${n}${when ? ` (${when})` : ''}` +
      (n === 1 ? ', dès la première étape' : delay ? `, ${delay} après la première étape` : `, après ${n - 1} étape${n > 2 ? 's' : ''}`) +
      `. Ils et elles prennent part à ${withUsers.length} étape${withUsers.length > 1 ? 's' : ''} sur ${total} (${pct(withUsers.length, total)} %) : ${kindsOf(withUsers)}.`;
  }

  const documented = steps.filter((s) => s.markers.includes('documents'));
  const undocumented = steps.filter((s) => !s.markers.includes('documents'));
  const docText =
    total === 0
      ? 'Aucune étape.'
      : `${documented.length} étape${documented.length > 1 ? 's' : ''} sur ${total} (${pct(documented.length, total)} %) ${documented.length > 1 ? 'sont attestées' : 'est attestée'} par des documents` +
        (documented.length ? ` : ${numbers(documented.map(number))}` : '') +
        (undocumented.length && documented.length ? `. Sans document : ${numbers(undocumented.map(number))}.` : '.');

  // Taking part (a dialogue step, or staff representatives as pilot or contributor) and being
  // informed or consulted (the marker, or staff representatives as informed) are two facts.
  const isIrp = (actorId: string) => categoryOf.get(actorId) === 'representants-personnel';
  const irpTookPart = steps.filter((s) => s.kind === 'dialogue-social' || s.participants.some((p) => isIrp(p.actorId) && p.role !== 'informe'));
  const irpInformed = steps.filter((s) => s.markers.includes('irp-consultees') || s.participants.some((p) => isIrp(p.actorId) && p.role === 'informe'));
  const irp = steps.filter((s) => involvesStaffRepresentatives(s, categoryOf));
  const stepsText = (xs: Step[]) => `${xs.length} étape${xs.length > 1 ? 's' : ''} (${numbers(xs.map(number))})`;
  const irpText =
    irp.length === 0
      ? "Les représentant·es du personnel (CSE, IRP) ne prennent part à aucune étape et ne sont jamais informé·es ni consulté·es."
      : `Les représentant·es du personnel (CSE, IRP) ${irpTookPart.length ? `prennent part à ${stepsText(irpTookPart)}` : 'ne prennent part à aucune étape'}` +
        ` et ${irpInformed.length ? `sont informé·es ou consulté·es à ${stepsText(irpInformed)}` : 'ne sont jamais informé·es ni consulté·es'}.`;

  const evaluation = steps.filter((s) => s.kind === 'evaluation');
  const evalText =
    evaluation.length === 0
      ? "Aucune étape d'évaluation ou de retour d'expérience."
      : `${evaluation.length} étape${evaluation.length > 1 ? 's' : ''} d'évaluation ou de retour d'expérience : ${numbers(evaluation.map(number))}.`;

  const trainings = steps.filter((s) => s.kind === 'formation');
  const lastTraining = trainings[trainings.length - 1];
  const after = lastTraining ? steps.slice(number(lastTraining)) : [];
  const afterText = !lastTraining
    ? 'Aucune étape de formation.'
    : after.length === 0
      ? `La dernière formation (étape ${number(lastTraining)}) est la dernière étape : rien n'est prévu après.`
      : `Après la dernière formation (étape ${number(lastTraining)}) : ${after.map((s) => `${number(s)} (${STEP_KIND_LABELS[s.kind].toLowerCase()})`).join(', ')}.`;

  const involved = new Set(steps.flatMap((s) => s.participants.map((p) => p.actorId)));
  const uninvolved = session.actors.filter((a) => !involved.has(a.id));

  return {
    users: {
      text: usersText,
      steps: withUsers.map(number),
      explanation: "Une étape implique les utilisateur·rices quand elle porte le marqueur « Utilisateur·rices impliqué·es » ou qu'un·e professionnel·le, un·e référent·e ou l'encadrement y participe.",
    },
    documents: { text: docText, steps: documented.map(number), explanation: "Étapes qui portent le marqueur « Documents attestant l'étape »." },
    staffRepresentatives: {
      text: irpText,
      steps: irp.map(number),
      explanation: "Étapes où participe un acteur « Représentant·es du personnel », qui portent le marqueur « IRP informées ou consultées », ou de type « Dialogue social ».",
    },
    evaluation: { text: evalText, steps: evaluation.map(number), explanation: "Étapes de type « Évaluation / retour d'expérience »." },
    afterTraining: { text: afterText, steps: after.map(number), explanation: 'Ce qui suit la dernière étape de type « Formation » : qui forme les nouveaux arrivants, qui entretient les usages ?' },
    uninvolvedActors: {
      text:
        uninvolved.length === 0
          ? 'Tous les acteurs de la cartographie prennent part à au moins une étape.'
          : `${uninvolved.length} acteur${uninvolved.length > 1 ? 's' : ''} de la cartographie ne prenne${uninvolved.length > 1 ? 'nt' : ''} part à aucune étape : ${list(uninvolved.map((a) => a.name))}.`,
      actors: uninvolved.map((a) => a.id),
      explanation: "Acteurs présents sur la cartographie des acteurs qui ne sont participants d'aucune étape.",
    },
    figures: {
      steps: total,
      firstUserStep: first ? number(first) : null,
      userShare: pct(withUsers.length, total),
      documentShare: pct(documented.length, total),
      staffRepresentativesInvolved: irp.length > 0,
      evaluationSteps: evaluation.length,
      uninvolvedActors: uninvolved.length,
    },
  };
}

export { notesByRole };
