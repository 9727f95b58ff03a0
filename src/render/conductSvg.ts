/**
 * The conduct map as a self-contained SVG, drawn from the model by the domain's layout: no
 * `foreignObject`, no HTML, fonts named with safe fallbacks, so it opens in slide and vector
 * tools. Title block, time axis, lanes, numbered steps with their kind and markers, links with
 * arrowheads, the numbered chronology beside the map, the legend, and the session in metadata.
 */
import { isEventKind, MARKERS, STEP_KINDS } from '../domain/enums';
import { svgMetadata } from '../domain/format/embed';
import { CONDUCT_LAYOUT, layoutConductMap, type ConductLayout, type StepBox } from '../domain/layout/conduct';
import { slipBars } from '../domain/layout/slips';
import { slippage } from '../domain/synthesis';
import { isUpcoming, openGaps } from '../domain/gaps';
import { placeGhosts, type GhostBox } from '../domain/layout/ghosts';
import { GAP_TITLES, gapAriaLabel } from '../i18n/gaps';
import type { Note, Session, Step } from '../domain/types';
import { axisTickLabel, formatPartialDate, slippageText } from '../i18n/dates';
import { MARKER_LABELS, STEP_KIND_LABELS } from '../i18n/labels';
import { MARKER_ICONS, STEP_KIND_VISUALS } from '../i18n/visuals';
import { esc, round, SVG_FONT, textLines, wrapText } from './svgText';
import { conductCurve, edgeShapes, notesExtent, notesSvg, placeConductNotes } from './notesSvg';
import type { RoutedMap } from '../domain/layout/routing';
import { edgeLabelSvg, routedPathSvg } from './edgeSvg';

export interface RenderedSvg {
  svg: string;
  width: number;
  height: number;
}

export interface ConductSvgOptions {
  today?: string;
  /** The session file text to carry in `<metadata>`. */
  embed?: string;
  layout?: ConductLayout;
  /** A step to show as the current one (the replay): ringed, with the lanes of its participants tinted. */
  current?: string;
  /** Draws the missing steps (domain/gaps.ts) as ghosts, as the map shows them when `Étapes manquantes` is ticked. */
  ghosts?: boolean;
  /** The links' routes (domain/layout/routing.ts) for this layout; without them, links are curves. */
  routes?: RoutedMap | null;
  /** The notes drawn beside their steps (render/notesSvg.ts); by default every note of this map. */
  notes?: readonly Note[];
}

const HEADER = 96;
const PAD = 32;
const CHRONO_WIDTH = 460;

export function stepDate(step: Pick<Step, 'date' | 'endDate' | 'dateLabel'>): string {
  if (step.dateLabel) return step.dateLabel;
  if (!step.date) return '';
  return step.endDate ? `${formatPartialDate(step.date)} – ${formatPartialDate(step.endDate)}` : formatPartialDate(step.date);
}

function header(session: Session, width: number, subtitle: string): string {
  const sub = [session.establishment.name, session.project.name].filter(Boolean).join(' · ');
  return [
    `<rect x="0" y="0" width="${width}" height="${HEADER - 16}" fill="#1f4e79"/>`,
    `<text x="${PAD}" y="40" font-size="26" font-weight="bold" fill="#ffffff">${esc(session.title)}</text>`,
    `<text x="${PAD}" y="66" font-size="16" fill="#e2e8f0">${esc([subtitle, sub].filter(Boolean).join(' — '))}</text>`,
  ].join('');
}

