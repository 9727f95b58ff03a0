import { BaseEdge, getStraightPath, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import { memo } from 'react';
import { useFar } from '../zoom';

/** Where the line from this node's centre towards another point leaves the node's box. */
function borderPoint(node: InternalNode, towards: { x: number; y: number }): { x: number; y: number } {
  const w = node.measured.width ?? node.width ?? 0;
  const h = node.measured.height ?? node.height ?? 0;
  const cx = node.internals.positionAbsolute.x + w / 2;
  const cy = node.internals.positionAbsolute.y + h / 2;
  const dx = towards.x - cx;
  const dy = towards.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const s = Math.max(Math.abs(dx) / (w / 2 + 4), Math.abs(dy) / (h / 2 + 4));
  return { x: cx + dx / s, y: cy + dy / s };
}

const centre = (n: InternalNode) => ({
  x: n.internals.positionAbsolute.x + (n.measured.width ?? n.width ?? 0) / 2,
  y: n.internals.positionAbsolute.y + (n.measured.height ?? n.height ?? 0) / 2,
});

/** A relation drawn straight between the two actors' borders, whatever side they are on. */
export const FloatingEdge = memo(function FloatingEdge({ id, source, target, markerEnd, markerStart, style, label, labelStyle, interactionWidth, data }: EdgeProps) {
  const s = useInternalNode(source);
  const t = useInternalNode(target);
  // Zoomed far out, a label would be unreadable (and each one is measured when drawn).
  const far = useFar();
  if (!s || !t) return null;
  const a = borderPoint(s, centre(t));
  const tip = borderPoint(t, centre(s));
  // An unanswered feedback is an open loop: it stops short of its target, on an open circle.
  const open = data?.open === true;
  const length = Math.hypot(tip.x - a.x, tip.y - a.y);
  const back = open && length > 40 ? 16 / length : 0;
  const b = { x: tip.x - (tip.x - a.x) * back, y: tip.y - (tip.y - a.y) * back };
  const [path, labelX, labelY] = getStraightPath({ sourceX: a.x, sourceY: a.y, targetX: b.x, targetY: b.y });
  const edge = (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      markerStart={markerStart}
      style={style}
      label={far ? undefined : label}
      labelX={labelX}
      labelY={labelY}
      labelStyle={labelStyle}
      labelShowBg
      labelBgPadding={[4, 2]}
      interactionWidth={interactionWidth ?? 14}
    />
  );
  if (!open) return edge;
  return (
    <>
      {edge}
      <circle className="open-loop" cx={b.x} cy={b.y} r={6} fill="#ffffff" stroke={style?.stroke ?? '#a16207'} strokeWidth={2.5} />
    </>
  );
});
