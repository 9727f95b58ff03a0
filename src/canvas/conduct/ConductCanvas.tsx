import { ReactFlow, Controls, type EdgeTypes, type Node, type NodeTypes, type ReactFlowInstance } from '@xyflow/react';
import { useCallback, useMemo, useRef, type KeyboardEvent } from 'react';
import { addLink, moveStepToLane } from '../../domain/commands/conduct';
import { newId } from '../../domain/ids';
import { laneAtY, neighbourStep, type ConductLayout, type StepDirection } from '../../domain/layout/conduct';
import type { Note, Session } from '../../domain/types';
import { NoteNode, type NoteNodeType } from '../actors/NoteNode';
import { buildNoteEdges, buildNoteNodes } from '../actors/notes';
import { useDocumentStore } from '../../state/documentStore';
import { useViewStore } from '../../state/viewStore';
import { flowAriaLabels, MAP_FLOW_PROPS } from '../ariaLabels';
import { useMapFlow, type Moves } from '../useMapFlow';
import { sameFlowNode, useStableItems } from '../stableItems';
import { OverviewMap } from '../OverviewMap';
import { FarZoom, FIT_VIEW, useStartViewport } from '../zoom';
import { useAfterFirstPaint } from '../../ui/useAfterFirstPaint';
import { buildLinkEdges, ConductNodeCache, type StepNode as StepNodeType } from './adapter';
import { LaneLayer } from './LaneLayer';
import { SlipLayer } from './SlipLayer';
import { StepNamesContext, StepNode } from './StepNode';
import { GhostNode } from './GhostNode';
import type { GhostNodeType } from './ghosts';
import { STEP_KIND_VISUALS } from '../../i18n/visuals';
import { LinkEdge } from '../edges/RoutedEdge';
import { conductInput } from '../routing/inputs';
import { useRoutes } from '../routing/routes';

const nodeTypes: NodeTypes = { step: StepNode, note: NoteNode, ghost: GhostNode };
const edgeTypes: EdgeTypes = { link: LinkEdge };

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
type MapNode = StepNodeType | NoteNodeType | GhostNodeType;

const FIT = FIT_VIEW.conduite;

const NO_GHOSTS: readonly GhostNodeType[] = [];

/** Made once: a new function at each render would redraw every node of the mini-map. */
const miniMapColor = (n: Node) => (n.type === 'step' ? STEP_KIND_VISUALS[(n as StepNodeType).data.kind].color : '#fde68a');

/**
 * A drop of steps: the lane under each dropped step's centre becomes its lane; the steps that
 * stay in their lane go back to the place the layout gives them.
 */
function moveSteps(layout: ConductLayout, dropped: readonly Node[], reset: (ids: readonly string[]) => void): Moves | null {
  const steps = useDocumentStore.getState().session?.steps;
  const moves = dropped
    .map((n) => ({ id: n.id, lane: laneAtY(layout, n.position.y + (n.height ?? 0) / 2) }))
    .filter((m) => m.lane && m.lane.id !== steps?.find((s) => s.id === m.id)?.laneId);
  const stayed = dropped.filter((n) => !moves.some((m) => m.id === n.id));
  if (stayed.length > 0) reset(stayed.map((n) => n.id));
  if (moves.length === 0) return null;
  const lane = moves[0]!.lane!;
  return {
    command: (s) => moves.reduce((acc, m) => moveStepToLane(acc, m.id, m.lane!.id), s),
    announcement: moves.length === 1 ? `Étape déplacée dans le couloir ${lane.label}.` : `${moves.length} étapes déplacées.`,
  };
}

/** A link drawn between two steps; a refused one says why. */
function addLinkBetween(from: string, to: string) {
  const current = useDocumentStore.getState().session;
  if (!current) return;
  const next = addLink(current, { id: newId('lien'), from, to });
  if (next === current) {
    useViewStore.getState().announce(
      from === to ? 'Lien refusé : une étape ne peut pas mener à elle-même.' : 'Lien refusé : ces deux étapes sont déjà reliées.',
    );
    return;
  }
  useDocumentStore.getState().apply(() => next);
  useViewStore.getState().announce('Lien ajouté.');
}

/** What the page around the map does with its view: centre a step, fit the map. */
export type FlowView = Pick<ReactFlowInstance<MapNode>, 'setCenter' | 'getZoom' | 'fitView' | 'fitBounds' | 'getViewport' | 'setViewport'>;

