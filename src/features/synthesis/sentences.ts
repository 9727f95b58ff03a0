/**
 * The Synthèse in words: the domain's facts (domain/synthesis.ts) told as the French sentences
 * shown to the room, each with the step numbers behind it and how it is computed.
 */
import { livedFacts, monthsBetween, percent, synthesisFacts, type LivedFacts, type SynthesisFacts } from '../../domain/synthesis';
import type { StepKind } from '../../domain/enums';
import type { Session } from '../../domain/types';
import { formatPartialDate, slippageText } from '../../i18n/dates';
import { formatNumber, frenchSpaces } from '../../i18n/format';
import { ASPECT_LABELS, DOCUMENT_KIND_LABELS, NON_USAGE_LABELS, STEP_KIND_LABELS } from '../../i18n/labels';

export interface Indicator {
  /** The French sentence shown to the room. */
  text: string;
  /** Step numbers behind it (click to go there). */
  steps: number[];
  /** A one-line explanation of how it is computed. */
  explanation: string;
}

export interface Synthesis {
  users: Indicator;
  documents: Indicator;
  staffRepresentatives: Indicator;
  evaluation: Indicator;
  afterTraining: Indicator;
  uninvolvedActors: { text: string; actors: string[]; explanation: string };
  /** Raw figures, for the comparison of establishments. */
  figures: SynthesisFacts['figures'];
}

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`);
const numbers = (ns: number[]) => list(ns.map(String));
const plural = (n: number) => (n > 1 ? 's' : '');
const kindLabel = (k: StepKind) => STEP_KIND_LABELS[k].toLowerCase();

/** A delay in months, as said: "the same period", "about N months", "about N years". */
function delayWords(months: number): string {
  if (months <= 0) return 'la même période';
  if (months < 24) return `environ ${months} mois`;
  return `environ ${Math.round(months / 12)} ans`;
}

/** "about N months" between the starts of two partial dates, or null when one is missing. */
export function delayText(from: string | undefined, to: string | undefined): string | null {
  const months = monthsBetween(from, to);
  return months === null ? null : delayWords(months);
}

function usersText({ total, users }: SynthesisFacts): string {
  if (total === 0) return "Aucune étape : la conduite de projet n'est pas encore retracée.";
  if (!users.first) return 'Les utilisateur·rices ne prennent part à aucune étape.';
  const n = users.first.number;
  const when = users.first.dateLabel ?? (users.first.date ? formatPartialDate(users.first.date) : undefined);
  const delay = users.delayMonths === null ? null : delayWords(users.delayMonths);
  const count = users.steps.length;
  return (
    `Les utilisateur·rices prennent part au projet pour la première fois à l'étape ${n}${when ? ` (${when})` : ''}` +
    (n === 1 ? ', dès la première étape' : delay ? `, ${delay} après la première étape` : `, après ${n - 1} étape${n > 2 ? 's' : ''}`) +
    `. Ils et elles prennent part à ${count} étape${plural(count)} sur ${total} (${formatNumber(percent(count, total))} %) : ${list(users.kinds.map(kindLabel))}.`
  );
}

function documentsText({ total, documents }: SynthesisFacts): string {
  if (total === 0) return 'Aucune étape.';
  const n = documents.steps.length;
  return (
    `${n} étape${plural(n)} sur ${total} (${formatNumber(percent(n, total))} %) ${n > 1 ? 'sont attestées' : 'est attestée'} par des documents` +
    (n ? ` : ${numbers(documents.steps)}` : '') +
    (documents.undocumented.length && n ? `. Sans document : ${numbers(documents.undocumented)}.` : '.')
  );
}

function staffRepresentativesText({ staffRepresentatives: irp }: SynthesisFacts): string {
  if (irp.steps.length === 0) {
    return 'Les représentant·es du personnel (CSE, IRP) ne prennent part à aucune étape et ne sont jamais informé·es ni consulté·es.';
  }
  const stepsText = (ns: number[]) => `${ns.length} étape${plural(ns.length)} (${numbers(ns)})`;
  return (
    `Les représentant·es du personnel (CSE, IRP) ${irp.tookPart.length ? `prennent part à ${stepsText(irp.tookPart)}` : 'ne prennent part à aucune étape'}` +
    ` et ${irp.informed.length ? `sont informé·es ou consulté·es à ${stepsText(irp.informed)}` : 'ne sont jamais informé·es ni consulté·es'}.`
  );
}