function stepBox(step: Step, box: StepBox): string {
  const visual = STEP_KIND_VISUALS[step.kind];
  const { x, y, width, height } = box;
  const date = stepDate(step);
  const title = wrapText(step.title, 13, width - 14, 2);
  // An event (incident, postponement, workaround, refusal) is what happened, not planned work: its band hatched, its border doubled.
  const event = isEventKind(step.kind);
  // A step à venir (planned, not done) is dashed too, and says so where its date would be.
  const upcoming = isUpcoming(step);
  const band = `M${round(x + 1)} ${round(y + 25)} V${round(y + 8)} a7 7 0 0 1 7 -7 H${round(x + width - 8)} a7 7 0 0 1 7 7 V${round(y + 25)} Z`;
  const parts = [
    `<g class="step${event ? ' event' : ''}" data-step="${box.number}">`,
    `<rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${height}" rx="8" fill="#ffffff" stroke="#475569" stroke-width="2"${event || upcoming ? ' stroke-dasharray="7 4"' : ''}/>`,
    `<path d="${band}" fill="${visual.color}"/>`,
    event ? `<path d="${band}" fill="url(#event-hatch)"/>` : '',
    event ? `<rect class="event-border" x="${round(x + 3.5)}" y="${round(y + 3.5)}" width="${round(width - 7)}" height="${height - 7}" rx="5" fill="none" stroke="#475569" stroke-width="1"/>` : '',
    `<circle cx="${round(x + 15)}" cy="${round(y + 13)}" r="10" fill="#0f172a"/>`,
    `<text x="${round(x + 15)}" y="${round(y + 17.5)}" font-size="12" font-weight="bold" fill="#ffffff" text-anchor="middle">${box.number}</text>`,
    `<text x="${round(x + 32)}" y="${round(y + 18)}" font-size="14" fill="#0f172a">${esc(visual.icon)}</text>`,
  ];
  if (date) parts.push(`<text x="${round(x + width - 8)}" y="${round(y + 17)}" font-size="12" font-weight="bold" fill="#0f172a" text-anchor="end">${esc(date)}</text>`);
  else if (upcoming) parts.push(`<text x="${round(x + width - 8)}" y="${round(y + 17)}" font-size="12" font-weight="bold" fill="#0f172a" text-anchor="end" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(`À venir · ${formatPartialDate(step.planned!)}`)}</text>`);
  parts.push(textLines(title, round(x + 7), round(y + 41), 13, 'font-weight="bold" fill="#0f172a"'));
  step.markers.forEach((m, i) => {
    const cx = round(x + 15 + i * 22);
    const cy = round(y + height - 12);
    parts.push(
      `<g><title>${esc(MARKER_LABELS[m])}</title><circle cx="${cx}" cy="${cy}" r="9" fill="#ffffff" stroke="#475569"/>`,
      `<text x="${cx}" y="${cy + 4}" font-size="11" text-anchor="middle" fill="#0f172a">${esc(MARKER_ICONS[m])}</text></g>`,
    );
  });
  parts.push('</g>');
  return parts.join('');
}

function linkPath(from: StepBox, to: StepBox): string {
  const x1 = from.x + from.width;
  const y1 = from.y + from.height / 2;
  const x2 = to.x;
  const y2 = to.y + to.height / 2;
  const dx = Math.max(40, Math.abs(x2 - x1) / 2);
  return `M${round(x1)} ${round(y1)} C${round(x1 + dx)} ${round(y1)} ${round(x2 - dx)} ${round(y2)} ${round(x2 - 2)} ${round(y2)}`;
}

/** The map itself (axis, lanes, links, steps), in layout coordinates. */
/** A missing step: a dashed box without a number, named after what is missing. */
function ghostBox(ghost: GhostBox, lane: string | undefined): string {
  const { x, y, width, height } = ghost;
  return [
    `<g class="ghost" data-rule="${ghost.rule}"><title>${esc(gapAriaLabel(ghost.rule, lane))}</title>`,
    `<rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${height}" rx="8" fill="#f8fafc" fill-opacity="0.9" stroke="#475569" stroke-width="2" stroke-dasharray="6 4"/>`,
    `<text x="${round(x + 7)}" y="${round(y + 18)}" font-size="12" font-style="italic" font-weight="bold" fill="#334155">Étape manquante</text>`,
    textLines(wrapText(GAP_TITLES[ghost.rule], 13, width - 14, 3), round(x + 7), round(y + 38), 13, 'font-style="italic" fill="#334155"'),
    '</g>',
  ].join('');
}

