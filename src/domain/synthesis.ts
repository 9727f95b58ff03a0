/**
 * The Synthèse: what a map shows about how the project was run, computed from the session.
 * Pure functions returning facts (step numbers, kinds, counts); the French sentences are written
 * above the domain, in features/synthesis/sentences.ts.
 */
import { period } from './layout/conduct';
import { comparePartialDates } from './dates';
import { ASPECTS, DOCUMENT_KINDS, isEventKind, type ActorCategory, type Aspect, type DocumentKind, type NonUsageReason, type StepKind } from './enums';
import type { Relation, Session, Step } from './types';

/**
 * The end users of the tool: the professionals at work. Référent·es and management relay the
 * project to them; counting relays as users would hide that end users come in late.
 */
const USER_CATEGORIES: readonly ActorCategory[] = ['professionnels'];

export function involvesUsers(step: Step, categoryOf: ReadonlyMap<string, ActorCategory>): boolean {
  return step.markers.includes('utilisateurs-impliques') || step.participants.some((p) => USER_CATEGORIES.includes(categoryOf.get(p.actorId)!));
}

export function involvesStaffRepresentatives(step: Step, categoryOf: ReadonlyMap<string, ActorCategory>): boolean {
  return (
    step.markers.includes('irp-consultees') ||
    step.markers.includes('irp-informees') ||
    step.kind === 'dialogue-social' ||
    step.participants.some((p) => categoryOf.get(p.actorId) === 'representants-personnel')
  );
}

/** Share of `n` in `total`, in whole percents (0 when there is nothing). */
export const percent = (n: number, total: number): number => (total === 0 ? 0 : Math.round((n / total) * 100));

/** Months between the starts of two partial dates (rounded), or null when one is missing. */
export function monthsBetween(from: string | undefined, to: string | undefined): number | null {
  if (!from || !to) return null;
  return Math.round(period(to).start - period(from).start);
}

