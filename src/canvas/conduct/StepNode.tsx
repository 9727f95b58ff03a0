import { Handle, Position, type NodeProps } from '@xyflow/react';
import { createContext, memo, useContext, useMemo } from 'react';
import { isEventKind } from '../../domain/enums';
import { isUpcoming } from '../../domain/gaps';
import { formatPartialDate } from '../../i18n/dates';
import type { Actor, Lane, Step } from '../../domain/types';
import { MARKER_LABELS, STEP_KIND_LABELS } from '../../i18n/labels';
import { MARKER_ICONS, STEP_KIND_VISUALS } from '../../i18n/visuals';
import { useDocumentStore } from '../../state/documentStore';
import { useZoomLevel } from '../zoom';
import { byId, participantsText, stepAriaLabel, stepDateText, stepLabelId, type StepNode as StepNodeType } from './adapter';

/** What a step's label names besides the step: its lane and the actors taking part (given by the canvas). */
export const StepNamesContext = createContext<{ lanes: readonly Lane[]; actors: readonly Actor[] }>({ lanes: [], actors: [] });

/**
 * A step on the conduct map: number, title, date, kind (colour and icon) and markers. It reads its
 * step from the document, and renders the label that names it (see the adapter): a text edit
 * redraws this node alone.
 */
export const StepNode = memo(function StepNode({ id, data, selected }: NodeProps<StepNodeType>) {
  const { box, conflict, highlighted } = data;
  const step = useDocumentStore((s) => (s.session ? byId(s.session.steps, id) : undefined));
  const { lanes, actors } = useContext(StepNamesContext);
  const label = useMemo(() => {
    if (!step) return '';
    const named = stepAriaLabel(step, box.number, byId(lanes, step.laneId), participantsText(step, (actorId) => byId(actors, actorId)?.name));
    return isUpcoming(step) ? `${named}, à venir` : named;
  }, [step, box.number, lanes, actors]);
  const level = useZoomLevel();
  const far = level === 'far';
  if (!step) return null; // deleted: React Flow takes the node down with the next redraw
  const visual = STEP_KIND_VISUALS[step.kind];
  const className = `step-node is-${level}${selected ? ' is-selected' : ''}${highlighted ? ' is-highlighted' : ''}${box.isBar ? ' is-bar' : ''}${conflict ? ' has-conflict' : ''}${isEventKind(step.kind) ? ' is-event' : ''}${isUpcoming(step) ? ' is-upcoming' : ''}`;
  const style = { ['--kind-color' as string]: visual.color };
  // The same box and handles at every zoom: changing level changes what is inside each node, and
  // React keeps the node and its handles (replacing them all at each change was costly on large maps).
  return (
    <div className={className} style={style}>
      <span id={stepLabelId(id)} hidden>{label}</span>
      <Handle type="target" position={Position.Left} />
      {far ? (
        <span className="step-number" aria-hidden="true">{box.number}</span>
      ) : level === 'mid' ? (
        <>
          {isUpcoming(step) && <span className="step-upcoming is-mid">À venir</span>}
          <div className="step-title"><span className="step-number" aria-hidden="true">{box.number}</span> {step.title}</div>
        </>
      ) : (
        stepContent(step, box.number, conflict)
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

/** What a step shows when near enough to read: its band (number, kind, date, conflict), title and markers. */
function stepContent(step: Step, number: number, conflict: string | null) {
  const date = stepDateText(step);
  return (
    <>
      <div className="step-band" title={STEP_KIND_LABELS[step.kind]}>
        <span className="step-number" aria-hidden="true">{number}</span>
        <span className="step-kind-icon" aria-hidden="true">{STEP_KIND_VISUALS[step.kind].icon}</span>
        {date && <span className="step-date">{date}</span>}
        {isUpcoming(step) && <span className="step-upcoming">À venir · {formatPartialDate(step.planned!)}</span>}
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
    </>
  );
}
