import { memo } from 'react';
import { isEventKind, MARKERS, STEP_KINDS } from '../../domain/enums';
import { slippage } from '../../domain/synthesis';
import type { Step } from '../../domain/types';
import { MARKER_LABELS, STEP_KIND_LABELS } from '../../i18n/labels';
import { MARKER_ICONS, STEP_KIND_VISUALS } from '../../i18n/visuals';

/** The legend of the conduct map, generated from the kinds and markers in use. */
export const ConductLegend = memo(function ConductLegend({ steps }: { steps: readonly Step[] }) {
  const kinds = STEP_KINDS.filter((k) => steps.some((s) => s.kind === k));
  const markers = MARKERS.filter((m) => steps.some((s) => s.markers.includes(m)));
  // Format 2: how events and slipped dates are drawn, when the map has some.
  const events = steps.some((s) => isEventKind(s.kind));
  const slips = steps.some((s) => slippage(s) !== null);
  return (
    <section className="panel legend" role="region" aria-label="Légende">
      <h2>Légende</h2>
      {kinds.length === 0 && markers.length === 0 ? (
        <p className="hint">La légende se remplit avec les types d'étape et les marqueurs utilisés.</p>
      ) : (
        <ul className="legend-list">
          {kinds.map((k) => (
            <li key={k}>
              <span className="legend-swatch" style={{ background: STEP_KIND_VISUALS[k].color }} aria-hidden="true">
                {STEP_KIND_VISUALS[k].icon}
              </span>
              {STEP_KIND_LABELS[k]}
            </li>
          ))}
          {events && (
            <li>
              <span className="legend-swatch legend-event" aria-hidden="true" />
              Événement (bandeau hachuré, double bordure)
            </li>
          )}
          {slips && (
            <li>
              <span className="legend-slip" aria-hidden="true" />
              Décalage : de la date prévue (○) à la date réelle
            </li>
          )}
          {markers.map((m) => (
            <li key={m}>
              <span className="legend-marker" aria-hidden="true">{MARKER_ICONS[m]}</span>
              {MARKER_LABELS[m]}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