export interface SynthesisFacts {
  /** Number of steps. */
  total: number;
  users: {
    /** Numbers of the steps that involve users. */
    steps: number[];
    /** The first of them, with its date as written. */
    first: { number: number; date?: string; dateLabel?: string } | null;
    /** Months from the first dated step to the first with users (null when it is step 1 or a date is missing). */
    delayMonths: number | null;
    /** Kinds of the steps with users, each once, in order of appearance. */
    kinds: StepKind[];
  };
  documents: { steps: number[]; undocumented: number[] };
  staffRepresentatives: {
    /** Steps where they are involved in any way. */
    steps: number[];
    /** A dialogue step, or staff representatives as pilot or contributor. */
    tookPart: number[];
    /** The marker, or staff representatives as informed. */
    informed: number[];
  };
  evaluation: { steps: number[] };
  afterTraining: { lastTraining: number | null; steps: { number: number; kind: StepKind }[] };
  uninvolvedActors: { ids: string[]; names: string[] };
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

export function synthesisFacts(session: Pick<Session, 'steps' | 'actors' | 'notes'>): SynthesisFacts {
  const categoryOf = new Map(session.actors.map((a) => [a.id, a.category]));
  const steps = session.steps;
  const total = steps.length;
  const number = (s: Step) => steps.indexOf(s) + 1;

  const withUsers = steps.filter((s) => involvesUsers(s, categoryOf));
  const first = withUsers[0];
  const firstNumber = first ? number(first) : null;
  const delayMonths =
    first && firstNumber! > 1 ? monthsBetween(steps[0]!.date ?? steps.find((s) => s.date)?.date, first.date) : null;

  const documented = steps.filter((s) => s.markers.includes('documents'));
  const undocumented = steps.filter((s) => !s.markers.includes('documents'));

  // Taking part (a dialogue step, or staff representatives as pilot or contributor) and being
  // informed or consulted (the marker, or staff representatives as informed) are two facts.
  const isIrp = (actorId: string) => categoryOf.get(actorId) === 'representants-personnel';
  const irpTookPart = steps.filter((s) => s.kind === 'dialogue-social' || s.participants.some((p) => isIrp(p.actorId) && p.role !== 'informe'));
  const irpInformed = steps.filter((s) => s.markers.includes('irp-consultees') || s.participants.some((p) => isIrp(p.actorId) && p.role === 'informe'));
  const irp = steps.filter((s) => involvesStaffRepresentatives(s, categoryOf));

  const evaluation = steps.filter((s) => s.kind === 'evaluation');

  const trainings = steps.filter((s) => s.kind === 'formation');
  const lastTraining = trainings[trainings.length - 1];
  const after = lastTraining ? steps.slice(number(lastTraining)) : [];

  const involved = new Set(steps.flatMap((s) => s.participants.map((p) => p.actorId)));
  const uninvolved = session.actors.filter((a) => !involved.has(a.id));

  return {
    total,
    users: {
      steps: withUsers.map(number),
      first: first ? { number: firstNumber!, ...(first.date ? { date: first.date } : {}), ...(first.dateLabel !== undefined ? { dateLabel: first.dateLabel } : {}) } : null,
      delayMonths,
      kinds: [...new Set(withUsers.map((s) => s.kind))],
    },
    documents: { steps: documented.map(number), undocumented: undocumented.map(number) },
    staffRepresentatives: { steps: irp.map(number), tookPart: irpTookPart.map(number), informed: irpInformed.map(number) },
    evaluation: { steps: evaluation.map(number) },
    afterTraining: { lastTraining: lastTraining ? number(lastTraining) : null, steps: after.map((s) => ({ number: number(s), kind: s.kind })) },
    uninvolvedActors: { ids: uninvolved.map((a) => a.id), names: uninvolved.map((a) => a.name) },
    figures: {
      steps: total,
      firstUserStep: firstNumber,
      userShare: percent(withUsers.length, total),
      documentShare: percent(documented.length, total),
      staffRepresentativesInvolved: irp.length > 0,
      evaluationSteps: evaluation.length,
      uninvolvedActors: uninvolved.length,
    },
  };
}

/*
 * Version 2: the project as it was lived (issue 22). Facts only; their words are in
 * features/synthesis/sentences.ts (`livedSynthesis`).
 */

/** A step done at another time than planned: both dates, and the months between their starts (negative: early). */
export interface Slippage { planned: string; date: string; months: number }

/** The slippage of a step, or null when it has no plan, no date, or was done when planned (at the precision both share). */
export function slippage(step: Pick<Step, 'planned' | 'date'>): Slippage | null {
  const { planned, date } = step;
  if (!planned || !date || comparePartialDates(planned, date) === 0) return null;
  return { planned, date, months: Math.round(period(date).start - period(planned).start) };
}

export interface LivedFacts {
  /** Steps done at another time than planned, in order. */
  slipped: ({ number: number } & Slippage)[];
  /** Steps that are events (incident, postponement, workaround, refusal). */
  events: { number: number; kind: StepKind }[];
  /** Actors who do not use the tool, why, and the steps they took part in. */
  nonUsers: { id: string; name: string; reason?: NonUsageReason; note?: string; steps: number[] }[];
  /** Actors who use it partly. */
  partialUsers: { id: string; name: string; note?: string }[];
  feedback: {
    /** Feedback (`remonte`) relations. */
    total: number;
    /** Those left without an answer, out of scope included. */
    unanswered: { id: string; from: string; to: string; outOfScope: boolean }[];
    /** Those judged out of scope. */
    outOfScope: number;
    /** Who judged them out of scope, when it is one actor (the relations' target): its id, name and category. */
    judge: { id: string; name: string; category: ActorCategory } | null;
  };
  /** Named documents by kind (kinds without a document left out), each with its step's number. */
  documents: { kind: DocumentKind; items: { title: string; number: number }[] }[];
  /** Ids of the notes speaking of each aspect (aspects without a note left out). */
  aspects: { aspect: Aspect; notes: string[] }[];
}

export function livedFacts(session: Pick<Session, 'steps' | 'actors' | 'relations' | 'notes'>): LivedFacts {
  const { steps, actors, relations, notes } = session;
  const slipped = steps.flatMap((s, i) => {
    const slip = slippage(s);
    return slip ? [{ number: i + 1, ...slip }] : [];
  });
  const events = steps.flatMap((s, i) => (isEventKind(s.kind) ? [{ number: i + 1, kind: s.kind }] : []));
  const stepsOf = (actorId: string) => steps.flatMap((s, i) => (s.participants.some((p) => p.actorId === actorId) ? [i + 1] : []));
  const nonUsers = actors
    .filter((a) => a.usage === 'non-utilisateur')
    .map((a) => ({ id: a.id, name: a.name, ...(a.nonUsage ? { reason: a.nonUsage } : {}), ...(a.usageNote ? { note: a.usageNote } : {}), steps: stepsOf(a.id) }));
  const partialUsers = actors
    .filter((a) => a.usage === 'partiel')
    .map((a) => ({ id: a.id, name: a.name, ...(a.usageNote ? { note: a.usageNote } : {}) }));

  const feedback = relations.filter((r) => r.kind === 'remonte');
  const unanswered = feedback.filter(isUnansweredFeedback);
  const outOfScope = unanswered.filter((r) => r.answer === 'hors-perimetre');
  const judges = [...new Set(outOfScope.map((r) => r.to))];
  const judgeActor = judges.length === 1 ? actors.find((a) => a.id === judges[0]) : undefined;

  const documents = DOCUMENT_KINDS.map((kind) => ({
    kind,
    items: steps.flatMap((s, i) => (s.documents ?? []).filter((d) => d.kind === kind).map((d) => ({ title: d.title, number: i + 1 }))),
  })).filter((d) => d.items.length > 0);

  const aspects = ASPECTS.map((aspect) => ({ aspect, notes: notes.filter((n) => n.aspects?.includes(aspect)).map((n) => n.id) })).filter((a) => a.notes.length > 0);

  return {
    slipped,
    events,
    nonUsers,
    partialUsers,
    feedback: {
      total: feedback.length,
      unanswered: unanswered.map((r) => ({ id: r.id, from: r.from, to: r.to, outOfScope: r.answer === 'hors-perimetre' })),
      outOfScope: outOfScope.length,
      judge: judgeActor ? { id: judgeActor.id, name: judgeActor.name, category: judgeActor.category } : null,
    },
    documents,
    aspects,
  };
}

/** A feedback relation left without an answer (out of scope included): a broken loop, drawn open. */
export const isUnansweredFeedback = (r: Pick<Relation, 'kind' | 'answer'>): boolean =>
  r.kind === 'remonte' && (r.answer === 'sans-reponse' || r.answer === 'hors-perimetre');
