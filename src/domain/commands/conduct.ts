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
import { moveItem, patchObject, updateById } from './shared';

/** Where a step with this date goes: before the first step dated strictly after it. */
export function insertionIndexForDate(steps: readonly Step[], date: string | undefined): number {
  if (!date) return steps.length;
  const i = steps.findIndex((s) => s.date !== undefined && comparePartialDates(s.date, date) > 0);
  return i < 0 ? steps.length : i;
}

export function addStep(session: Session, step: Step, index?: number): Session {
  const at = index === undefined ? insertionIndexForDate(session.steps, step.date) : Math.max(0, Math.min(index, session.steps.length));
  const steps = session.steps.slice();
  steps.splice(at, 0, step);
  return { ...session, steps };
}

export function updateStep(session: Session, id: string, patch: Partial<Omit<Step, 'id'>>): Session {
  const steps = updateById(session.steps, id, (s) => patchObject(s, patch as Partial<Step>));
  return steps ? { ...session, steps } : session;
}

export function deleteSteps(session: Session, ids: readonly string[]): Session {
  const gone = new Set(ids.filter((id) => session.steps.some((s) => s.id === id)));
  if (gone.size === 0) return session;
  const links = session.links.filter((l) => !gone.has(l.from) && !gone.has(l.to));
  const touched = session.notes.some((n) => n.attachedTo?.type === 'step' && gone.has(n.attachedTo.id));
  return {
    ...session,
    steps: session.steps.filter((s) => !gone.has(s.id)),
    links: links.length === session.links.length ? session.links : links,
    notes: touched
      ? session.notes.map((n) => (n.attachedTo?.type === 'step' && gone.has(n.attachedTo.id) ? patchObject(n, { attachedTo: undefined }) : n))
      : session.notes,
  };
}

export function moveStep(session: Session, id: string, toIndex: number): Session {
  const steps = moveItem(session.steps, session.steps.findIndex((s) => s.id === id), toIndex);
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

export function addLane(session: Session, lane: Lane, index?: number): Session {
  const lanes = session.lanes.slice();
  lanes.splice(index === undefined ? lanes.length : Math.max(0, Math.min(index, lanes.length)), 0, lane);
  return { ...session, lanes };
}

export function updateLane(session: Session, id: string, patch: Partial<Omit<Lane, 'id'>>): Session {
  const lanes = updateById(session.lanes, id, (l) => patchObject(l, patch as Partial<Lane>));
  return lanes ? { ...session, lanes } : session;
}

export function moveLane(session: Session, id: string, toIndex: number): Session {
  const lanes = moveItem(session.lanes, session.lanes.findIndex((l) => l.id === id), toIndex);
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

export function addLink(session: Session, link: Link): Session {
  if (link.from === link.to) return session;
  const ids = new Set(session.steps.map((s) => s.id));
  if (!ids.has(link.from) || !ids.has(link.to)) return session;
  if (session.links.some((l) => l.from === link.from && l.to === link.to)) return session;
  return { ...session, links: [...session.links, link] };
}

export function updateLink(session: Session, id: string, patch: { label?: string | undefined }): Session {
  const links = updateById(session.links, id, (l) => patchObject(l, { label: patch.label }));
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
  patch: Partial<Pick<Session, 'title' | 'establishment' | 'project' | 'workshop' | 'trinome' | 'timeline'>>,
): Session {
  return patchObject(session, patch as Partial<Session>);
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

export function pasteSteps(session: Session, clip: StepClipboard, makeId: () => string): { session: Session; pastedIds: string[] } {
  const lanes = session.lanes.slice();
  const laneMap = new Map<string, string>();
  const actorIds = new Set(session.actors.map((a) => a.id));
  for (const lane of clip.lanes) {
    const same = lanes.find((l) => l.id === lane.id) ?? lanes.find((l) => l.label === lane.label);
    if (same) laneMap.set(lane.id, same.id);
    else {
      const created: Lane = { id: makeId(), label: lane.label, ...(lane.actorId && actorIds.has(lane.actorId) ? { actorId: lane.actorId } : {}) };
      lanes.push(created);
      laneMap.set(lane.id, created.id);
    }
  }
  const fallbackLane = (id: string) => {
    if (laneMap.has(id)) return laneMap.get(id)!;
    if (lanes.some((l) => l.id === id)) return id;
    if (lanes.length === 0) lanes.push({ id: makeId(), label: 'Couloir' });
    return lanes[0]!.id;
  };
  const stepIdMap = new Map<string, string>();
  const pasted: Step[] = clip.steps.map((s) => {
    const id = makeId();
    stepIdMap.set(s.id, id);
    return {
      ...s,
      id,
      laneId: fallbackLane(s.laneId),
      participants: s.participants.filter((p) => actorIds.has(p.actorId)),
    };
  });
  const links: Link[] = clip.links
    .filter((l) => stepIdMap.has(l.from) && stepIdMap.has(l.to))
    .map((l) => ({ ...l, id: makeId(), from: stepIdMap.get(l.from)!, to: stepIdMap.get(l.to)! }));
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
  steps: z.array(stepSchema).min(1).max(2000),
  links: z.array(linkSchema).max(5000),
  lanes: z.array(laneSchema).max(100),
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
