/**
 * The holes of a project's conduct (docs/domain.md, "Reading a map for what is missing"): pure
 * rules that find, on a conduct map, the steps the report says are often missing, and the
 * commands that record what the trinôme decided about each one (`session.gaps`). Facts only: the
 * sentences that say why a hole matters, and the titles of the missing steps, are in i18n/gaps.ts.
 */
import type { ActorCategory, GapRule, Marker, StepKind } from './enums';
import { GAP_RULES } from './enums';
import { addStep, insertionIndexForDate } from './commands/conduct';
import { involvesStaffRepresentatives, involvesUsers } from './synthesis';
import type { Session, Step } from './types';

export type GapReview = NonNullable<Session['gaps']>[number];

export interface Gap {
  rule: GapRule;
  /** The kind of the step that is missing (the kind of the step it becomes when planned). */
  kind: StepKind;
  /** The lane of the actor who would run it. */
  laneId: string;
  /**
   * Where it should have been in the chronology: before the step at this index (`steps.length`:
   * after the last step).
   */
  anchor: number;
  /** Numbers of the steps that show the hole (the choice made without users, the update…). */
  steps: number[];
  /** What the trinôme decided, if it did. */
  review?: GapReview;
}

/** The kind, the markers and the lanes (by the category of their actor, in order of preference) of each missing step. */
export const GAP_STEP: Record<GapRule, { kind: StepKind; markers: Marker[]; runBy: ActorCategory[] }> = {
  'analyse-besoins': { kind: 'organisation', markers: ['utilisateurs-impliques'], runBy: ['instance-projet', 'direction', 'groupement'] },
  'irp-avant-deploiement': { kind: 'dialogue-social', markers: ['irp-consultees'], runBy: ['representants-personnel', 'direction'] },
  'evaluation-apres-deploiement': { kind: 'evaluation', markers: ['utilisateurs-impliques'], runBy: ['instance-projet', 'direction', 'groupement'] },
  'evaluation-sans-utilisateurs': { kind: 'evaluation', markers: ['utilisateurs-impliques'], runBy: ['professionnels', 'instance-projet', 'direction'] },
  'suite-formation': { kind: 'formation', markers: ['utilisateurs-impliques'], runBy: ['referents', 'encadrement', 'direction'] },
  'canal-ajustements': { kind: 'ajustement', markers: [], runBy: ['dsi', 'referents', 'direction'] },
  'mise-a-jour-sans-information': { kind: 'formation', markers: ['utilisateurs-informes'], runBy: ['dsi', 'referents', 'direction'] },
};

/** Kinds that organise what comes after a training: a new training, an update, a review, a project body, referents. */
const AFTER_TRAINING: readonly StepKind[] = ['formation', 'mise-a-jour', 'evaluation', 'organisation', 'designation'];

type GapInput = Pick<Session, 'steps' | 'actors' | 'lanes' | 'relations'> & Pick<Partial<Session>, 'gaps'>;

/** The lane of the first category of `runBy` that has one; else `fallback` if given; else the first lane. */
function laneFor(session: GapInput, runBy: readonly ActorCategory[], fallback?: string): string {
  const categoryOf = new Map(session.actors.map((a) => [a.id, a.category]));
  for (const category of runBy) {
    const lane = session.lanes.find((l) => l.actorId !== undefined && categoryOf.get(l.actorId) === category);
    if (lane) return lane.id;
  }
  return fallback ?? session.lanes[0]?.id ?? '';
}

/** A feedback channel that is organised: a `remonte` relation with a channel, not only observed. */
const organisedChannel = (session: GapInput) =>
  session.relations.some((r) => r.kind === 'remonte' && r.channel !== undefined && r.formality !== 'observee' && r.answer !== 'sans-reponse');

