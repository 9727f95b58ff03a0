/**
 * The maturity radar: seven axes (the domains), one polygon per role of the trinôme. Each role has
 * its colour, a dash, a marker shape and a hatching, so that the three read apart in black and
 * white. `radarGeometry` gives the shapes (drawn by the Regards tab in React); `radarSvg` writes
 * them as a standalone SVG (exports), with its text alternative in `<title>` and `<desc>`.
 */
import { MATURITY_DOMAINS, TRINOME_ROLES, type MaturityDomain, type MaturityRating, type TrinomeRole } from '../domain/enums';
import type { Maturity } from '../domain/types';
import { divergences } from '../domain/viewpoints';
import { MATURITY_DOMAIN_LABELS, MATURITY_DOMAIN_SHORT, MATURITY_RATING_LABELS, TRINOME_ROLE_LABELS } from '../i18n/labels';
import { AUTHOR_ROLE_VISUALS } from '../i18n/visuals';
import { esc, SVG_FONT } from './svgText';

export interface RadarRoleStyle {
  color: string;
  dash: string;
  marker: 'circle' | 'square' | 'triangle';
  /** The hatching of the polygon's fill: an id suffix and its SVG path in a 8×8 tile. */
  hatch: { id: string; path: string };
}

export const RADAR_ROLE_STYLES: Record<TrinomeRole, RadarRoleStyle> = {
  direction: { color: AUTHOR_ROLE_VISUALS.direction.border, dash: '', marker: 'circle', hatch: { id: 'diag', path: 'M0 8 L8 0' } },
  'representant-salaries': {
    color: AUTHOR_ROLE_VISUALS['representant-salaries'].border, dash: '8 4', marker: 'square', hatch: { id: 'horiz', path: 'M0 4 L8 4' },
  },
  dsi: { color: AUTHOR_ROLE_VISUALS.dsi.border, dash: '2 3', marker: 'triangle', hatch: { id: 'vert', path: 'M4 0 L4 8' } },
};

export interface RadarPoint {
  domain: MaturityDomain;
  x: number;
  y: number;
  rating: MaturityRating | undefined;
}

export interface RadarGeometry {
  width: number;
  height: number;
  cx: number;
  cy: number;
  /** The font size of the domains' labels, in the drawing's units. */
  labelSize: number;
  /** Rings for 1, 2 and 3, as polygon points. */
  rings: { value: number; points: string }[];
  axes: { domain: MaturityDomain; x: number; y: number; labelX: number; labelY: number; anchor: 'start' | 'middle' | 'end'; label: string }[];
  /** One polygon per role that rated at least one domain; `nsp` and unrated domains sit at the centre. */
  polygons: { role: TrinomeRole; points: RadarPoint[]; path: string }[];
}

const RADIUS = 120;

/**
 * `labelSize` above 12 widens the drawing so the longer labels still fit: a radar drawn small (the
 * comparison's) keeps labels that can be read.
 */
export function radarGeometry(maturity: Maturity | undefined, labelSize = 12): RadarGeometry {
  const width = 560 + 2 * Math.max(0, Math.round((labelSize - 12) * 9));
  const height = 340;
  const cx = width / 2;
  const cy = height / 2 + 4;
  const n = MATURITY_DOMAINS.length;
  const at = (i: number, r: number) => {
    const a = -Math.PI / 2 + (i * 2 * Math.PI) / n;
    return { x: round(cx + r * Math.cos(a)), y: round(cy + r * Math.sin(a)) };
  };
  const rings = [1, 2, 3].map((value) => ({
    value,
    points: MATURITY_DOMAINS.map((_, i) => at(i, (RADIUS * value) / 3)).map((p) => `${p.x},${p.y}`).join(' '),
  }));
  const axes = MATURITY_DOMAINS.map((domain, i) => {
    const end = at(i, RADIUS);
    const label = at(i, RADIUS + 14);
    const dx = label.x - cx;
    const anchor = Math.abs(dx) < 4 ? 'middle' : dx > 0 ? 'start' : 'end';
    const dy = label.y > cy ? (labelSize * 10) / 12 : label.y < cy - RADIUS ? -2 : labelSize / 3;
    return { domain, ...end, labelX: label.x, labelY: round(label.y + dy), anchor, label: MATURITY_DOMAIN_SHORT[domain] } as const;
  });
  const polygons = TRINOME_ROLES.flatMap((role) => {
    if (!MATURITY_DOMAINS.some((d) => maturity?.[d]?.[role] !== undefined)) return [];
    const points = MATURITY_DOMAINS.map((domain, i) => {
      const rating = maturity?.[domain]?.[role];
      const value = typeof rating === 'number' ? rating : 0;
      return { domain, rating, ...at(i, (RADIUS * value) / 3) };
    });
    return [{ role, points, path: points.map((p) => `${p.x},${p.y}`).join(' ') }];
  });
  return { width, height, cx, cy, labelSize, rings, axes, polygons };
}

