/**
 * Model → React Flow for the conduct map: one node per step, placed by the domain's layout;
 * one edge per link. Node objects are reused while their inputs are unchanged, so React Flow
 * and the memoised nodes only redo the work of what changed.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { formatPartialDate } from '../../domain/dates';
import type { ConductLayout, StepBox } from '../../domain/layout/conduct';
import type { Actor, Lane, Link, Step } from '../../domain/types';
import { MARKER_LABELS, PARTICIPATION_LABELS, STEP_KIND_LABELS } from '../../i18n/labels';

export interface StepNodeData extends Record<string, unknown> {
  step: Step;
  box: StepBox;
  /** Set when the step's date contradicts its place in the chronology. */
  conflict: string | null;
  /** Set when the step is highlighted by a selection elsewhere (an actor). */
  highlighted: boolean;
}

export type StepNode = Node<StepNodeData, 'step'>;

/** The date as shown on a node: the free label if any, else the formatted date(s). */
export function stepDateText(step: Pick<Step, 'date' | 'endDate' | 'dateLabel'>): string {
  if (step.dateLabel) return step.dateLabel;
  if (!step.date) return '';
  return step.endDate ? `${formatPartialDate(step.date)} – ${formatPartialDate(step.endDate)}` : formatPartialDate(step.date);
}

/** Who took part in a step, as read out: `participants : ARS (pilote), DSI (contribue)`. */
export function participantsText(step: Step, actorName: (id: string) => string | undefined): string {
  if (step.participants.length === 0) return '';
  const names = step.participants.map((p) => `${actorName(p.actorId) ?? '?'} (${PARTICIPATION_LABELS[p.role].toLowerCase()})`);
  return `participants : ${names.join(', ')}`;
}

/** The accessible name of a step node: it begins with `Étape <n> : <titre>` (UI contract). */
export function stepAriaLabel(step: Step, number: number, lane: Lane | undefined, participants = ''): string {
  const parts = [`Étape ${number} : ${step.title}`];
  const date = stepDateText(step);
  parts.push(date ? `date : ${date}` : 'non datée');
  if (lane) parts.push(`couloir ${lane.label}`);
  parts.push(`type ${STEP_KIND_LABELS[step.kind]}`);
  if (step.markers.length > 0) parts.push(step.markers.map((m) => MARKER_LABELS[m]).join(', '));
  if (participants) parts.push(participants);
  return parts.join(', ');
}

interface NodeInputs {
  step: Step;
  box: StepBox;
  selected: boolean;
  conflict: string | null;
  highlighted: boolean;
  lane: Lane | undefined;
  participants: string;
}

export class ConductNodeCache {
  private cache = new Map<string, { inputs: NodeInputs; node: StepNode }>();

  build(
    steps: readonly Step[],
    layout: ConductLayout,
    lanes: readonly Lane[],
    actors: readonly Actor[],
    selected: ReadonlySet<string>,
    conflicts: ReadonlyMap<string, string>,
    highlighted: ReadonlySet<string>,
  ): StepNode[] {
    const laneById = new Map(lanes.map((l) => [l.id, l]));
    const actorNames = new Map(actors.map((a) => [a.id, a.name]));
    const next = new Map<string, { inputs: NodeInputs; node: StepNode }>();
    const nodes: StepNode[] = [];
    for (const step of steps) {
      const box = layout.byId.get(step.id);
      if (!box) continue;
      const inputs: NodeInputs = {
        step,
        box,
        selected: selected.has(step.id),
        conflict: conflicts.get(step.id) ?? null,
        highlighted: highlighted.has(step.id),
        lane: laneById.get(step.laneId),
        participants: participantsText(step, (id) => actorNames.get(id)),
      };
      const old = this.cache.get(step.id);
      const same =
        old &&
        old.inputs.step === step &&
        old.inputs.selected === inputs.selected &&
        old.inputs.conflict === inputs.conflict &&
        old.inputs.highlighted === inputs.highlighted &&
        old.inputs.lane === inputs.lane &&
        old.inputs.participants === inputs.participants &&
        sameBox(old.inputs.box, box);
      const node: StepNode = same
        ? old.node
        : {
            id: step.id,
            type: 'step',
            position: { x: box.x, y: box.y },
            width: box.width,
            height: box.height,
            selected: inputs.selected,
            ariaLabel: stepAriaLabel(step, box.number, inputs.lane, inputs.participants),
            data: { step, box, conflict: inputs.conflict, highlighted: inputs.highlighted },
          };
      next.set(step.id, { inputs: same ? old.inputs : inputs, node });
      nodes.push(node);
    }
    this.cache = next;
    return nodes;
  }
}

const sameBox = (a: StepBox, b: StepBox) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.number === b.number && a.laneId === b.laneId;

// Shared, so that an unchanged edge is equal to its rebuilt self (see canvas/stableItems.ts).
const LINK_MARKER = { type: MarkerType.ArrowClosed, width: 18, height: 18, color: '#334155' };
const LINK_STYLE = { stroke: '#334155', strokeWidth: 2 };

export function buildLinkEdges(links: readonly Link[], numberOf: ReadonlyMap<string, number>, selected: ReadonlySet<string>): Edge[] {
  return links.map((link) => {
    const from = numberOf.get(link.from);
    const to = numberOf.get(link.to);
    return {
      id: link.id,
      source: link.from,
      target: link.to,
      type: 'default',
      selected: selected.has(link.id),
      label: link.label,
      markerEnd: LINK_MARKER,
      style: LINK_STYLE,
      ariaLabel: `Lien de l'étape ${from ?? '?'} à l'étape ${to ?? '?'}${link.label ? ` : ${link.label}` : ''}`,
    };
  });
}
