/**
 * The workshop as a slide deck (PPTX), built with pptxgenjs, loaded only when asked for. Everything
 * is native and editable in PowerPoint or Impress: title slide, the conduct map and the actor map
 * drawn as shapes (geometry: pptxShapes.ts), the chronology and the participation matrix as
 * tables, the Synthèse, the project as it was lived, the action plan, the notes by role, the three
 * viewpoints' objectives and the maturity radar. Runs in the browser and in Node (the tests).
 */
import { participationMatrix } from '../../domain/commands/actors';
import { formatPartialDate, slippageText, whenText } from '../../i18n/dates';
import { actionPlan, openGaps } from '../../domain/gaps';
import { GAP_TITLES } from '../../i18n/gaps';
import { labelled } from '../../i18n/format';
import { AUTHOR_ROLES, TRINOME_ROLES, type AuthorRole } from '../../domain/enums';
import { divergences, objectiveFacts } from '../../domain/viewpoints';
import { layoutConductMap } from '../../domain/layout/conduct';
import { placeGhosts } from '../../domain/layout/ghosts';
import { slippage } from '../../domain/synthesis';
import { stepDate } from '../../render/conductSvg';
import type { Session } from '../../domain/types';
import {
  AUTHOR_ROLE_LABELS, MATURITY_DOMAIN_LABELS, MATURITY_RATING_LABELS, NOTE_KIND_LABELS, PARTICIPATION_LABELS, STEP_KIND_LABELS, TRINOME_ROLE_LABELS,
} from '../../i18n/labels';
import { useViewStore } from '../../state/viewStore';
import type { RoutedMap } from '../../domain/layout/routing';
import { actorInput, conductInput } from '../../canvas/routing/inputs';
import { requestRoutes } from '../../canvas/routing/routes';
import { livedSynthesis, synthesize } from '../synthesis/sentences';
import { actorLegend, actorMapShapes, conductLegend, conductMapShapes, conductPages, fittedText, radarShapes, SLIDE, type Box, type DeckShape, type Para, type TextSpec } from './pptxShapes';

const FONT = 'Arial';
const BLUE = '1F4E79';

export interface DeckOptions {
  /** Draw the missing steps on the conduct map (as the map shows them); by default as the map is set. */
  ghosts?: boolean;
  /** The roles whose notes are drawn on the maps; all by default. */
  noteRoles?: readonly AuthorRole[];
  /** Today's date (YYYY-MM-DD), for the conduct map's « Aujourd'hui » line. */
  today?: string;
  /**
   * The maps' edges as the app's router draws them (domain/layout/routing.ts); by default asked of
   * the routing worker, and where there is none (Node) or it fails, routed by pptxRoute.ts.
   */
  routes?: { conduite?: RoutedMap | null; acteurs?: RoutedMap | null };
}

type Pptx = InstanceType<typeof import('pptxgenjs').default>;
type Slide = ReturnType<Pptx['addSlide']>;

/** pptxgenjs text runs of a fitted text. */
function runs(text: TextSpec) {
  return text.paragraphs.flatMap((p, i) =>
    p.map((r, j) => ({
      text: r.text,
      options: {
        ...(r.bold ? { bold: true } : {}),
        ...(r.italic ? { italic: true } : {}),
        ...(r.color ? { color: r.color } : {}),
        ...(j === p.length - 1 && i < text.paragraphs.length - 1 ? { breakLine: true } : {}),
      },
    })),
  );
}