function evaluationText({ evaluation }: SynthesisFacts): string {
  const n = evaluation.steps.length;
  return n === 0
    ? "Aucune étape d'évaluation ou de retour d'expérience."
    : `${n} étape${plural(n)} d'évaluation ou de retour d'expérience : ${numbers(evaluation.steps)}.`;
}

function afterTrainingText({ afterTraining }: SynthesisFacts): string {
  const last = afterTraining.lastTraining;
  if (last === null) return 'Aucune étape de formation.';
  if (afterTraining.steps.length === 0) return `La dernière formation (étape ${last}) est la dernière étape : rien n'est prévu après.`;
  return `Après la dernière formation (étape ${last}) : ${afterTraining.steps.map((s) => `${s.number} (${kindLabel(s.kind)})`).join(', ')}.`;
}

function uninvolvedText({ uninvolvedActors }: SynthesisFacts): string {
  const n = uninvolvedActors.names.length;
  return n === 0
    ? 'Tous les acteurs de la cartographie prennent part à au moins une étape.'
    : `${frenchSpaces(`${n} acteur${plural(n)} de la cartographie ne ${n > 1 ? 'prennent' : 'prend'} part à aucune étape :`)} ${list(uninvolvedActors.names)}.`;
}

/** The Synthèse of a session, in French. */
export function synthesize(session: Pick<Session, 'steps' | 'actors' | 'notes'>): Synthesis {
  const facts = synthesisFacts(session);
  return {
    users: {
      text: frenchSpaces(usersText(facts)),
      steps: facts.users.steps,
      explanation: frenchSpaces("Une étape implique les utilisateur·rices quand elle porte le marqueur « Utilisateur·rices impliqué·es » ou qu'un·e professionnel·le, un·e référent·e ou l'encadrement y participe."),
    },
    documents: { text: frenchSpaces(documentsText(facts)), steps: facts.documents.steps, explanation: frenchSpaces("Étapes qui portent le marqueur « Documents attestant l'étape ».") },
    staffRepresentatives: {
      text: frenchSpaces(staffRepresentativesText(facts)),
      steps: facts.staffRepresentatives.steps,
      explanation: frenchSpaces("Étapes où participe un acteur « Représentant·es du personnel », qui portent le marqueur « IRP consultées » ou « IRP informées », ou de type « Dialogue social »."),
    },
    evaluation: { text: frenchSpaces(evaluationText(facts)), steps: facts.evaluation.steps, explanation: frenchSpaces("Étapes de type « Évaluation / retour d'expérience ».") },
    afterTraining: {
      text: frenchSpaces(afterTrainingText(facts)),
      steps: facts.afterTraining.steps.map((s) => s.number),
      explanation: frenchSpaces('Ce qui suit la dernière étape de type « Formation » : qui forme les nouvelles recrues, qui entretient les usages ?'),
    },
    uninvolvedActors: {
      text: uninvolvedText(facts),
      actors: facts.uninvolvedActors.ids,
      explanation: "Acteurs présents sur la cartographie des acteurs qui ne sont participants d'aucune étape.",
    },
    figures: facts.figures,
  };
}

/*
 * Version 2: the project as it was lived (issue 22): slipped dates and events, use and non-use,
 * unanswered feedback, named documents, notes by aspect.
 */

export interface LivedSynthesis {
  /** Steps done at another time than planned, and events. */
  time: Indicator;
  /** Who does not use the tool, why, and whether they took part in steps. */
  nonUse: Indicator;
  /** Feedback left without an answer. */
  feedback: { text: string; explanation: string };
  /** Named documents, by kind: the kind's label and each document with its step. */
  documents: { kind: string; items: { title: string; number: number }[] }[];
  /** Notes by aspect: the aspect's label and the ids of its notes. */
  aspects: { aspect: string; notes: string[] }[];
}

function timeText({ slipped, events }: LivedFacts): string {
  const parts: string[] = [];
  if (slipped.length === 0) parts.push("Aucune étape n'a eu lieu à une autre date que prévu (ou les dates prévues ne sont pas renseignées).");
  else {
    const n = slipped.length;
    parts.push(
      `${n} étape${plural(n)} ${n > 1 ? 'ont eu lieu' : 'a eu lieu'} à une autre date que prévu : ` +
        slipped.map((s) => `étape ${s.number} (${slippageText(s.planned, s.date)}${s.months > 0 ? `, ${delayWords(s.months)} de retard` : ''})`).join(', ') + '.',
    );
  }
  if (events.length > 0) parts.push(`Événements : ${events.map((e) => `étape ${e.number} (${kindLabel(e.kind)})`).join(', ')}.`);
  return parts.join(' ');
}

