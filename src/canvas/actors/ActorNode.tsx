import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { ACTOR_CATEGORY_LABELS } from '../../i18n/labels';
import { ACTOR_CATEGORY_VISUALS } from '../../i18n/visuals';
import { usageBadge } from '../../i18n/lived';
import { useFar } from '../zoom';
import type { ActorNode as ActorNodeType } from './adapter';

/** An actor on the actor map: category colour and icon, name, category label. */
export const ActorNode = memo(function ActorNode({ data, selected }: NodeProps<ActorNodeType>) {
  const { actor, highlighted, uninvolved } = data;
  // Zoomed far out: the category's icon on its colour (see FAR_ZOOM).
  const far = useFar();
  const visual = ACTOR_CATEGORY_VISUALS[actor.category];
  const className = `actor-node${far ? ' is-far' : ''}${selected ? ' is-selected' : ''}${highlighted ? ' is-highlighted' : ''}${uninvolved ? ' is-uninvolved' : ''}${actor.usage === 'non-utilisateur' ? ' is-non-user' : actor.usage === 'partiel' ? ' is-partial-user' : ''}`;
  const style = { ['--cat-color' as string]: visual.color };
  // The same box and handles at every zoom (see StepNode): crossing FAR_ZOOM adds or takes away the
  // name, the category and the badge only.
  return (
    <div className={className} style={style}>
      <Handle type="target" position={Position.Left} />
      <span className="actor-icon" aria-hidden="true">{visual.icon}</span>
      {!far && (
        <span className="actor-text">
          <span className="actor-name">{actor.name}</span>
          <span className="actor-category">{ACTOR_CATEGORY_LABELS[actor.category]}</span>
        </span>
      )}
      {!far && (uninvolved || actor.usage === 'non-utilisateur' || actor.usage === 'partiel') && (
        <span className="actor-badges">
          {usageBadge(actor) && <span className="actor-badge usage-badge" title={actor.usageNote ?? usageBadge(actor)!}>{usageBadge(actor)}</span>}
          {uninvolved && <span className="actor-badge" title="Associé à aucune étape">0 étape</span>}
        </span>
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
});
