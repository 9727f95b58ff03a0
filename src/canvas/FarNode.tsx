import { Handle, Position } from '@xyflow/react';
import type { CSSProperties, ReactNode } from 'react';

/** A node as both maps draw it zoomed far out (see FAR_ZOOM): its box, its handles, one mark. */
export function FarNode({ className, style, children }: { className: string; style: CSSProperties; children: ReactNode }) {
  return (
    <div className={`${className} is-far`} style={style}>
      <Handle type="target" position={Position.Left} />
      {children}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}
