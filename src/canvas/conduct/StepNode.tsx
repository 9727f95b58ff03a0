import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { MARKER_LABELS, STEP_KIND_LABELS } from '../../i18n/labels';
import { MARKER_ICONS, STEP_KIND_VISUALS } from '../../i18n/visuals';
import { FarNode } from '../FarNode';
import { useFar } from '../zoom';
import { stepDateText, type StepNode as StepNodeType } from './adapter';

/** A step on the conduct map: number, title, date, kind (colour and icon) and markers. */
export const StepNode = memo(function StepNode({ data, selected }: NodeProps<StepNodeType>) {
  const { step, box, conflict, highlighted } = data;
  // Zoomed far out: the number on the kind's colour (see FAR_ZOOM).
  const far = useFar();
  const visual = STEP_KIND_VISUALS[step.kind];
  const className = `step-node${selected ? ' is-selected' : ''}${highlighted ? ' is-highlighted' : ''}${box.isBar ? ' is-bar' : ''}${conflict ? ' has-conflict' : ''}`;
  const style = { ['--kind-color' as string]: visual.color };
  if (far) return <FarNode className={className} style={style}><span className="step-number" aria-hidden="true">{box.number}</span></FarNode>;
  const date = stepDateText(step);
  return (
    <div className={className} style={style}>
      <Handle type="target" position={Position.Left} />
      <div className="step-band" title={STEP_KIND_LABELS[step.kind]}>
        <span className="step-number" aria-hidden="true">{box.number}</span>
        <span className="step-kind-icon" aria-hidden="true">{visual.icon}</span>
        {date && <span className="step-date">{date}</span>}
        {conflict && (
          <span className="step-conflict" role="img" aria-label={conflict} title={conflict}>⚠</span>
        )}
      </div>
      <div className="step-title">{step.title}</div>
      {step.markers.length > 0 && (
        // The node's accessible name already lists the markers (see adapter): one element each here.
        <div className="step-markers" aria-hidden="true">
          {step.markers.map((m) => (
            <span key={m} title={MARKER_LABELS[m]}>{MARKER_ICONS[m]}</span>
          ))}
        </div>
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
});
