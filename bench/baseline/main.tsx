/**
 * The floor the benchmark measures against: the same nodes and edges rendered by bare React
 * Flow (default nodes, no store, no database), and a raw Dexie put of one row.
 */
import { ReactFlow, useNodesState, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Dexie } from 'dexie';
import { createRoot, type Root } from 'react-dom/client';

/** A row a second connection waits for (see UNTIL_ON_DISK in bench/bench.spec.ts). */
interface Watch { db: string; store: string; key: IDBValidKey; field: string; value: string }

declare global {
  interface Window {
    benchRender: (nodes: Node[], edges: Edge[]) => void;
    benchPut: (i: number, untilOnDisk: (watch: Watch, write: () => unknown) => Promise<number>) => Promise<number>;
  }
}

function Flow({ nodes: initial, edges }: { nodes: Node[]; edges: Edge[] }) {
  const [nodes, , onNodesChange] = useNodesState(initial);
  return <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} fitView minZoom={0.05} />;
}

let root: Root | null = null;
window.benchRender = (nodes, edges) => {
  root?.unmount();
  root = createRoot(document.getElementById('root')!);
  root.render(<Flow nodes={nodes} edges={edges} />);
};

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
