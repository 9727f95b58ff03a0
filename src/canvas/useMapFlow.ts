/**
 * What both maps do with React Flow: the shown nodes, the selection from its change lists, the
 * drags, the moves committed as one command (notes and the map's own nodes together), and the
 * connections between two of the map's own nodes (a note links to nothing).
 */
import type { Connection, EdgeChange, Node, NodeChange, OnNodeDrag } from '@xyflow/react';
import { useCallback, useRef, type RefObject } from 'react';
import { updateNote } from '../domain/commands/notes';
import type { Session } from '../domain/types';
import { useDocumentStore } from '../state/documentStore';
import { noteIdOf, useViewStore } from '../state/viewStore';
import { keyboardMoves, selectionAfter } from './changes';
import { dragEnds, useNodeDrags } from './dragging';
import { useFlowNodes } from './useFlowNodes';

/** The command moving the map's own nodes at a drop, and what is announced once it is applied. */
export interface Moves {
  command: (session: Session) => Session;
  announcement?: string;
}

interface Options<N extends Node> {
  /** The element around the map (its pointer events are watched during a drag). */
  canvas: RefObject<HTMLElement | null>;
  /** The model's nodes, as the adapters build them. */
  nodes: readonly N[];
  /** What a click on a node selects. */
  selects: 'step' | 'actor';
  /**
   * The moves of the map's own nodes dropped (or moved by the arrow keys), notes left out: null
   * when none is a change. `reset` puts nodes back where the model says.
   */
  moves: (dropped: N[], reset: (ids: readonly string[]) => void) => Moves | null;
  /** A connection drawn between two of the map's own nodes. */
  connect: (from: string, to: string) => void;
}

const noteEdge = (id: string) => id.startsWith('note-edge:');

export function useMapFlow<N extends Node>({ canvas, nodes: base, selects, moves, connect }: Options<N>) {
  const apply = useDocumentStore((s) => s.apply);
  const { nodes, applyChanges, reset } = useFlowNodes(base);
  const nodesRef = useRef<N[]>(nodes);
  nodesRef.current = nodes;
  const movesRef = useRef(moves);
  movesRef.current = moves;
  const connectRef = useRef(connect);
  connectRef.current = connect;

  /** One drop is one command, one undo step, whatever the number of nodes moved. */
  const commit = useCallback(
    (dropped: N[]) => {
      const noteMoves: [string, { x: number; y: number }][] = [];
      const own: N[] = [];
      for (const n of dropped) {
        const noteId = noteIdOf(n.id);
        if (noteId) noteMoves.push([noteId, { x: Math.round(n.position.x), y: Math.round(n.position.y) }]);
        else own.push(n);
      }
      const moved = own.length > 0 ? movesRef.current(own, reset) : null;
      if (noteMoves.length === 0 && !moved) return;
      apply((s) => {
        const notesMoved = noteMoves.reduce((acc, [id, position]) => updateNote(acc, id, { position }), s);
        return moved ? moved.command(notesMoved) : notesMoved;
      });
      if (moved?.announcement) useViewStore.getState().announce(moved.announcement);
    },
    [apply, reset],
  );

  const onNodesChange = useCallback((changes: NodeChange<N>[]) => {
    const view = useViewStore.getState();
    const selection = selectionAfter(changes, view.selection);
    if (selection) view.select(selection, selects);
    const local = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
    if (local.length > 0) applyChanges(local);
    // Arrow keys move selected nodes without a drag: commit those moves like a drag's end.
    const moved = keyboardMoves(changes, nodesRef.current);
    if (moved.length > 0) commit(moved);
  }, [applyChanges, commit, selects]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const view = useViewStore.getState();
    const selection = selectionAfter(changes, view.linkSelection, noteEdge);
    if (selection) view.selectLinks(selection);
  }, []);

  const onNodeDragStart = useNodeDrags(canvas);
  const onNodeDragStop: OnNodeDrag<N> = useCallback((_event, _node, dragged) => {
    dragEnds();
    commit(dragged);
  }, [commit]);

  const onConnect = useCallback((c: Connection) => {
    if (c.source && c.target && !noteIdOf(c.source) && !noteIdOf(c.target)) connectRef.current(c.source, c.target);
  }, []);

  return { nodes, onNodesChange, onEdgesChange, onNodeDragStart, onNodeDragStop, onConnect };
}
