import { useId } from 'react';
import type { Maturity } from '../../domain/types';
import { TRINOME_ROLES } from '../../domain/enums';
import { TRINOME_ROLE_LABELS } from '../../i18n/labels';
import { markerPath, RADAR_ROLE_STYLES, radarGeometry, radarText } from '../../render/radar';

/**
 * The maturity radar, drawn from `radarGeometry`: one polygon per role with its colour, dash,
 * marker and hatching (it reads in black and white); its values and divergences in words beside.
 */
export function Radar({ maturity, title = 'Radar de maturité numérique', width, legend = true, labelSize }: {
  maturity: Maturity | undefined;
  title?: string;
  width?: number;
  /** False where several radars share one legend (the comparison of establishments). */
  legend?: boolean;
  /** Larger labels for a radar drawn small. */
  labelSize?: number;
}) {
  const g = radarGeometry(maturity, labelSize);
  const id = useId().replace(/:/g, '');
  return (
    <figure className="radar">
      <svg role="img" aria-label={title} aria-describedby={`${id}-desc`} viewBox={`0 0 ${g.width} ${g.height}`} width={width ?? g.width} height={((width ?? g.width) * g.height) / g.width}>
        <defs>
          {TRINOME_ROLES.map((role) => {
            const st = RADAR_ROLE_STYLES[role];
            return (
              <pattern key={role} id={`${id}-${st.hatch.id}`} width="8" height="8" patternUnits="userSpaceOnUse">
                <path d={st.hatch.path} stroke={st.color} strokeWidth="1.2" />
              </pattern>
            );
          })}
        </defs>
        {g.rings.map((ring) => (
          <polygon key={ring.value} points={ring.points} fill="none" stroke="#cbd5e1" />
        ))}
        {g.rings.map((ring) => (
          <text key={`v${ring.value}`} x={g.cx + 3} y={g.cy - (120 * ring.value) / 3 + 11} fontSize="10" fill="#64748b">{ring.value}</text>
        ))}
        {g.axes.map((a) => (
          <g key={a.domain}>
            <line x1={g.cx} y1={g.cy} x2={a.x} y2={a.y} stroke="#94a3b8" />
            <text x={a.labelX} y={a.labelY} textAnchor={a.anchor} fontSize={g.labelSize} fill="#1f2937">{a.label}</text>
          </g>
        ))}
        {g.polygons.map((p) => {
          const st = RADAR_ROLE_STYLES[p.role];
          return (
            <g key={p.role} data-role={p.role}>
              <polygon points={p.path} fill={`url(#${id}-${st.hatch.id})`} fillOpacity={0.6} stroke={st.color} strokeWidth={2.5} strokeDasharray={st.dash || undefined} />
              {p.points.map((pt) => (typeof pt.rating === 'number' ? <path key={pt.domain} d={markerPath(st.marker, pt.x, pt.y)} fill={st.color} /> : null))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        {legend && <RadarLegend />}
        {legend && <p className="hint">« Ne sait pas » et les domaines non notés sont au centre, sans point.</p>}
        <p id={`${id}-desc`} className="visually-hidden">{radarText(maturity)}</p>
      </figcaption>
    </figure>
  );
}

/** The three roles' line, dash and marker, as drawn on the radar. */
export function RadarLegend() {
  return (
    <ul className="radar-legend" aria-label="Légende du radar">
      {TRINOME_ROLES.map((role) => {
        const st = RADAR_ROLE_STYLES[role];
        return (
          <li key={role}>
            <svg width="34" height="14" aria-hidden="true">
              <line x1="2" y1="7" x2="32" y2="7" stroke={st.color} strokeWidth={2.5} strokeDasharray={st.dash || undefined} />
              <path d={markerPath(st.marker, 17, 7)} fill={st.color} />
            </svg>
            {TRINOME_ROLE_LABELS[role]}
          </li>
        );
      })}
    </ul>
  );
}