const round = (x: number) => Math.round(x * 10) / 10;

const ratingWord = (r: MaturityRating | undefined) => (r === undefined ? 'non noté' : MATURITY_RATING_LABELS[r]);

/** The radar in words: each domain's three ratings, then the divergences. */
export function radarText(maturity: Maturity | undefined): string {
  const lines = MATURITY_DOMAINS.map(
    (d) => `${MATURITY_DOMAIN_LABELS[d]} : ${TRINOME_ROLES.map((r) => `${TRINOME_ROLE_LABELS[r]} ${ratingWord(maturity?.[d]?.[r])}`).join(', ')}.`,
  );
  const found = divergences(maturity);
  lines.push(
    found.length === 0
      ? 'Aucune divergence de 2 points ou plus.'
      : `Divergences : ${found.map((d) => `${MATURITY_DOMAIN_LABELS[d.domain]} (écart de ${d.spread})`).join(', ')}.`,
  );
  return lines.join(' ');
}

/** The path of a marker of this shape centred on (x, y). */
export function markerPath(shape: RadarRoleStyle['marker'], x: number, y: number): string {
  const s = 4;
  if (shape === 'square') return `M${x - s} ${y - s}h${2 * s}v${2 * s}h${-2 * s}Z`;
  if (shape === 'triangle') return `M${x} ${y - s - 1}L${x + s + 1} ${y + s}L${x - s - 1} ${y + s}Z`;
  return `M${x - s} ${y}a${s} ${s} 0 1 0 ${2 * s} 0a${s} ${s} 0 1 0 ${-2 * s} 0Z`;
}

/** A standalone SVG of the radar, with its legend; text only as text, no foreignObject. */
export function radarSvg(maturity: Maturity | undefined, title = 'Radar de maturité numérique'): string {
  const g = radarGeometry(maturity);
  const legendY = g.height + 8;
  const h = legendY + 24;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${h}" viewBox="0 0 ${g.width} ${h}" font-family="${esc(SVG_FONT)}" role="img">`);
  out.push(`<title>${esc(title)}</title><desc>${esc(radarText(maturity))}</desc>`);
  out.push('<defs>');
  for (const role of TRINOME_ROLES) {
    const st = RADAR_ROLE_STYLES[role];
    out.push(
      `<pattern id="radar-${st.hatch.id}" width="8" height="8" patternUnits="userSpaceOnUse"><path d="${st.hatch.path}" stroke="${st.color}" stroke-width="1.2"/></pattern>`,
    );
  }
  out.push('</defs>');
  out.push(`<rect width="${g.width}" height="${h}" fill="#ffffff"/>`);
  for (const ring of g.rings) out.push(`<polygon points="${ring.points}" fill="none" stroke="#cbd5e1" stroke-width="1"/>`);
  for (const a of g.axes) {
    out.push(`<line x1="${g.cx}" y1="${g.cy}" x2="${a.x}" y2="${a.y}" stroke="#94a3b8" stroke-width="1"/>`);
    out.push(`<text x="${a.labelX}" y="${a.labelY}" text-anchor="${a.anchor}" font-size="${g.labelSize}" fill="#1f2937">${esc(a.label)}</text>`);
  }
  for (const p of g.polygons) {
    const st = RADAR_ROLE_STYLES[p.role];
    out.push(
      `<polygon points="${p.path}" fill="url(#radar-${st.hatch.id})" fill-opacity="0.6" stroke="${st.color}" stroke-width="2.5"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>`,
    );
    for (const pt of p.points) {
      if (typeof pt.rating === 'number') out.push(`<path d="${markerPath(st.marker, pt.x, pt.y)}" fill="${st.color}"/>`);
    }
  }
  TRINOME_ROLES.forEach((role, i) => {
    const st = RADAR_ROLE_STYLES[role];
    const x = [20, 140, 400][i]!;
    out.push(
      `<line x1="${x}" y1="${legendY + 8}" x2="${x + 26}" y2="${legendY + 8}" stroke="${st.color}" stroke-width="2.5"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>`,
      `<path d="${markerPath(st.marker, x + 13, legendY + 8)}" fill="${st.color}"/>`,
      `<text x="${x + 32}" y="${legendY + 12}" font-size="12" fill="#1f2937">${esc(TRINOME_ROLE_LABELS[role])}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('');
}

/** The radar as a standalone SVG with its size (for the slides). */
export function renderRadarSvg(maturity: Maturity | undefined, title?: string): { svg: string; width: number; height: number } {
  const g = radarGeometry(maturity);
  return { svg: radarSvg(maturity, title), width: g.width, height: g.height + 32 };
}
