import { Background, Controls, MiniMap, ReactFlow, type Edge, type Node } from '@xyflow/react';
import { memo } from 'react';
import { flowAriaLabels } from './ariaLabels';

interface Props {
  label: string;
  nodes: Node[];
  edges: Edge[];
}

/** The React Flow canvas shared by both maps: it only renders what the adapter gives it. */
export const MapCanvas = memo(function MapCanvas({ label, nodes, edges }: Props) {
  return (
    <div className="canvas" role="region" aria-label={label}>
      <ReactFlow nodes={nodes} edges={edges} fitView ariaLabelConfig={flowAriaLabels} proOptions={{ hideAttribution: true }}>
        <Background gap={24} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable ariaLabel="Mini-carte" />
      </ReactFlow>
    </div>
  );
});
