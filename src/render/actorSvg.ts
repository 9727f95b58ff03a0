/**
 * The actor map as a self-contained SVG: actors where they were placed, coloured and iconed by
 * category, relations with their line style and arrow, the notes of the map, and the legend.
 */
import { ACTOR_CATEGORIES, RELATION_KINDS } from '../domain/enums';
import { svgMetadata } from '../domain/format/embed';
import type { Note, Session } from '../domain/types';
import { ACTOR_CATEGORY_LABELS, RELATION_KIND_LABELS, relationSentence } from '../i18n/labels';
import { labelled } from '../i18n/format';
import { ACTOR_CATEGORY_VISUALS, RELATION_KIND_VISUALS } from '../i18n/visuals';
import type { RenderedSvg } from './conductSvg';
import { isUnansweredFeedback } from '../domain/synthesis';
import { relationDetails, usageBadge } from '../i18n/lived';
import { esc, round, SVG_FONT, textLines, wrapText } from './svgText';
import { edgeShapes, notesExtent, notesSvg, placeActorNotes } from './notesSvg';
import type { RoutedMap } from '../domain/layout/routing';
import { edgeLabelSvg, routedPathSvg } from './edgeSvg';
import { actorPosition } from '../domain/layout/actors';

export const ACTOR_BOX = { width: 210, height: 64 };
const HEADER = 96;
const PAD = 40;


/** Where a line between two boxes leaves the first box, towards the other's centre. */
function boxEdgePoint(cx: number, cy: number, tx: number, ty: number, w: number, h: number): [number, number] {
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const sx = Math.abs(dx) / (w / 2 + 6);
  const sy = Math.abs(dy) / (h / 2 + 6);
  const s = Math.max(sx, sy);
  return [cx + dx / s, cy + dy / s];
}

/** A relation along its route: an unanswered feedback stops short of its target, on an open circle. */
function routedRelation(r: Session['relations'][number], route: readonly { x: number; y: number }[], names: ReadonlyMap<string, string>): string {
  const v = RELATION_KIND_VISUALS[r.kind];
  const open = isUnansweredFeedback(r);
  const points = route.map((p) => ({ ...p }));
  if (open && points.length >= 2) {
    const last = points[points.length - 1]!;
    const before = points[points.length - 2]!;
    const len = Math.hypot(last.x - before.x, last.y - before.y);
    if (len > 24) points[points.length - 1] = { x: last.x - ((last.x - before.x) * 16) / len, y: last.y - ((last.y - before.y) * 16) / len };
  }
  const end = v.arrow === 'none' || open ? '' : ` marker-end="url(#rel-${r.kind})"`;
  const start = v.arrow === 'both' ? ` marker-start="url(#rel-${r.kind})"` : '';
  const details = relationDetails(r);
  const tip = points[points.length - 1]!;
  return (
    routedPathSvg(
      points,
      `class="relation" fill="none" stroke="${v.color}" stroke-width="${v.width}"${v.dash ? ` stroke-dasharray="${v.dash}"` : ''}${end}${start}`,
      `<title>${esc(relationSentence(names.get(r.from) ?? '?', r.kind, names.get(r.to) ?? '?'))}</title>${details ? `<desc>${esc(details)}</desc>` : ''}`,
    ) + (open ? `<circle class="open-loop" cx="${round(tip.x)}" cy="${round(tip.y)}" r="6" fill="#ffffff" stroke="${v.color}" stroke-width="2.5"/>` : '')
  );
}

function markers(): string {
  const defs = RELATION_KINDS.map((k) => {
    const v = RELATION_KIND_VISUALS[k];
    const path = v.arrow === 'open' ? `<path d="M0 0 L10 5 L0 10" fill="none" stroke="${v.color}" stroke-width="1.6"/>` : `<path d="M0 0 L10 5 L0 10 z" fill="${v.color}"/>`;
    return `<marker id="rel-${k}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">${path}</marker>`;
  });
  // Format 2: the pattern of a non-user's box, and the dots of a partial use.
  const patterns =
    '<pattern id="non-user" width="11" height="11" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="11" fill="#ede4f7"/></pattern>' +
    '<pattern id="partial-user" width="8" height="8" patternUnits="userSpaceOnUse"><circle cx="4" cy="4" r="1.5" fill="#e4d4f4"/></pattern>';
  return `<defs>${defs.join('')}${patterns}</defs>`;
}

