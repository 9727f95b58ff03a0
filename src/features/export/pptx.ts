/**
 * The workshop as a slide deck (PPTX), built with pptxgenjs, loaded only when asked for:
 * title slide, conduct map, chronology as a native table, actor map, participation matrix,
 * and the notes grouped by role.
 */
import { participationMatrix } from '../../domain/commands/actors';
import { formatPartialDate, whenText } from '../../i18n/dates';
import { actionPlan, openGaps } from '../../domain/gaps';
import { GAP_TITLES } from '../../i18n/gaps';
import { labelled } from '../../i18n/format';
import { AUTHOR_ROLES, TRINOME_ROLES } from '../../domain/enums';
import { divergences, objectiveFacts } from '../../domain/viewpoints';
import { renderRadarSvg } from '../../render/radar';
import { stepDate } from '../../render/conductSvg';
import type { Session } from '../../domain/types';
import {
  AUTHOR_ROLE_LABELS, MATURITY_DOMAIN_LABELS, MATURITY_RATING_LABELS, NOTE_KIND_LABELS, PARTICIPATION_LABELS, STEP_KIND_LABELS, TRINOME_ROLE_LABELS,
} from '../../i18n/labels';
import { renderMapSvg, svgToSlidePng } from './images';

const toBase64 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

const FONT = 'Arial';
const BLUE = '1F4E79';