/** Writes the shapes computed by pptxShapes.ts on a slide, in order (first drawn is behind). */
export function drawShapes(pptx: Pptx, slide: Slide, shapes: readonly DeckShape[]): void {
  for (const s of shapes) {
    if (s.kind === 'path') {
      const xs = s.points.map((p) => p.x);
      const ys = s.points.map((p) => p.y);
      const x = Math.min(...xs);
      const y = Math.min(...ys);
      // A straight horizontal or vertical line still gets a box with some extent.
      const w = Math.max(Math.max(...xs) - x, 0.01);
      const h = Math.max(Math.max(...ys) - y, 0.01);
      slide.addShape('custGeom' as Parameters<Slide['addShape']>[0], {
        objectName: s.name,
        x, y, w, h,
        points: [...s.points.map((p) => ({ x: p.x - x, y: p.y - y })), ...(s.closed ? [{ close: true as const }] : [])],
        ...(s.fill ? { fill: { color: s.fill, ...(s.transparency ? { transparency: s.transparency } : {}) } } : {}),
        line: {
          color: s.color, width: s.width,
          ...(s.dash && s.dash !== 'solid' ? { dashType: s.dash } : {}),
          ...(s.head && s.head !== 'none' ? { beginArrowType: s.head } : {}),
          ...(s.tail && s.tail !== 'none' ? { endArrowType: s.tail } : {}),
        },
      });
      continue;
    }
    // pptxgenjs spells the folded corner 'folderCorner', which is not a preset of the format: the format's name.
    const geom = (s.geom === 'foldedCorner' ? 'foldedCorner' : pptx.ShapeType[s.geom]) as Parameters<Slide['addShape']>[0];
    const common = {
      objectName: s.name,
      x: s.x, y: s.y, w: s.w, h: s.h,
      ...(s.geom === 'roundRect' ? { rectRadius: Math.min(0.08, Math.min(s.w, s.h) * 0.2) } : {}),
      ...(s.fill ? { fill: { color: s.fill, ...(s.transparency ? { transparency: s.transparency } : {}) } } : {}),
      ...(s.line ? { line: { color: s.line.color, width: s.line.width, ...(s.line.dash && s.line.dash !== 'solid' ? { dashType: s.line.dash } : {}) } } : {}),
    };
    if (s.text && s.text.paragraphs.length > 0) {
      slide.addText(runs(s.text), {
        ...common, shape: geom, fontFace: FONT, fontSize: s.text.fontSize, color: s.text.color, align: s.text.align, valign: s.text.valign,
        margin: s.text.margin * 72, paraSpaceBefore: 0, paraSpaceAfter: 0,
      });
    } else slide.addShape(geom, common);
  }
}

/** A block of paragraphs that fits `box` (the font size chosen for it). */
function block(pptx: Pptx, slide: Slide, name: string, paras: Para[], box: Box, max = 18, min = 9): void {
  drawShapes(pptx, slide, [{ kind: 'box', name, geom: 'rect', ...box, text: fittedText(paras, box.w, box.h, { max, min, margin: 0.05 }) }]);
}

const BODY: Box = { x: 0.5, y: 1.0, w: 12.3, h: 6.2 };

