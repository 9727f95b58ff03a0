import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { GAP_TITLES } from '../../i18n/gaps';
import { STEP_KIND_VISUALS } from '../../i18n/visuals';
import { useZoomLevel } from '../zoom';
import type { GhostNodeType } from './ghosts';

/**
 * A missing step (domain/gaps.ts) on the conduct map: a dashed box without a number, where the
 * step should have been. Its accessible name (`Étape manquante : …`) is set by the canvas.
 */
export const GhostNode = memo(function GhostNode({ data, selected }: NodeProps<GhostNodeType>) {
  const level = useZoomLevel();
  const visual = STEP_KIND_VISUALS[data.kind];
  return (
    <div className={`ghost-node is-${level}${selected ? ' is-selected' : ''}`} style={{ ['--kind-color' as string]: visual.color }} aria-hidden="true">
      {level !== 'far' && <div className="ghost-band"><span aria-hidden="true">{visual.icon}</span> Étape manquante</div>}
      <div className="ghost-title">{level === 'far' ? '?' : GAP_TITLES[data.rule]}</div>
    </div>
  );
});
