import {
  ReactFlow, Controls, type Connection, type Node, type EdgeChange, type NodeChange,
  type OnNodeDrag, type NodeTypes, type ReactFlowInstance,
} from '@xyflow/react';
import { useCallback, useMemo, useRef, type KeyboardEvent } from 'react';
import { addLink, moveStepToLane } from '../../domain/commands/conduct';
import { newId } from '../../domain/ids';
import { laneAtY, neighbourStep, type ConductLayout, type StepDirection } from '../../domain/layout/conduct';
import type { Note, Session } from '../../domain/types';
import { updateNote } from '../../domain/commands/notes';
import { NoteNode, type NoteNodeType } from '../actors/NoteNode';
import { buildNoteEdges, buildNoteNodes } from '../actors/notes';
import { noteIdOf } from '../../state/viewStore';
import { useDocumentStore } from '../../state/documentStore';
import { useViewStore } from '../../state/viewStore';
import { flowAriaLabels, MAP_FLOW_PROPS } from '../ariaLabels';
import { keyboardMoves, selectionAfter } from '../changes';
import { useFlowNodes } from '../useFlowNodes';
import { dragEnds, useNodeDrags } from '../dragging';
import { sameFlowNode, useStableItems } from '../stableItems';
import { OverviewMap } from '../OverviewMap';
import { FarZoom, useStartViewport } from '../zoom';
import { useAfterFirstPaint } from '../../ui/useAfterFirstPaint';
import { buildLinkEdges, ConductNodeCache, type StepNode as StepNodeType } from './adapter';
import { LaneLayer } from './LaneLayer';
import { StepNamesContext, StepNode } from './StepNode';
import { STEP_KIND_VISUALS } from '../../i18n/visuals';

const nodeTypes: NodeTypes = { step: StepNode, note: NoteNode };

/** On a step of the map, the arrows go from step to step (they do not move it: the layout places steps). */
const ARROWS: Partial<Record<string, StepDirection>> = {
  ArrowLeft: 'previous',
  ArrowRight: 'next',
  ArrowUp: 'laneAbove',
  ArrowDown: 'laneBelow',
};
const conductAriaLabels = {
  ...flowAriaLabels,
  'node.a11yDescription.default':
    'Flèches gauche et droite : étape précédente ou suivante. Flèches haut et bas : couloir au-dessus ou au-dessous. Entrée : modifier l’étape. Suppr : supprimer. Échap : désélectionner.',
};

/** Moves the keyboard focus to a step of the map, and selects it (its editor shows beside the map). */
function focusStepNode(from: HTMLElement, id: string) {
  useViewStore.getState().select([id], 'step');
  from.closest('.react-flow')?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus();
}
type MapNode = StepNodeType | NoteNodeType;

const FIT_VIEW = { padding: 0.08, maxZoom: 1 };

/** Made once: a new function at each render would redraw every node of the mini-map. */
const miniMapColor = (n: Node) => (n.type === 'step' ? STEP_KIND_VISUALS[(n as StepNodeType).data.kind].color : '#fde68a');

/** What the page around the map does with its view: centre a step, fit the map. */
export type FlowView = Pick<ReactFlowInstance<MapNode>, 'setCenter' | 'getZoom' | 'fitView'>;

interface Props {
  session: Session;
  layout: ConductLayout;
  conflicts: ReadonlyMap<string, string>;
  highlighted: ReadonlySet<string>;
  notes: readonly Note[];
  /** Called once the map's view is ready. */
  onReady?: (view: FlowView) => void;
}