/** The holes the rules find, in the order of GAP_RULES, each with its review if there is one. */
export function findGaps(session: GapInput): Gap[] {
  const categoryOf = new Map(session.actors.map((a) => [a.id, a.category]));
  const steps = session.steps;
  const users = (s: Step) => involvesUsers(s, categoryOf);
  const indexOfKind = (kind: StepKind) => steps.findIndex((s) => s.kind === kind);
  const found: Omit<Gap, 'kind' | 'laneId' | 'review'>[] = [];
  const lanes: Partial<Record<GapRule, string>> = {};

  const choice = indexOfKind('choix-solution');
  if (choice >= 0 && !steps.slice(0, choice).some(users)) found.push({ rule: 'analyse-besoins', anchor: choice, steps: [choice + 1] });

  const deployment = indexOfKind('deploiement');
  if (deployment >= 0 && !steps.slice(0, deployment).some((s) => involvesStaffRepresentatives(s, categoryOf))) {
    found.push({ rule: 'irp-avant-deploiement', anchor: deployment, steps: [deployment + 1] });
  }

  const evaluations = steps.map((s, i) => (s.kind === 'evaluation' ? i : -1)).filter((i) => i >= 0);
  if (deployment >= 0 && !evaluations.some((i) => i > deployment)) {
    found.push({ rule: 'evaluation-apres-deploiement', anchor: steps.length, steps: [deployment + 1] });
  }
  if (evaluations.length > 0 && !evaluations.some((i) => users(steps[i]!))) {
    found.push({ rule: 'evaluation-sans-utilisateurs', anchor: evaluations[0]! + 1, steps: evaluations.map((i) => i + 1) });
  }

  const trainings = steps.map((s, i) => (s.kind === 'formation' ? i : -1)).filter((i) => i >= 0);
  const lastTraining = trainings[trainings.length - 1];
  if (lastTraining !== undefined && !steps.slice(lastTraining + 1).some((s) => AFTER_TRAINING.includes(s.kind))) {
    found.push({ rule: 'suite-formation', anchor: lastTraining + 1, steps: [lastTraining + 1] });
    lanes['suite-formation'] = steps[lastTraining]!.laneId;
  }

  const adjustments = steps.map((s, i) => (s.kind === 'ajustement' ? i : -1)).filter((i) => i >= 0);
  const unanswered = session.relations.some((r) => r.kind === 'remonte' && r.answer === 'sans-reponse');
  if ((adjustments.length > 0 && !organisedChannel(session)) || unanswered) {
    found.push({ rule: 'canal-ajustements', anchor: adjustments[0] ?? steps.length, steps: adjustments.map((i) => i + 1) });
  }

  const update = steps.findIndex((s) => s.kind === 'mise-a-jour' && !users(s) && !s.markers.includes('utilisateurs-informes'));
  if (update >= 0) found.push({ rule: 'mise-a-jour-sans-information', anchor: update, steps: [update + 1] });

  const reviews = new Map((session.gaps ?? []).map((g) => [g.rule, g]));
  return found.map((g) => {
    const review = reviews.get(g.rule);
    const { kind, runBy } = GAP_STEP[g.rule];
    // A training's follow-up falls to referents; without them, to whoever ran the last training.
    const laneId = g.rule === 'suite-formation' ? laneFor(session, runBy.slice(0, 1), lanes['suite-formation']) : laneFor(session, runBy);
    return { ...g, kind, laneId, ...(review ? { review } : {}) };
  });
}

/** The holes not reviewed yet: the ones drawn as missing steps. */
export const openGaps = (session: GapInput): Gap[] => findGaps(session).filter((g) => !g.review);

const withReview = (session: Session, review: GapReview): Session => ({
  ...session,
  gaps: [...(session.gaps ?? []).filter((g) => g.rule !== review.rule), review],
});

/** Sets a hole aside, with the trinôme's reason. Refused (same session) for an unknown rule. */
export function dismissGap(session: Session, rule: GapRule, reason: string): Session {
  if (!GAP_RULES.includes(rule)) return session;
  const text = reason.trim();
  return withReview(session, { rule, status: 'ecarte', ...(text ? { reason: text } : {}) });
}

/**
 * The step a hole becomes when planned: of the hole's kind and markers, in its lane, with a
 * planned date and no actual date (a step *à venir*).
 */
export function plannedStep(gap: Pick<Gap, 'rule' | 'laneId'>, fields: { id: string; title: string; planned: string }): Step {
  const { kind, markers } = GAP_STEP[gap.rule];
  return { id: fields.id, title: fields.title, laneId: gap.laneId, kind, markers: [...markers], participants: [], planned: fields.planned };
}

/**
 * Plans a hole: adds the step (placed in the chronology by its planned date) and records the
 * review naming it. Refused (same session) when the step cannot be added.
 */
export function planGap(session: Session, rule: GapRule, step: Step): Session {
  if (!GAP_RULES.includes(rule)) return session;
  const added = addStep(session, step, insertionIndexForDate(session.steps, step.planned));
  if (added === session) return session;
  return withReview(added, { rule, status: 'planifie', stepId: step.id });
}

/** Whether a step is *à venir*: planned, not done. */
export const isUpcoming = (step: Pick<Step, 'planned' | 'date'>): boolean => step.planned !== undefined && step.date === undefined;

/** The action plan: the holes planned (their steps à venir, by planned date) and those set aside, with their reasons. */
export interface ActionPlan {
  planned: { rule: GapRule; stepId: string; number: number; title: string; planned?: string; done: boolean }[];
  dismissed: { rule: GapRule; reason?: string }[];
}

export function actionPlan(session: Pick<Session, 'steps'> & Pick<Partial<Session>, 'gaps'>): ActionPlan {
  const reviews = [...(session.gaps ?? [])].sort((a, b) => GAP_RULES.indexOf(a.rule) - GAP_RULES.indexOf(b.rule));
  const planned: ActionPlan['planned'] = [];
  for (const g of reviews) {
    if (g.status !== 'planifie' || !g.stepId) continue;
    const index = session.steps.findIndex((s) => s.id === g.stepId);
    const step = session.steps[index];
    if (!step) continue;
    planned.push({ rule: g.rule, stepId: step.id, number: index + 1, title: step.title, ...(step.planned ? { planned: step.planned } : {}), done: step.date !== undefined });
  }
  planned.sort((a, b) => a.number - b.number);
  const dismissed = reviews.filter((g) => g.status === 'ecarte').map((g) => ({ rule: g.rule, ...(g.reason ? { reason: g.reason } : {}) }));
  return { planned, dismissed };
}