/**
 * `routes`: the relations' routes (domain/layout/routing.ts) for the actors where they stand;
 * without them, relations are straight lines between the boxes' borders.
 */
export function renderActorSvg(session: Session, options: { embed?: string; notes?: readonly Note[]; routes?: RoutedMap | null } = {}): RenderedSvg {
  const positions = new Map(session.actors.map((a, i) => [a.id, actorPosition(a, i)]));
  const notes = options.notes ?? session.notes.filter((n) => n.map === 'acteurs');
  let maxX = 400;
  let maxY = 200;
  let minX = 0;
  let minY = 0;
  for (const p of positions.values()) {
    maxX = Math.max(maxX, p.x + ACTOR_BOX.width);
    maxY = Math.max(maxY, p.y + ACTOR_BOX.height);
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
  }
  // The notes beside their actors, clear of every box (render/notesSvg.ts); the image grows around them.
  const actorBoxes = new Map([...positions].map(([id, p]) => [id, { ...p, ...ACTOR_BOX }]));
  const placedNotes = placeActorNotes(notes, actorBoxes, edgeShapes(session.relations, (id) => actorBoxes.get(id), options.routes));
  const noteExtent = notesExtent(placedNotes);
  if (noteExtent) {
    maxX = Math.max(maxX, noteExtent.maxX);
    maxY = Math.max(maxY, noteExtent.maxY);
    minX = Math.min(minX, noteExtent.minX);
    minY = Math.min(minY, noteExtent.minY);
  }
  const noteMarks = notesSvg(placedNotes);
  const offX = PAD - minX;
  const offY = HEADER + PAD - minY;
  const mapWidth = maxX - minX;
  const mapHeight = maxY - minY;

  const body: string[] = [noteMarks.connectors];
  const names = new Map(session.actors.map((a) => [a.id, a.name]));
  // Routed labels go after every relation, so that no line is drawn over a label.
  const labels: string[] = [];
  for (const r of session.relations) {
    const a = positions.get(r.from);
    const b = positions.get(r.to);
    if (!a || !b) continue;
    const v = RELATION_KIND_VISUALS[r.kind];
    const route = options.routes?.edges[r.id];
    if (route) {
      body.push(routedRelation(r, route.points, names));
      const kindLabel = r.label ? labelled(RELATION_KIND_LABELS[r.kind], r.label) : RELATION_KIND_LABELS[r.kind];
      if (route.label) labels.push(edgeLabelSvg(route.label, isUnansweredFeedback(r) ? `${kindLabel} · sans suite` : kindLabel, v.color));
      continue;
    }
    const ac = [a.x + ACTOR_BOX.width / 2, a.y + ACTOR_BOX.height / 2] as const;
    const bc = [b.x + ACTOR_BOX.width / 2, b.y + ACTOR_BOX.height / 2] as const;
    const [x1, y1] = boxEdgePoint(ac[0], ac[1], bc[0], bc[1], ACTOR_BOX.width, ACTOR_BOX.height);
    const [tx, ty] = boxEdgePoint(bc[0], bc[1], ac[0], ac[1], ACTOR_BOX.width, ACTOR_BOX.height);
    // An unanswered feedback is an open loop: it stops short of its target, on an open circle.
    const open = isUnansweredFeedback(r);
    const length = Math.hypot(tx - x1, ty - y1);
    const back = open && length > 40 ? 16 / length : 0;
    const [x2, y2] = [tx - (tx - x1) * back, ty - (ty - y1) * back];
    const end = v.arrow === 'none' || open ? '' : ` marker-end="url(#rel-${r.kind})"`;
    const details = relationDetails(r);
    const start = v.arrow === 'both' ? ` marker-start="url(#rel-${r.kind})"` : '';
    body.push(
      `<line class="relation" x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${v.color}" stroke-width="${v.width}"${v.dash ? ` stroke-dasharray="${v.dash}"` : ''}${end}${start}><title>${esc(relationSentence(names.get(r.from) ?? '?', r.kind, names.get(r.to) ?? '?'))}</title>${details ? `<desc>${esc(details)}</desc>` : ''}</line>`,
    );
    if (open) body.push(`<circle class="open-loop" cx="${round(x2)}" cy="${round(y2)}" r="6" fill="#ffffff" stroke="${v.color}" stroke-width="2.5"/>`);
    const kindLabel = r.label ? labelled(RELATION_KIND_LABELS[r.kind], r.label) : RELATION_KIND_LABELS[r.kind];
    const label = open ? `${kindLabel} · sans suite` : kindLabel;
    body.push(`<text x="${round((x1 + x2) / 2)}" y="${round((y1 + y2) / 2 - 4)}" font-size="12" text-anchor="middle" fill="${v.color}" stroke="#ffffff" stroke-width="4" paint-order="stroke">${esc(label)}</text>`);
  }
  body.push(...labels);
  session.actors.forEach((actor) => {
    const p = positions.get(actor.id)!;
    const v = ACTOR_CATEGORY_VISUALS[actor.category];
    const name = wrapText(actor.name, 14, ACTOR_BOX.width - 60, 2);
    const badge = usageBadge(actor);
    const pattern = actor.usage === 'non-utilisateur' ? 'non-user' : actor.usage === 'partiel' ? 'partial-user' : null;
    body.push(
      `<g class="actor${pattern ? ` ${pattern}` : ''}">`,
      `<rect x="${round(p.x)}" y="${round(p.y)}" width="${ACTOR_BOX.width}" height="${ACTOR_BOX.height}" rx="10" fill="#ffffff" stroke="#475569" stroke-width="2"/>`,
      pattern ? `<rect x="${round(p.x)}" y="${round(p.y)}" width="${ACTOR_BOX.width}" height="${ACTOR_BOX.height}" rx="10" fill="url(#${pattern})"/>` : '',
      `<rect x="${round(p.x)}" y="${round(p.y)}" width="10" height="${ACTOR_BOX.height}" rx="4" fill="${v.color}"/>`,
      `<circle cx="${round(p.x + 32)}" cy="${round(p.y + ACTOR_BOX.height / 2)}" r="14" fill="${v.color}" stroke="#475569"/>`,
      `<text x="${round(p.x + 32)}" y="${round(p.y + ACTOR_BOX.height / 2 + 6)}" font-size="16" text-anchor="middle" fill="#0f172a">${esc(v.icon)}</text>`,
      textLines(name, round(p.x + 54), round(p.y + (name.length > 1 ? 22 : 30)), 14, 'font-weight="bold" fill="#0f172a"'),
      `<text x="${round(p.x + 54)}" y="${round(p.y + ACTOR_BOX.height - 9)}" font-size="11" fill="#334155">${esc(ACTOR_CATEGORY_LABELS[actor.category])}</text>`,
      badge
        ? `<g class="usage-badge"><rect x="${round(p.x + ACTOR_BOX.width - 8 - badge.length * 5.6)}" y="${round(p.y - 9)}" width="${round(badge.length * 5.6 + 8)}" height="17" rx="8" fill="#6b21a8"/>` +
          `<text x="${round(p.x + ACTOR_BOX.width - 4)}" y="${round(p.y + 3)}" font-size="10" font-weight="bold" fill="#ffffff" text-anchor="end">${esc(badge)}</text></g>`
        : '',
      `</g>`,
    );
  });
  body.push(noteMarks.boxes);

  // Legend under the map: categories, relation kinds, note roles in use.
  const categories = ACTOR_CATEGORIES.filter((c) => session.actors.some((a) => a.category === c));
  const kinds = RELATION_KINDS.filter((k) => session.relations.some((r) => r.kind === k));
  const width = Math.ceil(Math.max(mapWidth + 2 * PAD, 1200));
  const cols = Math.max(1, Math.floor((width - 2 * PAD) / 280));
  const items: string[] = [];
  const legendY = HEADER + PAD + mapHeight + 40;
  let i = 0;
  const slot = () => {
    const x = PAD + (i % cols) * 280;
    const y = legendY + 30 + Math.floor(i / cols) * 24;
    i++;
    return [x, y] as const;
  };
  for (const c of categories) {
    const [x, y] = slot();
    const v = ACTOR_CATEGORY_VISUALS[c];
    items.push(`<circle cx="${x + 10}" cy="${y + 8}" r="9" fill="${v.color}" stroke="#475569"/><text x="${x + 10}" y="${y + 13}" font-size="12" text-anchor="middle">${esc(v.icon)}</text><text x="${x + 26}" y="${y + 13}" font-size="13" fill="#0f172a">${esc(ACTOR_CATEGORY_LABELS[c])}</text>`);
  }
  for (const k of kinds) {
    const [x, y] = slot();
    const v = RELATION_KIND_VISUALS[k];
    items.push(`<line x1="${x}" y1="${y + 8}" x2="${x + 34}" y2="${y + 8}" stroke="${v.color}" stroke-width="${v.width}"${v.dash ? ` stroke-dasharray="${v.dash}"` : ''}${v.arrow === 'none' ? '' : ` marker-end="url(#rel-${k})"`}/><text x="${x + 44}" y="${y + 13}" font-size="13" fill="#0f172a">${esc(RELATION_KIND_LABELS[k])}</text>`);
  }
  if (session.actors.some((a) => a.usage === 'non-utilisateur')) {
    const [x, y] = slot();
    items.push(`<rect x="${x}" y="${y}" width="24" height="16" rx="3" fill="url(#non-user)" stroke="#6b21a8"/><text x="${x + 32}" y="${y + 13}" font-size="13" fill="#0f172a">Non-utilisateur·rice</text>`);
  }
  if (session.actors.some((a) => a.usage === 'partiel')) {
    const [x, y] = slot();
    items.push(`<rect x="${x}" y="${y}" width="24" height="16" rx="3" fill="url(#partial-user)" stroke="#6b21a8"/><text x="${x + 32}" y="${y + 13}" font-size="13" fill="#0f172a">Usage partiel</text>`);
  }
  if (session.relations.some(isUnansweredFeedback)) {
    const [x, y] = slot();
    const v = RELATION_KIND_VISUALS.remonte;
    items.push(`<line x1="${x}" y1="${y + 8}" x2="${x + 26}" y2="${y + 8}" stroke="${v.color}" stroke-width="2" stroke-dasharray="${v.dash}"/><circle cx="${x + 31}" cy="${y + 8}" r="5" fill="#ffffff" stroke="${v.color}" stroke-width="2"/><text x="${x + 44}" y="${y + 13}" font-size="13" fill="#0f172a">Remontée sans réponse</text>`);
  }
  const legendHeight = i === 0 ? 0 : 40 + Math.ceil(i / cols) * 24;
  const height = Math.ceil(legendY + legendHeight + PAD);
  const sub = [session.establishment.name, session.project.name].filter(Boolean).join(' · ');
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SVG_FONT}">`,
    `<title>${esc(`${session.title} — cartographie des acteurs`)}</title>`,
    options.embed ? svgMetadata(options.embed) : '',
    markers(),
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<rect x="0" y="0" width="${width}" height="${HEADER - 16}" fill="#1f4e79"/>`,
    `<text x="${PAD}" y="40" font-size="26" font-weight="bold" fill="#ffffff">${esc(session.title)}</text>`,
    `<text x="${PAD}" y="66" font-size="16" fill="#e2e8f0">${esc(['Cartographie des acteurs', sub].filter(Boolean).join(' — '))}</text>`,
    `<g transform="translate(${round(offX)} ${round(offY)})">${body.join('')}</g>`,
    i > 0 ? `<g class="legend"><text x="${PAD}" y="${legendY + 16}" font-size="16" font-weight="bold" fill="#1f4e79">Légende</text>${items.join('')}</g>` : '',
    '</svg>',
  ].join('');
  return { svg, width, height };
}