export function conductMapBody(session: Session, layout: ConductLayout, current?: string, ghosts: readonly GhostBox[] = [], routes: RoutedMap | null = null): string {
  const { laneHeaderWidth, axisHeight } = CONDUCT_LAYOUT;
  const currentStep = current ? session.steps.find((s) => s.id === current) : undefined;
  const participants = new Set(currentStep?.participants.map((p) => p.actorId));
  const out: string[] = [];
  out.push(`<rect x="0" y="0" width="${layout.width}" height="${axisHeight}" fill="#eef2f7"/>`);
  for (const lane of layout.lanes) {
    const tinted = lane.actorId !== undefined && participants.has(lane.actorId);
    out.push(`<rect x="0" y="${lane.y}" width="${layout.width}" height="${lane.height}" fill="${tinted ? '#fff4d6' : lane.index % 2 ? '#f1f5f9' : '#ffffff'}" stroke="#cbd5e1"/>`);
  }
  for (const t of layout.ticks) {
    out.push(`<line x1="${round(t.x)}" y1="0" x2="${round(t.x)}" y2="${layout.height}" stroke="${t.major ? '#94a3b8' : '#cbd5e1'}" stroke-width="1"${t.major ? '' : ' stroke-dasharray="4 4"'}/>`);
    out.push(`<text x="${round(t.x + 6)}" y="${axisHeight - 10}" font-size="13" fill="#334155"${t.major ? ' font-weight="bold"' : ''}>${esc(axisTickLabel(t.month, layout.scale))}</text>`);
  }
  out.push(`<line x1="0" y1="${axisHeight}" x2="${layout.width}" y2="${axisHeight}" stroke="#64748b" stroke-width="2"/>`);
  for (const lane of layout.lanes) {
    out.push(`<rect x="0" y="${lane.y}" width="${laneHeaderWidth}" height="${lane.height}" fill="#e2e8f0" stroke="#64748b"/>`);
    out.push(textLines(wrapText(lane.label, 14, laneHeaderWidth - 20, 3), 10, round(lane.y + lane.height / 2 - 4), 14, 'font-weight="bold" fill="#1e293b"'));
  }
  if (layout.today !== null) {
    out.push(`<line x1="${round(layout.today)}" y1="0" x2="${round(layout.today)}" y2="${layout.height}" stroke="#b91c1c" stroke-width="2" stroke-dasharray="6 4"/>`);
    out.push(`<text x="${round(layout.today + 4)}" y="14" font-size="12" font-weight="bold" fill="#b91c1c">Aujourd'hui</text>`);
  }
  const labels: string[] = [];
  for (const link of session.links) {
    const from = layout.byId.get(link.from);
    const to = layout.byId.get(link.to);
    if (!from || !to) continue;
    // Routed: around every step and missing step, its label where it hides nothing (drawn after all links).
    const route = routes?.edges[link.id];
    if (route) {
      out.push(routedPathSvg(route.points, 'class="link" fill="none" stroke="#334155" stroke-width="2.5" marker-end="url(#arrow)"'));
      if (link.label && route.label) labels.push(edgeLabelSvg(route.label, link.label, '#1e293b'));
      continue;
    }
    out.push(`<path class="link" d="${linkPath(from, to)}" fill="none" stroke="#334155" stroke-width="2.5" marker-end="url(#arrow)"/>`);
    if (link.label) {
      const mx = (from.x + from.width + to.x) / 2;
      const my = (from.y + to.y + from.height) / 2 - 8;
      out.push(`<text x="${round(mx)}" y="${round(my)}" font-size="12" fill="#1e293b" text-anchor="middle" stroke="#ffffff" stroke-width="4" paint-order="stroke">${esc(link.label)}</text>`);
    }
  }
  out.push(...labels);
  for (const bar of slipBars(layout, session.steps)) {
    const color = bar.late ? '#c2410c' : '#0e7490';
    const start = bar.late ? bar.left : bar.left + bar.width;
    out.push(`<g class="slip"><rect x="${round(bar.left)}" y="${round(bar.y - 2)}" width="${round(bar.width)}" height="4" rx="2" fill="${color}"/><circle cx="${round(start)}" cy="${round(bar.y)}" r="5" fill="#ffffff" stroke="${color}" stroke-width="2"/></g>`);
  }
  for (const ghost of ghosts) out.push(ghostBox(ghost, session.lanes.find((l) => l.id === ghost.laneId)?.label));
  session.steps.forEach((step) => {
    const box = layout.byId.get(step.id);
    if (box && step.id === current) {
      out.push(`<rect class="current-step" x="${round(box.x - 6)}" y="${round(box.y - 6)}" width="${round(box.width + 12)}" height="${round(box.height + 12)}" rx="12" fill="none" stroke="#f2a900" stroke-width="5"/>`);
    }
    if (box) out.push(stepBox(step, box));
  });
  return out.join('');
}

/** The numbered chronology as SVG text lines; returns the markup and its height. */
function chronology(steps: readonly Step[], x: number, y: number, width: number): { svg: string; height: number } {
  const out = [`<text x="${x}" y="${y + 18}" font-size="18" font-weight="bold" fill="#1f4e79">Déroulé chronologique</text>`];
  let cy = y + 44;
  steps.forEach((step, i) => {
    const date = stepDate(step);
    const planned = step.planned && (slippage(step) || !step.date) ? `, ${slippageText(step.planned, step.date)}` : '';
    const lines = wrapText(`${step.title}${date || planned ? ` (${date || ''}${date ? planned : planned.slice(2)})` : ''}`, 13, width - 34, 3);
    out.push(`<text x="${x}" y="${cy}" font-size="13" font-weight="bold" fill="#0f172a">${i + 1}.</text>`);
    out.push(textLines(lines, x + 30, cy, 13, 'fill="#0f172a"'));
    cy += lines.length * 15.6 + 7;
  });
  return { svg: out.join(''), height: cy - y };
}

