/**
 * Commands of the project-conduct map: pure functions `session → session`. Each returns a new
 * session sharing every unchanged array and object (the storage layer diffs by reference), or
 * the same session when nothing changes. The order of `steps` is the chronology.
 */
import { z } from 'zod';
import { comparePartialDates } from '../dates';
import type { TimelineScale } from '../enums';
import { laneSchema, linkSchema, stepSchema } from '../format/schema';
import type { Lane, Link, Session, Step } from '../types';
import { moveItem, patch, updateById } from './shared';

/** The format's bounds (format/schema.ts): a command never makes a session the storage would refuse. */
export const MAX_STEPS = 2000;
export const MAX_LANES = 100;
export const MAX_LINKS = 5000;

const clampIndex = (index: number, length: number) => Math.max(0, Math.min(Math.trunc(index), length));
const STEP_REQUIRED = ['title', 'laneId', 'kind', 'markers', 'participants'] as const;

/** Where a step with this date goes: before the first step dated strictly after it. */
export function insertionIndexForDate(steps: readonly Step[], date: string | undefined): number {
  if (!date) return steps.length;
  const i = steps.findIndex((s) => s.date !== undefined && comparePartialDates(s.date, date) > 0);
  return i < 0 ? steps.length : i;
}

/** Each reference of the step resolves: its lane and its participants' actors. */
function stepFits(session: Session, step: Pick<Step, 'laneId' | 'participants'>): boolean {
  return session.lanes.some((l) => l.id === step.laneId) && step.participants.every((p) => session.actors.some((a) => a.id === p.actorId));
}

/** Adds a step; refused (same session) if its id exists, its lane or an actor is unknown, or the map is full. */
export function addStep(session: Session, step: Step, index?: number): Session {
  if (session.steps.length >= MAX_STEPS || session.steps.some((s) => s.id === step.id) || !stepFits(session, step)) return session;
  const at = index === undefined || Number.isNaN(index) ? insertionIndexForDate(session.steps, step.date) : clampIndex(index, session.steps.length);
  const steps = session.steps.slice();
  steps.splice(at, 0, step);
  return { ...session, steps };
}

/**
 * Patches a step: a key set to undefined removes an optional field (a required one is kept); the
 * chronology is not reordered. Refused (same session) if the lane or a participant is unknown.
 */
export function updateStep(session: Session, id: string, changes: Partial<Omit<Step, 'id'>>): Session {
  const { id: _ignored, ...fields } = changes as Partial<Step>;
  const steps = updateById(session.steps, id, (s) => {
    const next = patch(s, fields, STEP_REQUIRED);
    return next === s || stepFits(session, next) ? next : s;
  });
  return steps ? { ...session, steps } : session;
}

export function deleteSteps(session: Session, ids: readonly string[]): Session {
  const gone = new Set(ids.filter((id) => session.steps.some((s) => s.id === id)));
  if (gone.size === 0) return session;
  const links = session.links.filter((l) => !gone.has(l.from) && !gone.has(l.to));
  const touched = session.notes.some((n) => n.attachedTo?.type === 'step' && gone.has(n.attachedTo.id));
  // A planned hole whose step goes is a hole again (a review may not name a missing step).
  const gaps = session.gaps?.some((g) => g.stepId !== undefined && gone.has(g.stepId)) ? session.gaps.filter((g) => !g.stepId || !gone.has(g.stepId)) : undefined;
  return {
    ...session,
    ...(gaps ? { gaps } : {}),
    steps: session.steps.filter((s) => !gone.has(s.id)),
    links: links.length === session.links.length ? session.links : links,
    notes: touched
      ? session.notes.map((n) => (n.attachedTo?.type === 'step' && gone.has(n.attachedTo.id) ? patch(n, { attachedTo: undefined }) : n))
      : session.notes,
  };
}

export function moveStep(session: Session, id: string, toIndex: number): Session {
  if (Number.isNaN(toIndex)) return session;
  const steps = moveItem(session.steps, session.steps.findIndex((s) => s.id === id), Math.trunc(toIndex));
  return steps ? { ...session, steps } : session;
}

export function moveStepBy(session: Session, id: string, delta: number): Session {
  const i = session.steps.findIndex((s) => s.id === id);
  return i < 0 ? session : moveStep(session, id, i + delta);
}

export function moveStepToLane(session: Session, id: string, laneId: string): Session {
  if (!session.lanes.some((l) => l.id === laneId)) return session;
  return updateStep(session, id, { laneId });
}

