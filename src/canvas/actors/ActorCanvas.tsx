import {
  Background, Controls, ReactFlow, type Connection, type EdgeChange, type Node, type NodeChange,
  type EdgeTypes, type NodeTypes, type OnNodeDrag,
} from '@xyflow/react';
import { FloatingEdge } from './FloatingEdge';
import { useCallback, useMemo, useRef } from 'react';
import { moveActors } from '../../domain/commands/actors';
import { updateNote } from '../../domain/commands/notes';
import type { Note, Session } from '../../domain/types';
import { ACTOR_CATEGORY_VISUALS } from '../../i18n/visuals';
import { useDocumentStore } from '../../state/documentStore';
import { noteIdOf, useViewStore } from '../../state/viewStore';
import { MAP_FLOW_PROPS } from '../ariaLabels';
import { keyboardMoves, selectionAfter } from '../changes';
import { useFlowNodes } from '../useFlowNodes';
import { dragEnds, useNodeDrags } from '../dragging';
import { useStableItems } from '../stableItems';
import { useAfterFirstPaint } from '../../ui/useAfterFirstPaint';
import { OverviewMap } from '../OverviewMap';
import { FarZoom, useStartViewport } from '../zoom';
import { ActorNode } from './ActorNode';
import { ACTOR_NODE, ActorNodeCache, buildRelationEdges, type ActorNode as ActorNodeType } from './adapter';
import { NoteNode, type NoteNodeType } from './NoteNode';
import { buildNoteEdges, buildNoteNodes } from './notes';

const nodeTypes: NodeTypes = { actor: ActorNode, note: NoteNode };
const edgeTypes: EdgeTypes = { floating: FloatingEdge };
type MapNode = ActorNodeType | NoteNodeType;

const FIT_VIEW = { padding: 0.1, maxZoom: 1 };

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
  const apply = useDocumentStore((s) => s.apply);
  const cache = useRef(new ActorNodeCache());
  const miniMapShown = useAfterFirstPaint();
  const selectedSet = useMemo(() => new Set(selection), [selection]);

  const actorNodes = useMemo(
    () => cache.current.build(session.actors, selectedSet, highlighted, uninvolved),
    [session.actors, selectedSet, highlighted, uninvolved],
  );
  const noteNodes = useMemo(() => {
    const byId = new Map(actorNodes.map((n) => [n.id, n]));
    const maxY = actorNodes.reduce((m, n) => Math.max(m, n.position.y), 0);
    return buildNoteNodes(
      notes,
      (note) => {
        const n = note.attachedTo?.type === 'actor' ? byId.get(note.attachedTo.id) : undefined;
        return n ? { name: n.data.actor.name, x: n.position.x, y: n.position.y, width: ACTOR_NODE.width } : null;
      },
      selectedSet,
      { x: 80, y: maxY + 200 },
    );
  }, [notes, actorNodes, selectedSet]);
  const baseNodes = useMemo<MapNode[]>(() => [...actorNodes, ...noteNodes], [actorNodes, noteNodes]);
  const canvasRef = useRef<HTMLDivElement>(null);
  const start = useStartViewport(canvasRef, baseNodes, FIT_VIEW);
  const { nodes, applyChanges } = useFlowNodes(baseNodes);
  const nodesRef = useRef<MapNode[]>(nodes);
  nodesRef.current = nodes;
  const commitRef = useRef<(moved: MapNode[]) => void>(() => undefined);

  const names = useMemo(() => new Map(session.actors.map((a) => [a.id, a.name])), [session.actors]);
  const edges = useStableItems(
    useMemo(() => {
      const actorIds = new Set(session.actors.map((a) => a.id));
      return [
        ...buildRelationEdges(session.relations, names, new Set(linkSelection)),
        ...buildNoteEdges(notes, (n) => n.attachedTo?.type === 'actor' && actorIds.has(n.attachedTo.id)),
      ];
    }, [session.relations, session.actors, names, linkSelection, notes]),
  );

  const onNodesChange = useCallback((changes: NodeChange<MapNode>[]) => {
    const view = useViewStore.getState();
    const selection = selectionAfter(changes, view.selection);
    if (selection) view.select(selection, 'actor');
    const local = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
    if (local.length > 0) applyChanges(local);
    // Arrow keys move selected nodes without a drag: commit those moves like a drag's end.
    const moved = keyboardMoves(changes, nodesRef.current);
    if (moved.length > 0) commitRef.current(moved);
  }, [applyChanges]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const view = useViewStore.getState();
    const selection = selectionAfter(changes, view.linkSelection, (id) => id.startsWith('note-edge:'));
    if (selection) view.selectLinks(selection);
  }, []);

  /** One drag is one command, whatever the number of nodes moved. */
  const commitMoves = useCallback(
    (dragged: Node[]) => {
      const actorMoves = new Map<string, { x: number; y: number }>();
      const noteMoves: [string, { x: number; y: number }][] = [];
      for (const n of dragged) {
        const noteId = noteIdOf(n.id);
        if (noteId) noteMoves.push([noteId, { x: Math.round(n.position.x), y: Math.round(n.position.y) }]);
        else actorMoves.set(n.id, n.position);
      }
      apply((s) => noteMoves.reduce((acc, [id, position]) => updateNote(acc, id, { position }), actorMoves.size ? moveActors(s, actorMoves) : s));
    },
    [apply],
  );
  commitRef.current = commitMoves;
  const onNodeDragStop: OnNodeDrag<MapNode> = useCallback((_e, _n, dragged) => {
    dragEnds();
    commitMoves(dragged);
  }, [commitMoves]);
  const onNodeDragStart = useNodeDrags(canvasRef);

  const handleConnect = useCallback((c: Connection) => {
    if (c.source && c.target && !c.source.startsWith('note:') && !c.target.startsWith('note:')) onConnect(c.source, c.target);
  }, [onConnect]);

  return (
    <div ref={canvasRef} className="canvas" role="region" aria-label="Cartographie des acteurs">
      {start && <FarZoom><ReactFlow<MapNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onConnect={handleConnect}
        {...MAP_FLOW_PROPS}
        fitView={!start.viewport}
        defaultViewport={start.viewport}
        fitViewOptions={FIT_VIEW}
      >
        <Background gap={24} color="#e2e8f0" />
        <Controls showInteractive={false} />
        {miniMapShown && <OverviewMap nodes={baseNodes} color={miniMapColor} ariaLabel="Mini-carte" />}
      </ReactFlow></FarZoom>}
    </div>
  );
}