/** Legend of the kinds and markers in use, laid out in columns. */
export function conductLegend(steps: readonly Step[], x: number, y: number, width: number): { svg: string; height: number } {
  const kinds = STEP_KINDS.filter((k) => steps.some((s) => s.kind === k));
  const markers = MARKERS.filter((m) => steps.some((s) => s.markers.includes(m)));
  const items = [
    ...kinds.map((k) => ({ icon: STEP_KIND_VISUALS[k].icon, color: STEP_KIND_VISUALS[k].color, label: STEP_KIND_LABELS[k], round: false })),
    ...markers.map((m) => ({ icon: MARKER_ICONS[m], color: '#ffffff', label: MARKER_LABELS[m], round: true })),
  ];
  if (items.length === 0) return { svg: '', height: 0 };
  const colWidth = 300;
  const cols = Math.max(1, Math.floor(width / colWidth));
  const out = [`<g class="legend"><text x="${x}" y="${y + 16}" font-size="16" font-weight="bold" fill="#1f4e79">Légende</text>`];
  items.forEach((item, i) => {
    const cx = x + (i % cols) * colWidth;
    const cy = y + 30 + Math.floor(i / cols) * 24;
    out.push(
      item.round
        ? `<circle cx="${cx + 11}" cy="${cy + 9}" r="9" fill="#ffffff" stroke="#475569"/>`
        : `<rect x="${cx}" y="${cy}" width="24" height="18" rx="4" fill="${item.color}" stroke="#64748b"/>`,
      `<text x="${cx + 12}" y="${cy + 14}" font-size="12" text-anchor="middle" fill="#0f172a">${esc(item.icon)}</text>`,
      `<text x="${cx + 32}" y="${cy + 14}" font-size="13" fill="#0f172a">${esc(item.label)}</text>`,
    );
  });
  out.push('</g>');
  return { svg: out.join(''), height: 30 + Math.ceil(items.length / cols) * 24 };
}

export const ARROW_DEFS =
  '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#334155"/></marker>' +
  '<pattern id="event-hatch" width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect x="0" y="0" width="4" height="10" fill="#ffffff" fill-opacity="0.75"/></pattern></defs>';

export function renderConductSvg(session: Session, options: ConductSvgOptions = {}): RenderedSvg {
  const layout = options.layout ?? layoutConductMap(session, options.today ? { today: options.today } : {});
  const mapX = PAD;
  const mapY = HEADER;
  const chronoX = mapX + layout.width + PAD;
  const chrono = chronology(session.steps, chronoX, mapY, CHRONO_WIDTH);
  const width = Math.ceil(chronoX + CHRONO_WIDTH + PAD);
  const ghosts = options.ghosts ? placeGhosts(layout, openGaps(session)) : [];
  const edges = edgeShapes(session.links, (id) => layout.byId.get(id), options.routes, conductCurve);
  const placedNotes = placeConductNotes(session, layout, options.notes ?? session.notes.filter((n) => n.map === 'conduite'), ghosts, edges);
  const notes = notesSvg(placedNotes);
  const bodyHeight = Math.max(layout.height, chrono.height, notesExtent(placedNotes)?.maxY ?? 0);
  const legend = conductLegend(session.steps, mapX, mapY + bodyHeight + 24, width - 2 * PAD);
  const height = Math.ceil(mapY + bodyHeight + 24 + legend.height + PAD);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SVG_FONT}">`,
    `<title>${esc(`${session.title} — cartographie de la conduite de projet`)}</title>`,
    options.embed ? svgMetadata(options.embed) : '',
    ARROW_DEFS,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    header(session, width, 'Cartographie de la conduite de projet'),
    `<g transform="translate(${mapX} ${mapY})">${conductMapBody(session, layout, options.current, ghosts, options.routes ?? null)}${notes.connectors}${notes.boxes}</g>`,
    chrono.svg,
    legend.svg,
    '</svg>',
  ].join('');
  return { svg, width, height };
}
