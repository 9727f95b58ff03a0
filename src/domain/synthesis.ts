/**
 * The Synthèse: what a map shows about how the project was run, computed from the session.
 * Pure functions returning facts (step numbers, kinds, counts); the French sentences are written
 * above the domain, in features/synthesis/sentences.ts.
 */
import { period } from './layout/conduct';
import type { ActorCategory, StepKind } from './enums';
import type { Session, Step } from './types';

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