/** The deck as a pptxgenjs presentation, not yet written. */
export async function makeDeck(session: Session, onProgress: (message: string) => void = () => {}, options: DeckOptions = {}): Promise<Pptx> {
  onProgress('Chargement du module de diaporama…');
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = session.title;
  pptx.company = 'Cartographies ACIA';
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const ghostsShown = options.ghosts ?? useViewStore.getState().ghosts;
  const roles = new Set(options.noteRoles ?? AUTHOR_ROLES);
  const mapNotes = (map: 'conduite' | 'acteurs') => session.notes.filter((n) => n.map === map && roles.has(n.authorRole));

  const heading = (slide: Slide, text: string, size = 24) =>
    slide.addText(text, { x: 0.4, y: 0.2, w: 12.5, h: 0.6, fontFace: FONT, fontSize: size, bold: true, color: BLUE, objectName: 'Titre' });

  // 1. Title
  const title = pptx.addSlide();
  title.background = { color: BLUE };
  block(pptx, title, 'Titre', [{ text: session.title, bold: true, color: 'FFFFFF' }], { x: 0.6, y: 1.2, w: 12, h: 1.5 }, 36, 20);
  const lines = [
    session.establishment.name && labelled('Établissement', session.establishment.name),
    session.project.name && labelled('Projet numérique', session.project.name),
    session.workshop?.date && `Atelier du ${formatPartialDate(session.workshop.date)}`,
    session.workshop?.facilitator && labelled('Animation', session.workshop.facilitator),
    ...session.trinome.map((m) => labelled(TRINOME_ROLE_LABELS[m.role], [m.name, m.position].filter(Boolean).join(', '))),
  ].filter(Boolean) as string[];
  block(pptx, title, 'Atelier', lines.map((text) => ({ text, color: 'E2E8F0' })), { x: 0.6, y: 2.9, w: 12, h: 4.0 }, 18, 10);

  // 2. The conduct map, drawn.
  onProgress('Cartographie de la conduite de projet…');
  const layout = layoutConductMap(session, { today });
  const ghosts = ghostsShown ? placeGhosts(layout, openGaps(session)) : [];
  const conductRoutes = options.routes ? options.routes.conduite ?? null : await requestRoutes(conductInput(layout, session.links, ghosts)).catch(() => null);
  const mapArea = { x: 0.25, y: 0.8, w: SLIDE.w - 0.5, h: 6.15 };
  // What a map slide could not draw, said in its corner.
  const aside = (slide: Slide, omitted: number, cut: readonly string[] = []) => {
    const lines = [
      omitted > 0 ? `${omitted} note${omitted > 1 ? 's' : ''} sans place sur la carte : voir les diapositives « Notes ».` : '',
      cut.length > 0 ? labelled(`Lien${cut.length > 1 ? 's' : ''} vers une autre diapositive`, cut.join(', ')) : '',
    ].filter(Boolean);
    if (lines.length > 0) block(pptx, slide, 'Hors carte', lines.map((text) => ({ text, italic: true, color: '475569' })), { x: 7.3, y: 0.15, w: 5.8, h: 0.6 }, 11, 7);
  };
  // A wide map is cut into slides, so that its steps stay readable.
  const pages = conductPages(layout, ghosts, mapArea);
  pages.forEach((window, i) => {
    const slide = pptx.addSlide();
    heading(slide, pages.length > 1 ? `Cartographie de la conduite de projet (${i + 1}/${pages.length})` : 'Cartographie de la conduite de projet', 18);
    const conduct = conductMapShapes({ session, layout, ghosts, routes: conductRoutes, notes: mapNotes('conduite'), area: mapArea, window, freeNotes: i === 0 });
    drawShapes(pptx, slide, [...conduct.shapes, ...conductLegend(session.steps, { x: 0.25, y: 7.0, w: SLIDE.w - 0.5, h: 0.45 })]);
    aside(slide, conduct.omittedNotes.length, conduct.cutLinks);
  });

  // 3. Chronology
  const rows = session.steps.map((s, i) => [
    String(i + 1),
    [stepDate(s) || '—', s.planned && (slippage(s) || !s.date) ? `(${slippageText(s.planned, s.date)})` : ''].filter(Boolean).join(' '),
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
      x: 0.4, y: 1.0, w: 12.5, colW: [0.6, 2.6, 4.3, 2.5, 2.5], fontFace: FONT, fontSize: 11, border: { type: 'solid', pt: 0.5, color: '94A3B8' },
    });
  }

  // 4. The actor map, drawn.
  onProgress('Cartographie des acteurs…');
  const actorSlide = pptx.addSlide();
  heading(actorSlide, 'Cartographie des acteurs', 18);
  const actorRoutes = options.routes ? options.routes.acteurs ?? null : await requestRoutes(actorInput(session.actors, session.relations)).catch(() => null);
  const actors = actorMapShapes({ session, routes: actorRoutes, notes: mapNotes('acteurs'), area: mapArea });
  drawShapes(pptx, actorSlide, [...actors.shapes, ...actorLegend(session, { x: 0.25, y: 7.0, w: SLIDE.w - 0.5, h: 0.45 })]);
  aside(actorSlide, actors.omittedNotes.length);

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

  // 6. The Synthèse: what the maps show, in the sentences the room read.
  const s = synthesize(session);
  const synthSlide = pptx.addSlide();
  heading(synthSlide, 'Synthèse : ce que montre la cartographie');
  block(pptx, synthSlide, 'Synthèse', [
    ['Place des utilisateur·rices', s.users.text],
    ['Étapes attestées par des documents', s.documents.text],
    ['Représentant·es du personnel (CSE, IRP)', s.staffRepresentatives.text],
    ["Évaluation, retour d'expérience", s.evaluation.text],
    ['Après la dernière formation', s.afterTraining.text],
    ['Acteurs jamais associés', s.uninvolvedActors.text],
  ].flatMap(([h, text]) => [{ text: h!, bold: true, color: BLUE }, { text: text! }]), BODY, 16, 8);

  // 7. The project as it was lived (format 2).
  const lived = livedSynthesis(session);
  const livedSlide = pptx.addSlide();
  heading(livedSlide, "Le projet tel qu'il a été vécu");
  block(pptx, livedSlide, 'Le projet tel qu’il a été vécu', [
    { text: 'Le temps vécu : prévu et réalisé', bold: true, color: BLUE }, { text: lived.time.text },
    { text: "Usage et non-usage de l'outil", bold: true, color: BLUE }, { text: lived.nonUse.text },
    { text: 'Remontées sans réponse', bold: true, color: BLUE }, { text: lived.feedback.text },
    { text: 'Documents nommés', bold: true, color: BLUE },
    ...(lived.documents.length === 0
      ? [{ text: 'Aucun document nommé sur les étapes.' }]
      : lived.documents.map((d) => ({ text: `${d.kind} : ${d.items.map((i) => `« ${i.title} » (étape ${i.number})`).join(', ')}` }))),
  ], BODY, 20, 8);

  // 8. The action plan: the missing steps planned, set aside, and still open.
  const plan = actionPlan(session);
  const open = openGaps(session);
  const planSlide = pptx.addSlide();
  heading(planSlide, "Plan d'action");
  const planLines = [
    ...plan.planned.map((p) => labelled(`Étape ${p.number}`, `${p.title}, ${p.done ? 'faite' : 'à venir'}${p.planned ? ` (prévue ${whenText(p.planned)})` : ''}`)),
    ...plan.dismissed.map((d) => labelled(`Écartée — ${GAP_TITLES[d.rule]}`, d.reason ?? 'sans raison donnée')),
    ...open.map((g) => labelled('Étape manquante', GAP_TITLES[g.rule])),
  ];
  block(pptx, planSlide, "Plan d'action", planLines.length > 0 ? planLines.map((text) => ({ text: `• ${text}` })) : [{ text: 'Aucune étape manquante relevée sur la conduite de projet.' }], BODY, 16, 8);

  // 9. Notes by role
  onProgress('Notes…');
  for (const role of AUTHOR_ROLES) {
    const notes = session.notes.filter((n) => n.authorRole === role);
    if (notes.length === 0) continue;
    const slide = pptx.addSlide();
    heading(slide, `Notes — ${AUTHOR_ROLE_LABELS[role]}`);
    block(pptx, slide, `Notes — ${AUTHOR_ROLE_LABELS[role]}`, notes.map((n) => ({ text: `• ${labelled(NOTE_KIND_LABELS[n.kind], n.text)}` })), BODY, 16, 8);
  }

  // 10. The three viewpoints (issue 23): the objectives side by side, then the radar once revealed.
  const vp = session.viewpoints;
  if (vp && vp.objectives.length > 0) {
    const slide = pptx.addSlide();
    heading(slide, 'Objectifs du projet, regard par regard');
    const shared = new Set(objectiveFacts(vp).shared.flatMap((g) => g.objectives.map((o) => o.id)));
    TRINOME_ROLES.forEach((role, i) => {
      const mine = vp.objectives.filter((o) => o.role === role);
      block(pptx, slide, `Objectifs : ${TRINOME_ROLE_LABELS[role]}`, [
        { text: TRINOME_ROLE_LABELS[role], bold: true },
        ...(mine.length === 0 ? [{ text: 'Aucun objectif.', italic: true }] : mine.map((o) => ({ text: `• ${o.text} (${shared.has(o.id) ? 'partagé' : 'seul regard'})` }))),
      ], { x: 0.4 + i * 4.2, y: 1.0, w: 4.0, h: 6.2 }, 15, 8);
    });
  }
  if (vp?.revealed) {
    onProgress('Radar de maturité…');
    const slide = pptx.addSlide();
    heading(slide, 'Maturité numérique par domaine');
    drawShapes(pptx, slide, radarShapes(vp.maturity, { x: 0.3, y: 1.1, w: 7.9, h: 5.6 }));
    const found = divergences(vp.maturity);
    block(pptx, slide, 'Divergences', [
      { text: 'Divergences (2 points ou plus)', bold: true },
      ...(found.length === 0
        ? [{ text: 'Aucune divergence.' }]
        : found.map((d) => ({
            text: `• ${MATURITY_DOMAIN_LABELS[d.domain]} : ${TRINOME_ROLES.map((r) => {
              const v = d.ratings[r];
              return `${TRINOME_ROLE_LABELS[r]} ${v === undefined ? 'non noté' : MATURITY_RATING_LABELS[v]}`;
            }).join(', ')}`,
          }))),
    ], { x: 8.4, y: 1.0, w: 4.6, h: 6.2 }, 14, 8);
  }
  return pptx;
}

export async function buildDeck(session: Session, onProgress: (message: string) => void = () => {}, options: DeckOptions = {}): Promise<Blob> {
  const pptx = await makeDeck(session, onProgress, options);
  onProgress('Écriture du fichier…');
  return (await pptx.write({ outputType: 'blob' })) as Blob;
}

/** The deck's bytes (what the tests read, in Node). */
export async function deckBytes(session: Session, options: DeckOptions = {}): Promise<Uint8Array> {
  const pptx = await makeDeck(session, () => {}, options);
  return new Uint8Array((await pptx.write({ outputType: 'uint8array' })) as Uint8Array);
}
