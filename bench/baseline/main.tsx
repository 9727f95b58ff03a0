/**
 * The floor the benchmark measures against: the same nodes and edges rendered by bare React
 * Flow (default nodes, no store, no database), and a raw Dexie put of one row. Opened as our map
 * is: a canvas of our map's size, our maps' zoom range and first view, and its code warmed up once
 * the page is idle, as our home page draws its maps ahead (src/features/sessions/warmUpMaps.tsx).
 */
import { ReactFlow, useNodesState, useReactFlow, ReactFlowProvider, type Edge, type FitViewOptions, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Dexie } from 'dexie';
import { useEffect, type Dispatch, type SetStateAction } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { MAP_FLOW_PROPS } from '../../src/canvas/ariaLabels';

/** A row a second connection waits for (see UNTIL_ON_DISK in bench/bench.spec.ts). */
interface Watch { db: string; store: string; key: IDBValidKey; field: string; value: string }

/** How our map is laid out and first viewed: its canvas's size and its fit (see bench.spec.ts). */
export interface Frame { width: number; height: number; fit: FitViewOptions }

declare global {
  interface Window {
    benchRender: (nodes: Node[], edges: Edge[], frame: Frame) => void;
    benchPut: (i: number, untilOnDisk: (watch: Watch, write: () => unknown) => Promise<number>) => Promise<number>;
    /** Brings a node to the canvas's middle at the current zoom (our chronology slides the map to the step clicked). */
    benchCentre: (id: string) => void;
  }
}

let setNodes: Dispatch<SetStateAction<Node[]>> | null = null;
let centre: ((id: string) => void) | null = null;

function Flow({ nodes: initial, edges, fit }: { nodes: Node[]; edges: Edge[]; fit: FitViewOptions }) {
  const [nodes, set, onNodesChange] = useNodesState(initial);
  const flow = useReactFlow();
  useEffect(() => {
    const mine = (id: string) => {
      const node = flow.getInternalNode(id);
      if (!node) return;
      const { x, y } = node.internals.positionAbsolute;
      void flow.setCenter(x + (node.measured.width ?? 0) / 2, y + (node.measured.height ?? 0) / 2, { zoom: flow.getZoom() });
    };
    setNodes = set;
    centre = mine;
    return () => {
      if (centre !== mine) return;
      setNodes = null;
      centre = null;
    };
  }, [set, flow]);
  return (
    <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} fitView fitViewOptions={fit} minZoom={MAP_FLOW_PROPS.minZoom} maxZoom={MAP_FLOW_PROPS.maxZoom} />
  );
}

let root: Root | null = null;
window.benchRender = (nodes, edges, frame) => {
  root?.unmount();
  const host = document.getElementById('root')!;
  host.style.width = `${frame.width}px`;
  host.style.height = `${frame.height}px`;
  root = createRoot(host);
  root.render(<ReactFlowProvider><Flow nodes={nodes} edges={edges} fit={frame.fit} /></ReactFlowProvider>);
};
window.benchCentre = (id) => centre?.(id);

/**
 * The edit field: Entrée gives its text to the node named in its `data-node` as its label, as our
 * step editor's Entrée saves a title.
 */
const field = document.getElementById('edit') as HTMLInputElement;
field.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' || !setNodes) return;
  e.preventDefault();
  const id = field.dataset.node;
  const label = field.value;
  setNodes((nodes) => nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, label } } : n)));
});

/**
 * Once the page is idle, a two-node sample drawn out of sight for one frame and taken down, as our
 * home page does with both maps of a two-step sample (src/features/sessions/warmUpMaps.tsx). The
 * bench waits until the `.warm-up` element is taken down, on both pages.
 */
requestIdleCallback(
  () => {
    const host = document.createElement('div');
    host.className = 'warm-up';
    host.setAttribute('aria-hidden', 'true');
    host.inert = true;
    document.body.append(host);
    const sample = createRoot(host);
    const nodes: Node[] = [
      { id: 'a', position: { x: 0, y: 0 }, data: { label: 'Première étape' } },
      { id: 'b', position: { x: 240, y: 0 }, data: { label: 'Deuxième étape' } },
    ];
    flushSync(() => sample.render(<ReactFlowProvider><Flow nodes={nodes} edges={[{ id: 'a-b', source: 'a', target: 'b' }]} fit={{}} /></ReactFlowProvider>));
    requestAnimationFrame(() =>
      setTimeout(() => {
        sample.unmount();
        host.remove();
      }, 0),
    );
  },
  { timeout: 2000 },
);

const db = new Dexie('bench-baseline');
db.version(1).stores({ steps: '[sessionId+id], sessionId' });

/** A raw Dexie put of one row, until a second connection (in a worker) reads it back. */
window.benchPut = async (i, untilOnDisk) => {
  await db.open();
  const title = `titre ${i} ${Math.random()}`;
  await db.table('steps').put({ sessionId: 'b', id: 's1', title: 'avant', laneId: 'l0', kind: 'autre', markers: [], participants: [], order: 1 });
  return untilOnDisk({ db: 'bench-baseline', store: 'steps', key: ['b', 's1'], field: 'title', value: title }, () =>
    db.table('steps').put({ sessionId: 'b', id: 's1', title, laneId: 'l0', kind: 'autre', markers: [], participants: [], order: 1 }),
  );
};
