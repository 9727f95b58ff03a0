import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { ACTOR_CATEGORY_LABELS } from '../../i18n/labels';
import { ACTOR_CATEGORY_VISUALS } from '../../i18n/visuals';
import type { ActorNode as ActorNodeType } from './adapter';

/** An actor on the actor map: category colour and icon, name, category label. */
export const ActorNode = memo(function ActorNode({ data, selected }: NodeProps<ActorNodeType>) {
  const { actor, highlighted, uninvolved } = data;
  const visual = ACTOR_CATEGORY_VISUALS[actor.category];
  return (
    <div
      className={`actor-node${selected ? ' is-selected' : ''}${highlighted ? ' is-highlighted' : ''}${uninvolved ? ' is-uninvolved' : ''}`}
      style={{ ['--cat-color' as string]: visual.color }}
    >
      <Handle type="target" position={Position.Left} />
      <span className="actor-icon" aria-hidden="true">{visual.icon}</span>
      <span className="actor-text">
        <span className="actor-name">{actor.name}</span>
        <span className="actor-category">{ACTOR_CATEGORY_LABELS[actor.category]}</span>
      </span>
      {uninvolved && <span className="actor-badge" title="Associé à aucune étape">0 étape</span>}
      <Handle type="source" position={Position.Right} />
    </div>
  );
});
