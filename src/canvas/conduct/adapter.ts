/**
 * Model → React Flow for the conduct map: one node per step, placed by the domain's layout;
 * one edge per link. A node holds where the step is and how it stands out (its box, selection,
 * conflict, highlight), not what it says: each step node reads its step from the document
 * (`byId`), and is named by a label it renders itself. So a text edit (title, markers,
 * participants) leaves every node object as it was: React Flow takes in no new nodes, and only
 * the edited step's node redraws. Node objects are reused while their inputs are unchanged.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { formatPartialDate } from '../../i18n/dates';
import { knownSize, STEP_SIDES } from '../knownSize';
import type { ConductLayout, StepBox } from '../../domain/layout/conduct';
import type { StepKind } from '../../domain/enums';
import type { Lane, Link, Step } from '../../domain/types';
import { MARKER_LABELS, PARTICIPATION_LABELS, STEP_KIND_LABELS } from '../../i18n/labels';
import type { RoutedMap } from '../../domain/layout/routing';
import { routedData } from '../edges/RoutedEdge';

export interface StepNodeData extends Record<string, unknown> {
  /** Its kind: the mini-map's colour. The step itself is read from the document by the node. */
  kind: StepKind;
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
  if (step.planned && step.planned !== step.date) parts.push(`prévue : ${formatPartialDate(step.planned)}`);
  if (lane) parts.push(`couloir ${lane.label}`);
  parts.push(`type ${STEP_KIND_LABELS[step.kind]}`);
  if (step.markers.length > 0) parts.push(step.markers.map((m) => MARKER_LABELS[m]).join(', '));
  if (participants) parts.push(participants);
  return parts.join(', ');
}

/** An entity of a list by id, through an index made once per version of the list. */
const indexes = new WeakMap<readonly { id: string }[], ReadonlyMap<string, { id: string }>>();
export function byId<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  let index = indexes.get(list);
  if (!index) {
    index = new Map(list.map((item) => [item.id, item]));
    indexes.set(list, index);
  }
  return index.get(id) as T | undefined;
}

/** The id of the element that names a step's node (rendered by the node itself). */
export const stepLabelId = (stepId: string) => `step-label-${stepId}`;

interface NodeInputs {
  kind: StepKind;
  box: StepBox;
  selected: boolean;
  conflict: string | null;
  highlighted: boolean;
}

export class ConductNodeCache {
  private cache = new Map<string, { inputs: NodeInputs; node: StepNode }>();
  private last: StepNode[] = [];

  /** The step nodes; the same array as last time when no node changed (a text edit). */
  build(
    steps: readonly Step[],
    layout: ConductLayout,
    selected: ReadonlySet<string>,
    conflicts: ReadonlyMap<string, string>,
    highlighted: ReadonlySet<string>,
  ): StepNode[] {
    const next = new Map<string, { inputs: NodeInputs; node: StepNode }>();
    const nodes: StepNode[] = [];
    let changed = false;
    for (const step of steps) {
      const box = layout.byId.get(step.id);
      if (!box) continue;
      const inputs: NodeInputs = {
        kind: step.kind,
        box,
        selected: selected.has(step.id),
        conflict: conflicts.get(step.id) ?? null,
        highlighted: highlighted.has(step.id),
      };
      const old = this.cache.get(step.id);
      const same =
        old &&
        old.inputs.kind === inputs.kind &&
        old.inputs.selected === inputs.selected &&
        old.inputs.conflict === inputs.conflict &&
        old.inputs.highlighted === inputs.highlighted &&
        sameBox(old.inputs.box, box);
      const node: StepNode = same
        ? old.node
        : {
            id: step.id,
            type: 'step',
            position: { x: box.x, y: box.y },
            width: box.width,
            height: box.height,
            ...knownSize(box.width, box.height, STEP_SIDES),
            selected: inputs.selected,
            domAttributes: { 'aria-labelledby': stepLabelId(step.id) },
            data: { kind: step.kind, box, conflict: inputs.conflict, highlighted: inputs.highlighted },
          };
      if (node !== this.last[nodes.length]) changed = true;
      next.set(step.id, { inputs: same ? old.inputs : inputs, node });
      nodes.push(node);
    }
    this.cache = next;
    if (changed || nodes.length !== this.last.length) this.last = nodes;
    return this.last;
  }
}

const sameBox = (a: StepBox, b: StepBox) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.number === b.number && a.laneId === b.laneId;

// Shared, so that an unchanged edge is equal to its rebuilt self (see canvas/stableItems.ts).
const LINK_MARKER = { type: MarkerType.ArrowClosed, width: 18, height: 18, color: '#334155' };
const LINK_STYLE = { stroke: '#334155', strokeWidth: 2 };

/** One edge per link, on its routed path when `routes` has it (canvas/edges/RoutedEdge.tsx). */
export function buildLinkEdges(links: readonly Link[], numberOf: ReadonlyMap<string, number>, selected: ReadonlySet<string>, routes: RoutedMap | null = null): Edge[] {
  return links.map((link) => {
    const from = numberOf.get(link.from);
    const to = numberOf.get(link.to);
    return {
      id: link.id,
      source: link.from,
      target: link.to,
      type: 'link',
      selected: selected.has(link.id),
      data: routedData(routes?.edges[link.id]),
      label: link.label,
      markerEnd: LINK_MARKER,
      style: LINK_STYLE,
      ariaLabel: `Lien de l'étape ${from ?? '?'} à l'étape ${to ?? '?'}${link.label ? ` : ${link.label}` : ''}`,
    };
  });
}
