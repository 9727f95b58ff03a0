/**
 * The stack of temporalities as a self-contained SVG (the view shows it, the PNG and SVG exports
 * are it): drawn from `layoutStack`'s model, text as SVG text, no foreignObject, so that it
 * rasterises the same everywhere.
 */
import type { InstitutionalEventKind } from '../domain/enums';
import { layoutStack, STACK_LAYOUT, type StackLayout, type StackSession } from '../domain/stack';
import { formatPartialDate } from '../i18n/dates';
import { INSTITUTIONAL_EVENT_KIND_LABELS, INSTITUTIONAL_EVENT_VISUALS } from '../i18n/stack';
import { STEP_KIND_VISUALS } from '../i18n/visuals';
import type { RenderedSvg } from './conductSvg';
import { ellipsize, esc, round, SVG_FONT, textWidth, wrapText } from './svgText';

const MUTED = '#475569';
const INK = '#0f172a';
const GRID = '#cbd5e1';
const PILED = '#f97316';
const EVENT_FONT = 12;
/** One light colour per project band, so that two bands side by side read apart. */
const BAND_COLOURS = ['#dbeafe', '#dcfce7', '#fae8ff', '#fef3c7', '#e0f2fe', '#fee2e2', '#ede9fe', '#ccfbf1'];

