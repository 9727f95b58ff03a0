/**
 * The rules of docs/format/README.md that the schema cannot say: unique ids, references
 * that resolve, chronological order of the steps, end dates not before start dates.
 */
import { comparePartialDates, precisionOf, truncate, type Precision } from '../dates';
import type { DomainError } from '../result';
import { ENTITY_KINDS, type EntityKind, type Session } from '../types';

export const COLLECTION_LABELS: Record<EntityKind, string> = {
  lanes: 'couloirs',
  actors: 'acteurs',
  steps: 'étapes',
  links: 'liens',
  relations: 'relations',
  notes: 'notes',
};

export interface RuleOptions {
  /**
   * Check that the steps are in chronological order (true for files). The app itself may hold a
   * session whose order contradicts a date: the map flags it rather than fixing it silently.
   */
  chronology?: boolean;
}

export function checkRules(session: Session, { chronology = true }: RuleOptions = {}): DomainError[] {
  const errors: DomainError[] = [];
  const err = (path: string, message: string) => errors.push({ path: `session.${path}`, message });

  // 1. Every id is unique within its array.
  for (const kind of ENTITY_KINDS) {
    const seen = new Set<string>();
    session[kind].forEach((item, i) => {
      if (seen.has(item.id)) {
        err(`${kind}[${i}].id`, `Identifiant en double « ${item.id} » dans les ${COLLECTION_LABELS[kind]}, au rang ${i + 1}.`);
      }
      seen.add(item.id);
    });
  }

  // 2. References resolve.
  const actorIds = new Set(session.actors.map((a) => a.id));
  const laneIds = new Set(session.lanes.map((l) => l.id));
  const stepIds = new Set(session.steps.map((s) => s.id));
  session.lanes.forEach((lane, i) => {
    if (lane.actorId !== undefined && !actorIds.has(lane.actorId)) {
      err(`lanes[${i}].actorId`, `Le couloir « ${lane.id} » renvoie à un acteur inconnu « ${lane.actorId} ».`);
    }
  });
  session.steps.forEach((step, i) => {
    if (!laneIds.has(step.laneId)) {
      err(`steps[${i}].laneId`, `L'étape « ${step.id} » est placée dans un couloir inconnu « ${step.laneId} ».`);
    }
    step.participants.forEach((p, j) => {
      if (!actorIds.has(p.actorId)) {
        err(`steps[${i}].participants[${j}].actorId`, `L'étape « ${step.id} » a pour participant un acteur inconnu « ${p.actorId} ».`);
      }
    });
  });
  session.links.forEach((link, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!stepIds.has(link[end])) {
        err(`links[${i}].${end}`, `Le lien « ${link.id} » ${end === 'from' ? 'part d' : 'mène à'}'une étape inconnue « ${link[end]} ».`);
      }
    }
  });
  session.relations.forEach((rel, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!actorIds.has(rel[end])) {
        err(`relations[${i}].${end}`, `La relation « ${rel.id} » ${end === 'from' ? 'part d' : 'mène à'}'un acteur inconnu « ${rel[end]} ».`);
      }
    }
  });
  session.notes.forEach((note, i) => {
    const target = note.attachedTo;
    if (!target) return;
    const known = target.type === 'step' ? stepIds : actorIds;
    if (!known.has(target.id)) {
      err(
        `notes[${i}].attachedTo`,
        `La note « ${note.id} » est attachée à ${target.type === 'step' ? 'une étape inconnue' : 'un acteur inconnu'} « ${target.id} ».`,
      );
    }
  });

  // Version 2: a planned hole names the step it became; a reason of non-use goes with a non-user;
  // only feedback gets an answer; one decision per rule.
  const reviewed = new Set<string>();
  (session.gaps ?? []).forEach((gap, i) => {
    if (gap.stepId !== undefined && !stepIds.has(gap.stepId)) {
      err(`gaps[${i}].stepId`, `L'étape manquante « ${gap.rule} » renvoie à une étape inconnue « ${gap.stepId} ».`);
    }
    if (reviewed.has(gap.rule)) err(`gaps[${i}].rule`, `L'étape manquante « ${gap.rule} » est revue deux fois.`);
    reviewed.add(gap.rule);
  });
  session.actors.forEach((actor, i) => {
    if (actor.nonUsage !== undefined && actor.usage !== 'non-utilisateur') {
      err(`actors[${i}].nonUsage`, `L'acteur « ${actor.id} » a une raison de non-usage sans être non-utilisateur·rice.`);
    }
  });
  session.relations.forEach((rel, i) => {
    if (rel.answer !== undefined && rel.kind !== 'remonte') {
      err(`relations[${i}].answer`, `La relation « ${rel.id} » a une suite donnée sans être une remontée.`);
    }
  });

  // Version 2, the viewpoints: objective ids unique, actors known, matches join two objectives of
  // two different roles, once.
  const vp = session.viewpoints;
  if (vp) {
    const roleOf = new Map<string, string>();
    vp.objectives.forEach((o, i) => {
      if (roleOf.has(o.id)) err(`viewpoints.objectives[${i}].id`, `Identifiant en double « ${o.id} » dans les objectifs, au rang ${i + 1}.`);
      roleOf.set(o.id, o.role);
      if (o.actorId !== undefined && !actorIds.has(o.actorId)) {
        err(`viewpoints.objectives[${i}].actorId`, `L'objectif « ${o.id} » renvoie à un acteur inconnu « ${o.actorId} ».`);
      }
    });
    const pairs = new Set<string>();
    (vp.matches ?? []).forEach(([a, b], i) => {
      const path = `viewpoints.matches[${i}]`;
      const unknown = [a, b].filter((x) => !roleOf.has(x));
      if (unknown.length > 0) {
        err(path, `La correspondance ${i + 1} relie un objectif inconnu « ${unknown[0]} ».`);
        return;
      }
      if (roleOf.get(a) === roleOf.get(b)) err(path, `La correspondance ${i + 1} relie deux objectifs du même regard (« ${a} » et « ${b} »).`);
      const key = [a, b].sort().join(' ');
      if (pairs.has(key)) err(path, `La correspondance ${i + 1} entre « ${a} » et « ${b} » est en double.`);
      pairs.add(key);
    });
  }

  // Version 2, the stack of temporalities and the action collective: event ids unique; an action
  // does not end before it starts.
  const eventIds = new Set<string>();
  (session.institutionalEvents ?? []).forEach((ev, i) => {
    if (eventIds.has(ev.id)) err(`institutionalEvents[${i}].id`, `Identifiant en double « ${ev.id} » dans les événements institutionnels, au rang ${i + 1}.`);
    eventIds.add(ev.id);
  });
  const collective = session.collective;
  if (collective?.start && collective.end && comparePartialDates(collective.end, collective.start) < 0) {
    err('collective.end', `L'action collective « ${collective.name} » finit (${collective.end}) avant de commencer (${collective.start}).`);
  }

  // 3. Dates: end not before start; steps in chronological order.
  session.steps.forEach((step, i) => {
    if (step.date && step.endDate && comparePartialDates(step.endDate, step.date) < 0) {
      err(`steps[${i}].endDate`, `L'étape « ${step.id} » finit (${step.endDate}) avant de commencer (${step.date}).`);
    }
  });
  for (const c of chronology ? findChronologyConflicts(session.steps) : []) {
    const i = c.index;
    const step = session.steps[i]!;
    err(
      `steps[${i}].date`,
      `Les étapes ne sont pas dans l'ordre chronologique : l'étape ${i + 1} « ${step.id} » (${step.date}) est datée avant l'étape ${c.earlierIndex + 1} « ${session.steps[c.earlierIndex]!.id} » (${session.steps[c.earlierIndex]!.date}) qui la précède.`,
    );
  }
  return errors;
}

