/**
 * Model → React Flow for the actor map: one node per actor, one edge per relation (line style
 * and arrow by kind), and the notes of the map as nodes. Node objects are reused while their
 * inputs are unchanged.
 */
import { MarkerType, type Edge, type EdgeMarker, type Node } from '@xyflow/react';
import type { Actor, Note, Relation } from '../../domain/types';
import { ACTOR_CATEGORY_LABELS, AUTHOR_ROLE_LABELS, NOTE_KIND_LABELS, RELATION_KIND_LABELS, relationSentence } from '../../i18n/labels';
import { labelled } from '../../i18n/format';
import { RELATION_KIND_VISUALS } from '../../i18n/visuals';
import { isUnansweredFeedback } from '../../domain/synthesis';
import { relationDetails, usageWords } from '../../i18n/lived';
import { ACTOR_SIDES, knownSize } from '../knownSize';
import type { RoutedMap } from '../../domain/layout/routing';
import { routedData } from '../edges/RoutedEdge';
import { actorPosition } from '../../domain/layout/actors';

export const ACTOR_NODE = { width: 210, height: 64 };
export const NOTE_NODE = { width: 200, height: 96 };

export interface ActorNodeData extends Record<string, unknown> {
  actor: Actor;
  highlighted: boolean;
  uninvolved: boolean;
}
export type ActorNode = Node<ActorNodeData, 'actor'>;

export interface NoteNodeData extends Record<string, unknown> {
  note: Note;
  targetName: string | null;
}
export type NoteNode = Node<NoteNodeData, 'note'>;

export function actorAriaLabel(actor: Actor, uninvolved: boolean): string {
  const usage = usageWords(actor);
  return `Acteur : ${actor.name}, ${ACTOR_CATEGORY_LABELS[actor.category]}${usage ? `, ${usage.toLowerCase()}` : ''}${uninvolved ? ', associé à aucune étape' : ''}`;
}

export function noteAriaLabel(note: Note, targetName: string | null): string {
  return `Note ${NOTE_KIND_LABELS[note.kind].toLowerCase()} (${AUTHOR_ROLE_LABELS[note.authorRole]})${targetName ? ` sur ${targetName}` : ''} : ${note.text}`;
}

export class ActorNodeCache {
  private cache = new Map<string, { actor: Actor; selected: boolean; highlighted: boolean; uninvolved: boolean; index: number; node: ActorNode }>();

  build(actors: readonly Actor[], selected: ReadonlySet<string>, highlighted: ReadonlySet<string>, uninvolved: ReadonlySet<string>): ActorNode[] {
    const next = new Map<string, { actor: Actor; selected: boolean; highlighted: boolean; uninvolved: boolean; index: number; node: ActorNode }>();
    const nodes = actors.map((actor, index) => {
      const s = selected.has(actor.id);
      const h = highlighted.has(actor.id);
      const u = uninvolved.has(actor.id);
      const old = this.cache.get(actor.id);
      const node: ActorNode =
        old && old.actor === actor && old.selected === s && old.highlighted === h && old.uninvolved === u && (actor.position || old.index === index)
          ? old.node
          : {
              id: actor.id,
              type: 'actor',
              position: actorPosition(actor, index),
              width: ACTOR_NODE.width,
              height: ACTOR_NODE.height,
              ...knownSize(ACTOR_NODE.width, ACTOR_NODE.height, ACTOR_SIDES),
              selected: s,
              ariaLabel: actorAriaLabel(actor, u),
              data: { actor, highlighted: h, uninvolved: u },
            };
      next.set(actor.id, { actor, selected: s, highlighted: h, uninvolved: u, index, node });
      return node;
    });
    this.cache = next;
    return nodes;
  }
}

function makeMarker(kind: Relation['kind'], end: 'start' | 'end'): EdgeMarker | undefined {
  const v = RELATION_KIND_VISUALS[kind];
  if (v.arrow === 'none' || (end === 'start' && v.arrow !== 'both')) return undefined;
  return { type: v.arrow === 'open' ? MarkerType.Arrow : MarkerType.ArrowClosed, width: 18, height: 18, color: v.color };
}

// Markers and styles made once per kind, so that an unchanged edge is equal to its rebuilt self
// (see canvas/stableItems.ts).
const KIND_LOOKS = new Map(
  (Object.keys(RELATION_KIND_VISUALS) as Relation['kind'][]).map((kind) => {
    const v = RELATION_KIND_VISUALS[kind];
    return [kind, { start: makeMarker(kind, 'start'), end: makeMarker(kind, 'end'), style: { stroke: v.color, strokeWidth: v.width, strokeDasharray: v.dash || undefined } }];
  }),
);

export function relationLabel(relation: Relation): string {
  return relation.label ? labelled(RELATION_KIND_LABELS[relation.kind], relation.label) : RELATION_KIND_LABELS[relation.kind];
}

/**
 * One edge per relation, on its routed path when `routes` has it (canvas/edges/RoutedEdge.tsx).
 * An unanswered feedback's edge is drawn as an open loop (no arrowhead, an open circle short of its target).
 */
export function buildRelationEdges(relations: readonly Relation[], names: ReadonlyMap<string, string>, selected: ReadonlySet<string>, routes: RoutedMap | null = null): Edge[] {
  return relations.map((r) => {
    const looks = KIND_LOOKS.get(r.kind)!;
    const open = isUnansweredFeedback(r);
    const details = relationDetails(r);
    return {
      id: r.id,
      source: r.from,
      target: r.to,
      type: 'floating',
      selected: selected.has(r.id),
      label: open ? `${relationLabel(r)} · sans suite` : relationLabel(r),
      markerEnd: open ? undefined : looks.end,
      data: routedData(routes?.edges[r.id], open),
      markerStart: looks.start,
      style: looks.style,
      ariaLabel: `Relation : ${relationSentence(names.get(r.from) ?? '?', r.kind, names.get(r.to) ?? '?')}${r.label ? ` (${r.label})` : ''}${details ? `, ${details}` : ''}`,
    };
  });
}