const actorKnown = (session: Session, actorId: string | undefined) => actorId === undefined || session.actors.some((a) => a.id === actorId);

/** Adds a lane (at the end by default); refused if its id exists, its actor is unknown, or there are 100 lanes. */
export function addLane(session: Session, lane: Lane, index?: number): Session {
  if (session.lanes.length >= MAX_LANES || session.lanes.some((l) => l.id === lane.id) || !actorKnown(session, lane.actorId)) return session;
  const lanes = session.lanes.slice();
  lanes.splice(index === undefined || Number.isNaN(index) ? lanes.length : clampIndex(index, lanes.length), 0, lane);
  return { ...session, lanes };
}

/** Patches a lane; `actorId: undefined` unlinks its actor (the label is required and kept). */
export function updateLane(session: Session, id: string, changes: Partial<Omit<Lane, 'id'>>): Session {
  if (!actorKnown(session, changes.actorId)) return session;
  const { id: _ignored, ...fields } = changes as Partial<Lane>;
  const lanes = updateById(session.lanes, id, (l) => patch(l, fields, ['label']));
  return lanes ? { ...session, lanes } : session;
}

export function moveLane(session: Session, id: string, toIndex: number): Session {
  if (Number.isNaN(toIndex)) return session;
  const lanes = moveItem(session.lanes, session.lanes.findIndex((l) => l.id === id), Math.trunc(toIndex));
  return lanes ? { ...session, lanes } : session;
}

export function stepsInLane(session: Session, laneId: string): Step[] {
  return session.steps.filter((s) => s.laneId === laneId);
}

export type LaneDeletion = { moveStepsTo: string } | { deleteSteps: true };

export function deleteLane(session: Session, id: string, mode?: LaneDeletion): Session {
  if (!session.lanes.some((l) => l.id === id)) return session;
  const inLane = stepsInLane(session, id);
  let next = session;
  if (inLane.length > 0) {
    if (!mode) return session;
    if ('moveStepsTo' in mode) {
      if (mode.moveStepsTo === id || !session.lanes.some((l) => l.id === mode.moveStepsTo)) return session;
      next = { ...next, steps: next.steps.map((s) => (s.laneId === id ? { ...s, laneId: mode.moveStepsTo } : s)) };
    } else {
      next = deleteSteps(next, inLane.map((s) => s.id));
    }
  }
  return { ...next, lanes: next.lanes.filter((l) => l.id !== id) };
}

/** Adds an arrow between two steps; refused for a self-link, an unknown step, a duplicate (id or from→to), or a full map. */
export function addLink(session: Session, link: Link): Session {
  if (link.from === link.to || session.links.length >= MAX_LINKS) return session;
  const ids = new Set(session.steps.map((s) => s.id));
  if (!ids.has(link.from) || !ids.has(link.to)) return session;
  if (session.links.some((l) => l.id === link.id || (l.from === link.from && l.to === link.to))) return session;
  return { ...session, links: [...session.links, link] };
}

/** Sets a link's label; `{ label: undefined }` removes it, `{}` changes nothing. */
export function updateLink(session: Session, id: string, changes: { label?: string | undefined }): Session {
  if (!('label' in changes)) return session;
  const links = updateById(session.links, id, (l) => patch(l, { label: changes.label }));
  return links ? { ...session, links } : session;
}

export function deleteLinks(session: Session, ids: readonly string[]): Session {
  const gone = new Set(ids);
  const links = session.links.filter((l) => !gone.has(l.id));
  return links.length === session.links.length ? session : { ...session, links };
}

export function setTimelineScale(session: Session, scale: TimelineScale): Session {
  return session.timeline.scale === scale ? session : { ...session, timeline: { ...session.timeline, scale } };
}

export function setSessionFields(
  session: Session,
  changes: Partial<Pick<Session, 'title' | 'establishment' | 'project' | 'workshop' | 'trinome' | 'timeline'>>,
): Session {
  const { title, establishment, project, workshop, trinome, timeline } = changes;
  // Only these keys, whatever else the object holds; only `workshop` (optional) can be removed.
  const fields = { title, establishment, project, trinome, timeline, ...('workshop' in changes ? { workshop } : {}) };
  return patch(session, fields as Partial<Session>, ['title', 'establishment', 'project', 'trinome', 'timeline']);
}

// Copy and paste of steps, within and across sessions.