export interface ChronologyConflict {
  /** The step whose date is before an earlier step's date. */
  index: number;
  /** The earlier step it contradicts. */
  earlierIndex: number;
}

const LEVELS: Precision[] = ['year', 'month', 'day'];

/**
 * Steps whose date is before the date of a step that precedes them, compared at the precision
 * both share. Linear: for each precision it keeps the latest earlier date seen.
 */
export function findChronologyConflicts(steps: readonly { date?: string | undefined }[]): ChronologyConflict[] {
  const conflicts: ChronologyConflict[] = [];
  // maxAtLeast[p]: latest truncate(d, p) among earlier dates of precision ≥ p.
  // maxExact[p]: latest earlier date of precision exactly p.
  const maxAtLeast = new Map<Precision, { value: string; index: number }>();
  const maxExact = new Map<Precision, { value: string; index: number }>();
  steps.forEach((step, index) => {
    const d = step.date;
    if (!d) return;
    const p = precisionOf(d);
    const rank = LEVELS.indexOf(p);
    let culprit: number | undefined;
    const atLeast = maxAtLeast.get(p);
    if (atLeast && atLeast.value > truncate(d, p)) culprit = atLeast.index;
    for (const q of LEVELS.slice(0, rank)) {
      const exact = maxExact.get(q);
      if (culprit === undefined && exact && exact.value > truncate(d, q)) culprit = exact.index;
    }
    if (culprit !== undefined) conflicts.push({ index, earlierIndex: culprit });
    for (const q of LEVELS.slice(0, rank + 1)) {
      const t = truncate(d, q);
      const cur = maxAtLeast.get(q);
      if (!cur || t > cur.value) maxAtLeast.set(q, { value: t, index });
    }
    const cur = maxExact.get(p);
    if (!cur || d > cur.value) maxExact.set(p, { value: d, index });
  });
  return conflicts;
}