/** The conduct map canvas: React Flow renders what the domain's layout computed. */
export function ConductCanvas({ session, layout, conflicts, highlighted, notes, onReady }: Props) {
  const selection = useViewStore((s) => s.selection);
  const linkSelection = useViewStore((s) => s.linkSelection);
  const apply = useDocumentStore((s) => s.apply);
  const cache = useRef(new ConductNodeCache());
  const miniMapShown = useAfterFirstPaint();

  const selectedSet = useMemo(() => new Set(selection), [selection]);
  const stepNames = useMemo(() => ({ lanes: session.lanes, actors: session.actors }), [session.lanes, session.actors]);
  const stepNodes = useMemo(
    () => cache.current.build(session.steps, layout, selectedSet, conflicts, highlighted),
    [session.steps, layout, selectedSet, conflicts, highlighted],
  );
  const noteNodes = useStableItems(
    useMemo(
      () =>
        buildNoteNodes(
          notes,
          (note) => {
            const box = note.attachedTo?.type === 'step' ? layout.byId.get(note.attachedTo.id) : undefined;
            return box ? { name: `étape ${box.number}`, x: box.x, y: box.y, width: box.width } : null;
          },
          selectedSet,
          { x: 200, y: layout.height + 40 },
        ),
      [notes, layout, selectedSet],
    ),
    sameFlowNode,
  );
  const baseNodes = useMemo<MapNode[]>(() => [...stepNodes, ...noteNodes], [stepNodes, noteNodes]);

  const canvasRef = useRef<HTMLDivElement>(null);
  const start = useStartViewport(canvasRef, baseNodes, FIT_VIEW);
  const { nodes, applyChanges, reset } = useFlowNodes(baseNodes);
  const nodesRef = useRef<MapNode[]>(nodes);
  nodesRef.current = nodes;
  const commitRef = useRef<(moved: MapNode[]) => void>(() => undefined);

  const numberOf = useMemo(() => new Map(layout.steps.map((b) => [b.id, b.number])), [layout]);
  const edges = useStableItems(
    useMemo(
      () => [
        ...buildLinkEdges(session.links, numberOf, new Set(linkSelection)),
        ...buildNoteEdges(notes, (n) => n.attachedTo?.type === 'step' && numberOf.has(n.attachedTo.id)),
      ],
      [session.links, numberOf, linkSelection, notes],
    ),
  );

  const onNodesChange = useCallback((changes: NodeChange<MapNode>[]) => {
    const view = useViewStore.getState();
    const selection = selectionAfter(changes, view.selection);
    if (selection) view.select(selection, 'step');
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

  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  /** One drag is one command: the lane under each dragged step's centre becomes its lane. */
  const commitMoves = useCallback(
    (draggedNodes: MapNode[]) => {
      const noteMoves = draggedNodes
        .filter((n) => noteIdOf(n.id))
        .map((n) => [noteIdOf(n.id)!, { x: Math.round(n.position.x), y: Math.round(n.position.y) }] as const);
      const dragged = draggedNodes.filter((n) => !noteIdOf(n.id));
      const moves = dragged
        .map((n) => ({ id: n.id, lane: laneAtY(layoutRef.current, n.position.y + (n.height ?? 0) / 2) }))
        .filter((m) => m.lane && m.lane.id !== useDocumentStore.getState().session?.steps.find((s) => s.id === m.id)?.laneId);
      // Steps that stay in their lane go back to the place the layout gives them.
      const stayed = dragged.filter((n) => !moves.some((m) => m.id === n.id));
      if (stayed.length > 0) reset(stayed.map((n) => n.id));
      if (noteMoves.length === 0 && moves.length === 0) return;
      // Notes and steps moved by one drag: one command, one undo step.
      apply((s) =>
        moves.reduce(
          (acc, m) => moveStepToLane(acc, m.id, m.lane!.id),
          noteMoves.reduce((acc, [id, position]) => updateNote(acc, id, { position }), s),
        ),
      );
      if (moves.length === 0) return;
      const lane = moves[0]!.lane!;
      useViewStore.getState().announce(
        moves.length === 1 ? `Étape déplacée dans le couloir ${lane.label}.` : `${moves.length} étapes déplacées.`,
      );
    },
    [apply, reset],
  );
  commitRef.current = commitMoves;
  const onNodeDragStop: OnNodeDrag<MapNode> = useCallback((_event, _node, dragged) => {
    dragEnds();
    commitMoves(dragged);
  }, [commitMoves]);
  const onNodeDragStart = useNodeDrags(canvasRef);

  const onKeyDownCapture = useCallback((e: KeyboardEvent<HTMLDivElement>) => {
    const node = e.target instanceof HTMLElement && e.target.classList.contains('react-flow__node-step') ? e.target : null;
    const id = node?.dataset.id;
    if (!node || !id || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const direction = ARROWS[e.key];
    if (direction) {
      e.preventDefault();
      e.stopPropagation();
      const to = neighbourStep(layoutRef.current, id, direction);
      if (to) focusStepNode(node, to);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      useViewStore.getState().select([id], 'step');
      requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.step-editor input')?.focus());
    }
  }, []);

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.source || !c.target || noteIdOf(c.source) || noteIdOf(c.target)) return;
      const current = useDocumentStore.getState().session;
      if (!current) return;
      const next = addLink(current, { id: newId('lien'), from: c.source, to: c.target });
      if (next === current) {
        useViewStore.getState().announce(
          c.source === c.target ? 'Lien refusé : une étape ne peut pas mener à elle-même.' : 'Lien refusé : ces deux étapes sont déjà reliées.',
        );
        return;
      }
      apply(() => next);
      useViewStore.getState().announce('Lien ajouté.');
    },
    [apply],
  );

  return (
    <div ref={canvasRef} className="canvas" role="region" aria-label="Cartographie de la conduite de projet" onKeyDownCapture={onKeyDownCapture}>
      {start && <FarZoom><StepNamesContext value={stepNames}><ReactFlow<MapNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onInit={onReady}
        {...MAP_FLOW_PROPS}
        ariaLabelConfig={conductAriaLabels}
        fitView={!start.viewport}
        defaultViewport={start.viewport}
        fitViewOptions={FIT_VIEW}
      >
        {/* The lanes and the axis grid are the background: no dot pattern to repaint at every frame of a pan. */}
        <LaneLayer layout={layout} />
        <Controls showInteractive={false} />
        {miniMapShown && <OverviewMap nodes={baseNodes} color={miniMapColor} ariaLabel="Mini-carte" />}
      </ReactFlow></StepNamesContext></FarZoom>}
    </div>
  );
}