/** A mark of an event kind, centred on (x, y). */
function eventMark(kind: InstitutionalEventKind, x: number, y: number, size = 8): string {
  const { color, shape } = INSTITUTIONAL_EVENT_VISUALS[kind];
  const s = size;
  const attrs = `fill="${color}" stroke="${INK}" stroke-width="1"`;
  switch (shape) {
    case 'diamond':
      return `<path d="M${round(x)} ${round(y - s)} L${round(x + s)} ${round(y)} L${round(x)} ${round(y + s)} L${round(x - s)} ${round(y)} Z" ${attrs}/>`;
    case 'square':
      return `<rect x="${round(x - s * 0.8)}" y="${round(y - s * 0.8)}" width="${round(s * 1.6)}" height="${round(s * 1.6)}" ${attrs}/>`;
    case 'triangle':
      return `<path d="M${round(x)} ${round(y - s)} L${round(x + s)} ${round(y + s * 0.8)} L${round(x - s)} ${round(y + s * 0.8)} Z" ${attrs}/>`;
    case 'star': {
      const pts: string[] = [];
      for (let i = 0; i < 10; i++) {
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        const r = i % 2 === 0 ? s * 1.1 : s * 0.45;
        pts.push(`${round(x + r * Math.cos(a))} ${round(y + r * Math.sin(a))}`);
      }
      return `<path d="M${pts.join(' L')} Z" ${attrs}/>`;
    }
    default:
      return `<circle cx="${round(x)}" cy="${round(y)}" r="${round(s * 0.8)}" ${attrs}/>`;
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The summary line under the title, also the SVG's description. */
export function stackSummary(layout: StackLayout): string {
  const piled = layout.counts.months.filter((m) => m.piled).length;
  return [
    plural(layout.bands.length, 'projet', 'projets'),
    plural(layout.events.items.length, 'événement institutionnel', 'événements institutionnels'),
    piled ? plural(piled, 'mois où les temporalités s’empilent', 'mois où les temporalités s’empilent') : 'aucun mois où les projets s’empilent',
    layout.undated ? `${plural(layout.undated, 'étape sans date non placée', 'étapes sans date non placées')}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

export interface StackSvgOptions {
  /** The establishment's name, for the title. */
  establishment: string;
  width?: number;
}

export function renderStackSvg(sessions: readonly StackSession[], options: StackSvgOptions): RenderedSvg & { layout: StackLayout } {
  const layout = layoutStack(sessions, { width: options.width ?? STACK_LAYOUT.width, measure: (t) => textWidth(t, EVENT_FONT) });
  const { width, height, axis } = layout;
  const L = STACK_LAYOUT;
  const left = L.margin;
  const title = `Empilement des temporalités — ${options.establishment.trim() || 'établissement non précisé'}`;
  const summary = stackSummary(layout);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SVG_FONT}">`,
    `<title>${esc(title)}</title>`,
    `<desc>${esc(summary)}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${left}" y="${L.margin + 26}" font-size="24" font-weight="700" fill="${INK}">${esc(ellipsize(title, 24, width - 2 * left))}</text>`,
    `<text x="${left}" y="${L.margin + 52}" font-size="15" fill="${MUTED}">${esc(ellipsize(summary, 15, width - 2 * left))}</text>`,
  ];

  const top = axis.y;
  const bottom = layout.counts.y + layout.counts.height;
  if (layout.empty) {
    out.push(
      `<text x="${left}" y="${top + 40}" font-size="16" fill="${MUTED}">Aucune étape ni aucun événement daté : rien à placer sur l’axe du temps.</text>`,
      '</svg>',
    );
    return { svg: out.join(''), width, height, layout };
  }

  // Years: alternate shading, a label, a line at each year's start.
  axis.years.forEach((yr, i) => {
    if (i % 2 === 1) out.push(`<rect x="${round(yr.x0)}" y="${top}" width="${round(yr.x1 - yr.x0)}" height="${round(bottom - top)}" fill="#f8fafc"/>`);
    out.push(
      `<line x1="${round(yr.x0)}" y1="${top}" x2="${round(yr.x0)}" y2="${round(bottom)}" stroke="${GRID}" stroke-width="1"/>`,
      `<text x="${round((yr.x0 + yr.x1) / 2)}" y="${top + 22}" font-size="15" font-weight="700" fill="${INK}" text-anchor="middle">${yr.year}</text>`,
    );
  });
  out.push(`<line x1="${round(axis.x1)}" y1="${top}" x2="${round(axis.x1)}" y2="${round(bottom)}" stroke="${GRID}" stroke-width="1"/>`);

  // Months where things pile up: a column across every lane, so the eye finds them at once.
  for (const m of layout.counts.months.filter((x) => x.piled)) {
    out.push(`<rect x="${round(m.x0)}" y="${top + L.axisHeight}" width="${round(Math.max(2, m.x1 - m.x0))}" height="${round(bottom - top - L.axisHeight)}" fill="${PILED}" fill-opacity="0.14"/>`);
  }

  // Lanes' labels and separators.
  const laneLabel = (label: string, subs: string[], y: number, h: number) => {
    const lines = wrapText(label, 15, L.labelWidth - 16, subs.length ? 2 : 3);
    const block = lines.length * 18 + subs.length * 16;
    let ty = y + (h - block) / 2 + 14;
    const parts = lines.map((l) => {
      const t = `<text x="${left}" y="${round(ty)}" font-size="15" font-weight="700" fill="${INK}">${esc(l)}</text>`;
      ty += 18;
      return t;
    });
    for (const sub of subs) {
      parts.push(`<text x="${left}" y="${round(ty - 2)}" font-size="12" fill="${MUTED}">${esc(ellipsize(sub, 12, L.labelWidth - 16))}</text>`);
      ty += 16;
    }
    return parts.join('');
  };
  const separator = (y: number) => `<line x1="${left}" y1="${round(y)}" x2="${round(axis.x1)}" y2="${round(y)}" stroke="${GRID}" stroke-width="1"/>`;

  // Bands: the project's extent as a tinted bar, its steps as numbered ticks.
  layout.bands.forEach((band, i) => {
    out.push(separator(band.y));
    const subs = [
      ...(band.sessionTitle !== band.label ? [band.sessionTitle] : []),
      ...(band.undated ? [`${plural(band.undated, 'étape sans date', 'étapes sans date')}, non placée${band.undated > 1 ? 's' : ''}`] : []),
    ];
    out.push(laneLabel(band.label, subs, band.y, band.height));
    if (band.ticks.length > 0) {
      const xs = band.ticks.flatMap((t) => (t.span ? [t.span.x0, t.span.x1] : [t.x - L.tickRadius, t.x + L.tickRadius]));
      const bx0 = Math.min(...xs) - 4;
      const bx1 = Math.max(...xs) + 4;
      out.push(
        `<rect x="${round(bx0)}" y="${round(band.y + 6)}" width="${round(bx1 - bx0)}" height="${round(band.height - 12)}" rx="8" fill="${BAND_COLOURS[i % BAND_COLOURS.length]}" stroke="#94a3b8" stroke-width="1"/>`,
      );
    }
    for (const t of band.ticks) {
      const when = formatPartialDate(t.date);
      const label = `Étape ${t.number} : ${t.title} (${t.status === 'fait' ? when : `prévue : ${when}`})`;
      const span = t.span
        ? `<line x1="${round(t.span.x0 + 3)}" y1="${round(t.y)}" x2="${round(t.span.x1 - 3)}" y2="${round(t.y)}" stroke="${MUTED}" stroke-width="2" stroke-dasharray="1 3" stroke-linecap="round"/>`
        : '';
      const circle =
        t.status === 'fait'
          ? `<circle cx="${round(t.x)}" cy="${round(t.y)}" r="${L.tickRadius}" fill="${STEP_KIND_VISUALS[t.kind].color}" stroke="${INK}" stroke-width="1.5"/>`
          : `<circle cx="${round(t.x)}" cy="${round(t.y)}" r="${L.tickRadius}" fill="#ffffff" stroke="${INK}" stroke-width="1.5" stroke-dasharray="3 2"/>`;
      out.push(
        `<g><title>${esc(label)}</title>${span}${circle}<text x="${round(t.x)}" y="${round(t.y + 4)}" font-size="${t.number > 99 ? 9 : 11}" font-weight="700" fill="${INK}" text-anchor="middle">${t.number}</text></g>`,
      );
    }
  });

  // The institutional events' lane.
  const ev = layout.events;
  out.push(separator(ev.y), laneLabel('Événements institutionnels', ev.items.length ? [] : ['aucun pour l’instant'], ev.y, ev.height));
  for (const e of ev.items) {
    const span = e.span
      ? `<line x1="${round(e.span.x0 + 3)}" y1="${round(e.y)}" x2="${round(e.span.x1 - 3)}" y2="${round(e.y)}" stroke="${INSTITUTIONAL_EVENT_VISUALS[e.kind].color}" stroke-width="2" stroke-dasharray="1 3" stroke-linecap="round"/>`
      : '';
    const text = ellipsize(e.title, EVENT_FONT, L.eventLabelMax);
    out.push(
      `<g><title>${esc(`${INSTITUTIONAL_EVENT_KIND_LABELS[e.kind]} : ${e.title} (${formatPartialDate(e.date)})`)}</title>${span}${eventMark(e.kind, e.x, e.y)}` +
        `<text x="${round(e.labelSide === 'right' ? e.x + 12 : e.x - 12)}" y="${round(e.y + 4)}" font-size="${EVENT_FONT}" fill="${INK}"${e.labelSide === 'left' ? ' text-anchor="end"' : ''}>${esc(text)}</text></g>`,
    );
  }

  // Counts per month: steps and events; the months where projects pile up in orange.
  const c = layout.counts;
  const base = c.y + c.height - 6;
  out.push(separator(c.y - 8), laneLabel('Par mois', [`étapes et événements`, `${c.max} au plus dans un mois`], c.y, c.height - 6));
  out.push(`<line x1="${round(axis.x0)}" y1="${round(base)}" x2="${round(axis.x1)}" y2="${round(base)}" stroke="${MUTED}" stroke-width="1"/>`);
  const unit = c.max > 0 ? (c.height - 30) / c.max : 0;
  const barW = Math.max(2, axis.monthWidth - 2);
  for (const m of c.months) {
    const n = m.steps + m.events;
    const h = n * unit;
    const x = (m.x0 + m.x1) / 2 - barW / 2;
    out.push(
      `<g><title>${esc(`${formatPartialDate(m.month)} : ${plural(m.steps, 'étape', 'étapes')} de ${plural(m.projects, 'projet', 'projets')}, ${plural(m.events, 'événement', 'événements')}`)}</title>` +
        `<rect x="${round(x)}" y="${round(base - h)}" width="${round(barW)}" height="${round(h)}" fill="${m.piled ? PILED : '#64748b'}"/>` +
        (n >= 2 ? `<text x="${round((m.x0 + m.x1) / 2)}" y="${round(base - h - 4)}" font-size="11" font-weight="700" fill="${INK}" text-anchor="middle">${n}</text>` : '') +
        '</g>',
    );
  }

  // Legend: items in a row, wrapped to a new line when the width runs out.
  let ly = layout.legendY + 14;
  let lx = left;
  const item = (mark: (x: number, y: number) => string, text: string) => {
    const w = 23 + textWidth(text, 13);
    if (lx > left && lx + w > width - left) {
      lx = left;
      ly += 24;
    }
    out.push(mark(lx, ly), `<text x="${round(lx + 23)}" y="${round(ly + 5)}" font-size="13" fill="${INK}">${esc(text)}</text>`);
    lx += w + 26;
  };
  item((x, y) => `<circle cx="${round(x + 8)}" cy="${y}" r="8" fill="#a9c8f0" stroke="${INK}" stroke-width="1.5"/>`, 'Étape réalisée (son numéro dans l’atelier)');
  item((x, y) => `<circle cx="${round(x + 8)}" cy="${y}" r="8" fill="#ffffff" stroke="${INK}" stroke-width="1.5" stroke-dasharray="3 2"/>`, 'Étape prévue, à venir');
  item(
    (x, y) => `<line x1="${round(x)}" y1="${y}" x2="${round(x + 16)}" y2="${y}" stroke="${MUTED}" stroke-width="2" stroke-dasharray="1 3" stroke-linecap="round"/>`,
    'Date connue à l’année',
  );
  item((x, y) => `<rect x="${round(x)}" y="${y - 8}" width="16" height="16" fill="${PILED}" fill-opacity="0.5"/>`, 'Mois où les temporalités s’empilent');
  for (const k of [...new Set(ev.items.map((e) => e.kind))]) item((x, y) => eventMark(k, x + 8, y, 7), INSTITUTIONAL_EVENT_KIND_LABELS[k]);
  out.push('</svg>');
  // The legend may take more lines than the layout reserved: the drawing grows to hold them.
  const fullHeight = Math.max(height, Math.ceil(ly + 16 + L.margin));
  out[0] = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${fullHeight}" viewBox="0 0 ${width} ${fullHeight}" font-family="${SVG_FONT}">`;
  out[3] = `<rect x="0" y="0" width="${width}" height="${fullHeight}" fill="#ffffff"/>`;
  return { svg: out.join(''), width, height: fullHeight, layout };
}