export interface StepClipboard {
  kind: 'cartographies-acia/steps';
  steps: Step[];
  links: Link[];
  lanes: Lane[];
}

export function copySteps(session: Session, ids: readonly string[]): StepClipboard | null {
  const wanted = new Set(ids);
  const steps = session.steps.filter((s) => wanted.has(s.id));
  if (steps.length === 0) return null;
  const stepIds = new Set(steps.map((s) => s.id));
  const laneIds = new Set(steps.map((s) => s.laneId));
  return {
    kind: 'cartographies-acia/steps',
    steps,
    links: session.links.filter((l) => stepIds.has(l.from) && stepIds.has(l.to)),
    lanes: session.lanes.filter((l) => laneIds.has(l.id)),
  };
}

/**
 * Pastes copied steps at the end of the chronology, with new ids for steps and links. A step's
 * lane is the target lane of the same id, else of the same label, else a new lane (its actor kept
 * only if it exists here); participants whose actor does not exist here are dropped; only links
 * between pasted steps are kept (no self-link, no duplicate). Notes are not copied. Refused (same
 * session, nothing pasted) when the clipboard is empty or the map would exceed the format's bounds.
 */
export function pasteSteps(session: Session, clip: StepClipboard, makeId: () => string): { session: Session; pastedIds: string[] } {
  const refused = { session, pastedIds: [] };
  if (clip.steps.length === 0 || session.steps.length + clip.steps.length > MAX_STEPS) return refused;
  const lanes = session.lanes.slice();
  const laneMap = new Map<string, string>();
  const actorIds = new Set(session.actors.map((a) => a.id));
  const used = new Set(clip.steps.map((s) => s.laneId));
  for (const lane of clip.lanes) {
    if (!used.has(lane.id) || laneMap.has(lane.id)) continue;
    const same = lanes.find((l) => l.id === lane.id) ?? lanes.find((l) => l.label === lane.label);
    if (same) laneMap.set(lane.id, same.id);
    else {
      const created: Lane = { id: makeId(), label: lane.label, ...(lane.actorId && actorIds.has(lane.actorId) ? { actorId: lane.actorId } : {}) };
      lanes.push(created);
      laneMap.set(lane.id, created.id);
    }
  }
  // A step whose lane the clipboard does not describe: that lane if it exists here, else the first lane.
  const laneOf = (id: string): string => {
    const mapped = laneMap.get(id);
    if (mapped !== undefined) return mapped;
    if (lanes.some((l) => l.id === id)) return id;
    if (lanes.length === 0) lanes.push({ id: makeId(), label: 'Couloir' });
    return lanes[0]!.id;
  };
  const stepIdMap = new Map<string, string>();
  const pasted: Step[] = clip.steps.map((s) => {
    const id = makeId();
    stepIdMap.set(s.id, id);
    const participants = s.participants.filter((p) => actorIds.has(p.actorId));
    return { ...s, id, laneId: laneOf(s.laneId), participants: participants.length === s.participants.length ? s.participants : participants };
  });
  const pairs = new Set<string>();
  const links: Link[] = [];
  for (const l of clip.links) {
    const from = stepIdMap.get(l.from);
    const to = stepIdMap.get(l.to);
    if (from === undefined || to === undefined || from === to || pairs.has(`${from} ${to}`)) continue;
    pairs.add(`${from} ${to}`);
    links.push({ ...l, id: makeId(), from, to });
  }
  if (lanes.length > MAX_LANES || session.links.length + links.length > MAX_LINKS) return refused;
  return {
    session: {
      ...session,
      lanes: lanes.length === session.lanes.length ? session.lanes : lanes,
      steps: [...session.steps, ...pasted],
      links: links.length ? [...session.links, ...links] : session.links,
    },
    pastedIds: pasted.map((s) => s.id),
  };
}

const clipboardSchema = z.strictObject({
  kind: z.literal('cartographies-acia/steps'),
  steps: z.array(stepSchema).min(1).max(MAX_STEPS),
  links: z.array(linkSchema).max(MAX_LINKS),
  lanes: z.array(laneSchema).max(MAX_LANES),
});

/** Pasted text is outside input: anything that is not a valid step clipboard gives null. */
export function parseStepClipboard(text: string): StepClipboard | null {
  if (text.length > 10 * 1024 * 1024) return null;
  try {
    const parsed = clipboardSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function serializeStepClipboard(clip: StepClipboard): string {
  return JSON.stringify(clip);
}