function nonUseText({ nonUsers, partialUsers }: LivedFacts): string {
  if (nonUsers.length === 0 && partialUsers.length === 0) return "Aucun acteur n'est indiqué comme non-utilisateur·rice ou utilisateur·rice partiel·le de l'outil.";
  const parts: string[] = [];
  if (nonUsers.length > 0) {
    const who = nonUsers.map((a) => `${a.name} (${a.reason ? NON_USAGE_LABELS[a.reason].toLowerCase() : 'raison non précisée'}${a.note ? ` : « ${a.note} »` : ''})`);
    parts.push(`${nonUsers.length > 1 ? `${nonUsers.length} acteurs n'utilisent pas` : "Un acteur n'utilise pas"} l'outil : ${list(who)}.`);
    const took = nonUsers.filter((a) => a.steps.length > 0);
    if (took.length === 0) parts.push(nonUsers.length > 1 ? 'Aucun ne prend part à une étape du projet.' : 'Il ne prend part à aucune étape du projet.');
    else {
      parts.push(took.map((a) => `${a.name} prend part ${a.steps.length > 1 ? `aux étapes ${numbers(a.steps)}` : `à l'étape ${a.steps[0]}`}`).join(' ; ') + '.');
      const never = nonUsers.filter((a) => a.steps.length === 0);
      if (never.length > 0) parts.push(`${list(never.map((a) => a.name))} ${never.length > 1 ? 'ne prennent' : 'ne prend'} part à aucune étape.`);
    }
  }
  if (partialUsers.length > 0) {
    parts.push(`Usage partiel : ${list(partialUsers.map((a) => (a.note ? `${a.name} (« ${a.note} »)` : a.name)))}.`);
  }
  return parts.join(' ');
}

function feedbackText({ feedback }: LivedFacts): string {
  if (feedback.total === 0) return 'Aucune relation « Remonte à » sur la cartographie des acteurs.';
  const n = feedback.unanswered.length;
  if (n === 0) return `Aucune remontée sans réponse (${feedback.total} remontée${plural(feedback.total)}).`;
  const judge = feedback.judge ? (feedback.judge.category === 'dsi' ? ' par la DSI' : ` par ${feedback.judge.name}`) : '';
  const k = feedback.outOfScope;
  return (
    `${n} remontée${plural(n)} sans réponse${n < feedback.total ? ` sur ${feedback.total}` : ''}` +
    (k > 0 ? (k === n ? `, ${n > 1 ? 'toutes jugées' : 'jugée'} hors périmètre${judge}` : `, dont ${k} jugée${plural(k)} hors périmètre${judge}`) : '') +
    '.'
  );
}

/** What the maps say of how the project was lived, in French. */
export function livedSynthesis(session: Pick<Session, 'steps' | 'actors' | 'relations' | 'notes'>): LivedSynthesis {
  const facts = livedFacts(session);
  return {
    time: {
      text: frenchSpaces(timeText(facts)),
      steps: [...new Set([...facts.slipped.map((s) => s.number), ...facts.events.map((e) => e.number)])].sort((a, b) => a - b),
      explanation: frenchSpaces("Étapes dont la « Date prévue » diffère de la « Date », et étapes de type Incident, Report, Contournement ou Refus."),
    },
    nonUse: {
      text: frenchSpaces(nonUseText(facts)),
      steps: [...new Set(facts.nonUsers.flatMap((a) => a.steps))].sort((a, b) => a - b),
      explanation: frenchSpaces("Acteurs dont l'« Usage » est « Non-utilisateur·rice » ou « Usage partiel » : la non-utilisation a un sens, à expliquer."),
    },
    feedback: {
      text: frenchSpaces(feedbackText(facts)),
      explanation: frenchSpaces("Relations « Remonte à » dont la « Suite donnée » est « Sans réponse » ou « Hors périmètre » : une boucle restée ouverte."),
    },
    documents: facts.documents.map((d) => ({ kind: DOCUMENT_KIND_LABELS[d.kind], items: d.items })),
    aspects: facts.aspects.map((a) => ({ aspect: ASPECT_LABELS[a.aspect], notes: a.notes })),
  };
}
