import { Background, Controls, ReactFlow, type EdgeTypes, type Node, type NodeTypes } from '@xyflow/react';
import { FloatingEdge } from '../edges/RoutedEdge';
import { actorInput } from '../routing/inputs';
import { useRoutes } from '../routing/routes';
import { useMemo, useRef } from 'react';
import { moveActors } from '../../domain/commands/actors';
import type { Note, Session } from '../../domain/types';
import { ACTOR_CATEGORY_VISUALS } from '../../i18n/visuals';
import { useViewStore } from '../../state/viewStore';
import { MAP_FLOW_PROPS } from '../ariaLabels';
import { useMapFlow } from '../useMapFlow';
import { useStableItems } from '../stableItems';
import { useAfterFirstPaint } from '../../ui/useAfterFirstPaint';
import { OverviewMap } from '../OverviewMap';
import { FarZoom, FIT_VIEW, useStartViewport } from '../zoom';
import { ActorNode } from './ActorNode';
import { ACTOR_NODE, ActorNodeCache, buildRelationEdges, type ActorNode as ActorNodeType } from './adapter';
import { actorPosition } from '../../domain/layout/actors';
import { NoteNode, type NoteNodeType } from './NoteNode';
import { buildNoteEdges, buildNoteNodes } from './notes';

const nodeTypes: NodeTypes = { actor: ActorNode, note: NoteNode };
const edgeTypes: EdgeTypes = { floating: FloatingEdge };
type MapNode = ActorNodeType | NoteNodeType;

const FIT = FIT_VIEW.acteurs;

/** Made once: a new function at each render would redraw every node of the mini-map. */
const miniMapColor = (n: Node) => (n.type === 'actor' ? ACTOR_CATEGORY_VISUALS[(n as ActorNodeType).data.actor.category].color : '#fde68a');

interface Props {
  session: Session;
  notes: readonly Note[];
  highlighted: ReadonlySet<string>;
  uninvolved: ReadonlySet<string>;
  onConnect: (from: string, to: string) => void;
}

/** The actor map canvas: actors placed freely (positions saved), typed relations, notes. */
export function ActorCanvas({ session, notes, highlighted, uninvolved, onConnect }: Props) {
  const selection = useViewStore((s) => s.selection);
  const linkSelection = useViewStore((s) => s.linkSelection);
  const cache = useRef(new ActorNodeCache());
  const miniMapShown = useAfterFirstPaint();
  const selectedSet = useMemo(() => new Set(selection), [selection]);

  const actorNodes = useMemo(
    () => cache.current.build(session.actors, selectedSet, highlighted, uninvolved),
    [session.actors, selectedSet, highlighted, uninvolved],
  );
  // The boxes notes keep off: a new array only when actors move (the notes' places are kept for it).
  const noteObstacles = useMemo(() => session.actors.map((a, i) => ({ ...actorPosition(a, i), ...ACTOR_NODE })), [session.actors]);
  const noteNodes = useMemo(() => {
    const byId = new Map(actorNodes.map((n) => [n.id, n]));
    const maxY = actorNodes.reduce((m, n) => Math.max(m, n.position.y), 0);
    return buildNoteNodes(
      notes,
      (note) => {
        const n = note.attachedTo?.type === 'actor' ? byId.get(note.attachedTo.id) : undefined;
        return n ? { name: n.data.actor.name, x: n.position.x, y: n.position.y, ...ACTOR_NODE } : null;
      },
      selectedSet,
      { x: 80, y: maxY + 200 },
      noteObstacles,
    );
  }, [notes, actorNodes, selectedSet, noteObstacles]);
  const baseNodes = useMemo<MapNode[]>(() => [...actorNodes, ...noteNodes], [actorNodes, noteNodes]);
  const canvasRef = useRef<HTMLDivElement>(null);
  const start = useStartViewport(canvasRef, baseNodes, FIT);
  const { nodes, ...handlers } = useMapFlow({
    canvas: canvasRef,
    nodes: baseNodes,
    selects: 'actor',
    moves: (dropped) => ({ command: (s) => moveActors(s, new Map(dropped.map((n) => [n.id, n.position]))) }),
    connect: onConnect,
  });

  const names = useMemo(() => new Map(session.actors.map((a) => [a.id, a.name])), [session.actors]);
  // Straight edges first; the routed ones when the worker has them (never waited on).
  const routes = useRoutes(useMemo(() => actorInput(session.actors, session.relations), [session.actors, session.relations]));
  const edges = useStableItems(
    useMemo(() => {
      const actorIds = new Set(session.actors.map((a) => a.id));
      return [
        ...buildRelationEdges(session.relations, names, new Set(linkSelection), routes),
        ...buildNoteEdges(notes, (n) => n.attachedTo?.type === 'actor' && actorIds.has(n.attachedTo.id)),
      ];
    }, [session.relations, session.actors, names, linkSelection, notes, routes]),
  );

  return (
    <div ref={canvasRef} className="canvas" role="region" aria-label="Cartographie des acteurs">
      {start && <FarZoom><ReactFlow<MapNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        {...handlers}
        {...MAP_FLOW_PROPS}
        fitView={!start.viewport}
        defaultViewport={start.viewport}
        fitViewOptions={FIT}
      >
        <Background gap={24} color="#e2e8f0" />
        <Controls showInteractive={false} />
        {miniMapShown && <OverviewMap nodes={baseNodes} color={miniMapColor} ariaLabel="Mini-carte" />}
      </ReactFlow></FarZoom>}
    </div>
  );
}