interface Props {
  session: Session;
  layout: ConductLayout;
  conflicts: ReadonlyMap<string, string>;
  highlighted: ReadonlySet<string>;
  notes: readonly Note[];
  /** Called once the map's view is ready. */
  onReady?: (view: FlowView) => void;
  /** The missing steps drawn (features/conduct-map/ghosts), when shown. */
  ghosts?: readonly GhostNodeType[];
}

/** The conduct map canvas: React Flow renders what the domain's layout computed. */
export function ConductCanvas({ session, layout, conflicts, highlighted, notes, onReady, ghosts = NO_GHOSTS }: Props) {
  const selection = useViewStore((s) => s.selection);
  const linkSelection = useViewStore((s) => s.linkSelection);
  const cache = useRef(new ConductNodeCache());
  const miniMapShown = useAfterFirstPaint();

  const selectedSet = useMemo(() => new Set(selection), [selection]);
  const stepNames = useMemo(() => ({ lanes: session.lanes, actors: session.actors }), [session.lanes, session.actors]);
  const stepNodes = useMemo(
    () => cache.current.build(session.steps, layout, selectedSet, conflicts, highlighted),
    [session.steps, layout, selectedSet, conflicts, highlighted],
  );
  // The boxes notes keep off: a new array only when they move (the notes' places are kept for it).
  const noteObstacles = useMemo(() => [...layout.steps, ...ghosts.map((g) => g.data.box)], [layout, ghosts]);
  const noteNodes = useStableItems(
    useMemo(
      () =>
        buildNoteNodes(
          notes,
          (note) => {
            const box = note.attachedTo?.type === 'step' ? layout.byId.get(note.attachedTo.id) : undefined;
            return box ? { name: `étape ${box.number}`, x: box.x, y: box.y, width: box.width, height: box.height } : null;
          },
          selectedSet,
          { x: 200, y: layout.height + 40 },
          noteObstacles,
        ),
      [notes, layout, selectedSet, noteObstacles],
    ),
    sameFlowNode,
  );
  const baseNodes = useMemo<MapNode[]>(() => [...ghosts, ...stepNodes, ...noteNodes], [ghosts, stepNodes, noteNodes]);

  const canvasRef = useRef<HTMLDivElement>(null);
  const start = useStartViewport(canvasRef, baseNodes, FIT, { x: 0, y: 0, width: layout.width, height: layout.height });
  const { nodes, ...handlers } = useMapFlow({
    canvas: canvasRef,
    nodes: baseNodes,
    selects: 'step',
    moves: (dropped, reset) => moveSteps(layout, dropped, reset),
    connect: addLinkBetween,
  });

  const numberOf = useMemo(() => new Map(layout.steps.map((b) => [b.id, b.number])), [layout]);
  // Curves first; the routed links (around steps and missing steps) when the worker has them.
  const routes = useRoutes(
    useMemo(() => conductInput(layout, session.links, ghosts.map((g) => g.data.box)), [layout, session.links, ghosts]),
  );
  const edges = useStableItems(
    useMemo(
      () => [
        ...buildLinkEdges(session.links, numberOf, new Set(linkSelection), routes),
        ...buildNoteEdges(notes, (n) => n.attachedTo?.type === 'step' && numberOf.has(n.attachedTo.id)),
      ],
      [session.links, numberOf, linkSelection, notes, routes],
    ),
  );

  const layoutRef = useRef(layout);
  layoutRef.current = layout;
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

  return (
    <div ref={canvasRef} className="canvas" role="region" aria-label="Cartographie de la conduite de projet" onKeyDownCapture={onKeyDownCapture}>
      {start && <FarZoom><StepNamesContext value={stepNames}><ReactFlow<MapNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        {...handlers}
        onInit={onReady}
        {...MAP_FLOW_PROPS}
        ariaLabelConfig={conductAriaLabels}
        fitView={!start.viewport}
        defaultViewport={start.viewport}
        fitViewOptions={FIT}
      >
        {/* The lanes and the axis grid are the background: no dot pattern to repaint at every frame of a pan. */}
        <LaneLayer layout={layout} />
        <SlipLayer layout={layout} steps={session.steps} />
        <Controls showInteractive={false} />
        {miniMapShown && <OverviewMap nodes={baseNodes} color={miniMapColor} ariaLabel="Mini-carte" />}
      </ReactFlow></StepNamesContext></FarZoom>}
    </div>
  );
}