export async function buildDeck(session: Session, onProgress: (message: string) => void = () => {}): Promise<Blob> {
  onProgress('Chargement du module de diaporama…');
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = session.title;
  pptx.company = 'Cartographies ACIA';

  const heading = (slide: ReturnType<typeof pptx.addSlide>, text: string) =>
    slide.addText(text, { x: 0.4, y: 0.2, w: 12.5, h: 0.6, fontFace: FONT, fontSize: 24, bold: true, color: BLUE });

  // 1. Title
  const title = pptx.addSlide();
  title.background = { color: BLUE };
  title.addText(session.title, { x: 0.6, y: 1.4, w: 12, h: 1.2, fontFace: FONT, fontSize: 36, bold: true, color: 'FFFFFF' });
  const lines = [
    session.establishment.name && labelled('Établissement', session.establishment.name),
    session.project.name && labelled('Projet numérique', session.project.name),
    session.workshop?.date && `Atelier du ${formatPartialDate(session.workshop.date)}`,
    session.workshop?.facilitator && labelled('Animation', session.workshop.facilitator),
    ...session.trinome.map((m) => labelled(TRINOME_ROLE_LABELS[m.role], [m.name, m.position].filter(Boolean).join(', '))),
  ].filter(Boolean) as string[];
  title.addText(lines.join('\n'), { x: 0.6, y: 2.9, w: 12, h: 3.8, fontFace: FONT, fontSize: 18, color: 'E2E8F0', valign: 'top' });

  // 2. Conduct map, 3. chronology
  onProgress('Image de la conduite de projet…');
  const conduct = await svgToSlidePng(renderMapSvg(session, 'conduite', null));
  const mapSlide = pptx.addSlide();
  mapSlide.addImage({ data: `data:image/png;base64,${toBase64(conduct.bytes)}`, x: 0, y: 0, w: 13.333, h: 7.5 });

  const rows = session.steps.map((s, i) => [
    String(i + 1),
    stepDate(s) || '—',
    s.title,
    session.lanes.find((l) => l.id === s.laneId)?.label ?? '',
    STEP_KIND_LABELS[s.kind],
  ]);
  const header = ['N°', 'Date', 'Étape', 'Couloir', 'Type'].map((text) => ({ text, options: { bold: true, color: 'FFFFFF', fill: { color: BLUE } } }));
  const PER_SLIDE = 12;
  for (let start = 0; start === 0 || start < rows.length; start += PER_SLIDE) {
    const slide = pptx.addSlide();
    heading(slide, rows.length > PER_SLIDE ? `Déroulé chronologique (${start + 1}–${Math.min(rows.length, start + PER_SLIDE)})` : 'Déroulé chronologique');
    const chunk = rows.slice(start, start + PER_SLIDE);
    if (chunk.length === 0) {
      slide.addText('Aucune étape.', { x: 0.4, y: 1.2, w: 12, h: 0.5, fontFace: FONT, fontSize: 16 });
      break;
    }
    slide.addTable([header, ...chunk.map((r) => r.map((text) => ({ text })))], {
      x: 0.4, y: 1.0, w: 12.5, colW: [0.6, 1.8, 5.4, 2.6, 2.1], fontFace: FONT, fontSize: 12, border: { type: 'solid', pt: 0.5, color: '94A3B8' },
    });
  }

  // The action plan: the missing steps planned, set aside, and still open.
  const plan = actionPlan(session);
  const open = openGaps(session);
  const planSlide = pptx.addSlide();
  heading(planSlide, "Plan d'action");
  const planLines = [
    ...plan.planned.map((p) => labelled(`Étape ${p.number}`, `${p.title}, ${p.done ? 'faite' : 'à venir'}${p.planned ? ` (prévue ${whenText(p.planned)})` : ''}`)),
    ...plan.dismissed.map((d) => labelled(`Écartée — ${GAP_TITLES[d.rule]}`, d.reason ?? 'sans raison donnée')),
    ...open.map((g) => labelled('Étape manquante', GAP_TITLES[g.rule])),
  ];
  planSlide.addText(
    planLines.length > 0
      ? planLines.map((text) => ({ text, options: { bullet: true, breakLine: true } }))
      : [{ text: 'Aucune étape manquante relevée sur la conduite de projet.', options: {} }],
    { x: 0.5, y: 1.0, w: 12.3, h: 6.2, fontFace: FONT, fontSize: 16, valign: 'top', fit: 'shrink' },
  );

  // 4. Actor map
  onProgress('Image de la cartographie des acteurs…');
  const actors = await svgToSlidePng(renderMapSvg(session, 'acteurs', null));
  const actorSlide = pptx.addSlide();
  actorSlide.addImage({ data: `data:image/png;base64,${toBase64(actors.bytes)}`, x: 0, y: 0, w: 13.333, h: 7.5 });

  // 5. Participation matrix
  onProgress('Matrice de participation…');
  const matrix = participationMatrix(session);
  const COLS = 14;
  for (let start = 0; start === 0 || start < matrix.steps.length; start += COLS) {
    const slide = pptx.addSlide();
    heading(slide, 'Participation des acteurs aux étapes');
    const steps = matrix.steps.slice(start, start + COLS);
    if (matrix.actors.length === 0 || steps.length === 0) {
      slide.addText("Pas d'acteur ou pas d'étape.", { x: 0.4, y: 1.2, w: 12, h: 0.5, fontFace: FONT, fontSize: 16 });
      break;
    }
    const head = [{ text: 'Acteur', options: { bold: true, color: 'FFFFFF', fill: { color: BLUE } } }, ...steps.map((s) => ({ text: String(s.number), options: { bold: true, color: 'FFFFFF', fill: { color: BLUE }, align: 'center' as const } }))];
    const body = matrix.actors.map((a) => [
      { text: matrix.uninvolved.has(a.id) ? `${a.name} (aucune étape)` : a.name, options: matrix.uninvolved.has(a.id) ? { color: '7F1D1D', bold: true } : {} },
      ...steps.map((s) => {
        const role = matrix.cells.get(`${a.id}|${s.id}`);
        return { text: role ? PARTICIPATION_LABELS[role] : '', options: { align: 'center' as const, fontSize: 9 } };
      }),
    ]);
    slide.addTable([head, ...body], {
      x: 0.4, y: 1.0, w: 12.5, colW: [3.1, ...steps.map(() => 9.4 / steps.length)], fontFace: FONT, fontSize: 10, border: { type: 'solid', pt: 0.5, color: '94A3B8' },
      autoPage: true, autoPageRepeatHeader: true,
    });
  }

  // 6. Notes by role
  onProgress('Notes…');
  for (const role of AUTHOR_ROLES) {
    const notes = session.notes.filter((n) => n.authorRole === role);
    if (notes.length === 0) continue;
    const slide = pptx.addSlide();
    heading(slide, `Notes — ${AUTHOR_ROLE_LABELS[role]}`);
    slide.addText(
      notes.map((n) => ({ text: labelled(NOTE_KIND_LABELS[n.kind], n.text), options: { bullet: true, breakLine: true } })),
      { x: 0.5, y: 1.0, w: 12.3, h: 6.2, fontFace: FONT, fontSize: 16, valign: 'top', fit: 'shrink' },
    );
  }

  // 7. The three viewpoints (issue 23): the objectives side by side, then the radar once revealed.
  const vp = session.viewpoints;
  if (vp && vp.objectives.length > 0) {
    const slide = pptx.addSlide();
    heading(slide, 'Objectifs du projet, regard par regard');
    const shared = new Set(objectiveFacts(vp).shared.flatMap((g) => g.objectives.map((o) => o.id)));
    TRINOME_ROLES.forEach((role, i) => {
      const mine = vp.objectives.filter((o) => o.role === role);
      slide.addText(
        [
          { text: TRINOME_ROLE_LABELS[role], options: { bold: true, breakLine: true } },
          ...(mine.length === 0
            ? [{ text: 'Aucun objectif.', options: { italic: true, breakLine: true } }]
            : mine.map((o) => ({ text: `${o.text} (${shared.has(o.id) ? 'partagé' : 'seul regard'})`, options: { bullet: true, breakLine: true } }))),
        ],
        { x: 0.4 + i * 4.2, y: 1.0, w: 4.0, h: 6.2, fontFace: FONT, fontSize: 15, valign: 'top', fit: 'shrink' },
      );
    });
  }
  if (vp?.revealed) {
    onProgress('Radar de maturité…');
    const radar = await svgToSlidePng(renderRadarSvg(vp.maturity));
    const slide = pptx.addSlide();
    heading(slide, 'Maturité numérique par domaine');
    slide.addImage({ data: `data:image/png;base64,${toBase64(radar.bytes)}`, x: 0.2, y: 1.0, w: 8.0, h: 4.5 });
    const found = divergences(vp.maturity);
    slide.addText(
      [
        { text: 'Divergences (2 points ou plus)', options: { bold: true, breakLine: true } },
        ...(found.length === 0
          ? [{ text: 'Aucune divergence.', options: { breakLine: true } }]
          : found.map((d) => ({
              text: `${MATURITY_DOMAIN_LABELS[d.domain]} : ${TRINOME_ROLES.map((r) => {
                const v = d.ratings[r];
                return `${TRINOME_ROLE_LABELS[r]} ${v === undefined ? 'non noté' : MATURITY_RATING_LABELS[v]}`;
              }).join(', ')}`,
              options: { bullet: true, breakLine: true },
            }))),
      ],
      { x: 8.4, y: 1.0, w: 4.6, h: 6.2, fontFace: FONT, fontSize: 14, valign: 'top', fit: 'shrink' },
    );
  }

  onProgress('Écriture du fichier…');
  return (await pptx.write({ outputType: 'blob' })) as Blob;
}
