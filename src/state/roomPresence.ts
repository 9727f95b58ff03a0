/**
 * Who, in the workshop room, has which step of the open session selected: the names per step id.
 * A store of its own, without the room's code, so that the chronology can show it cheaply.
 */
import { createStore } from 'zustand';
import { boundHook } from './renderGate';

const presenceStore = createStore<{ byStep: ReadonlyMap<string, readonly string[]> }>()(() => ({ byStep: new Map() }));
const usePresenceStore = boundHook(presenceStore);

const NOBODY: readonly string[] = [];

/** The names of the people of the room on this step (none outside a room). */
export const useStepPresence = (stepId: string): readonly string[] => usePresenceStore((s) => s.byStep.get(stepId) ?? NOBODY);

/** Sets who is on which step (the room's awareness, read by state/roomSession.ts). */
export function setStepPresence(people: readonly { name: string; stepId: string | null }[]): void {
  const byStep = new Map<string, string[]>();
  for (const p of people) if (p.stepId) byStep.set(p.stepId, [...(byStep.get(p.stepId) ?? []), p.name]);
  const before = presenceStore.getState().byStep;
  // Unchanged lists keep their arrays: a step's line redraws only when its own people change.
  const next = new Map<string, readonly string[]>();
  for (const [id, names] of byStep) {
    const old = before.get(id);
    next.set(id, old && old.length === names.length && old.every((n, i) => n === names[i]) ? old : names);
  }
  presenceStore.setState({ byStep: next });
}
