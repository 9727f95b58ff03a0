/**
 * Images of the maps, for slides: SVG drawn by the domain's renderers, PNG rasterised from that
 * same SVG (so edges, arrowheads and markers are always there). Both carry the session file.
 */
import { asciiJson, addPngText, EMBED_KEYWORD } from '../../domain/format/embed';
import { serializeSessionFile } from '../../domain/format/file';
import { renderActorSvg } from '../../render/actorSvg';
import { renderConductSvg, type RenderedSvg } from '../../render/conductSvg';
import type { Session } from '../../domain/types';
import { useViewStore } from '../../state/viewStore';
import { formatPercent, frenchSpaces } from '../../i18n/format';
import { embedFonts } from './svgFonts';
import { imageNotes } from './noteChoice';
import type { AuthorRole } from '../../domain/enums';
import { layoutConductMap } from '../../domain/layout/conduct';
import { placeGhosts } from '../../domain/layout/ghosts';
import { openGaps } from '../../domain/gaps';
import type { RouteInput } from '../../domain/layout/routing';
import { actorInput, conductInput } from '../../canvas/routing/inputs';
import { cachedRoutes, requestRoutes } from '../../canvas/routing/routes';

export type MapKind = 'conduite' | 'acteurs';

export interface ImageResult {
  blob: Blob;
  fileName: string;
  /** Set when the map had to be scaled down a lot to fit the slide. */
  warning: string | null;
}

/** The session file to carry in an image, or null (with the reason) when it cannot be written. */
export function embeddedSession(session: Session): { text: string | null; warning: string | null } {
  const file = serializeSessionFile(session);
  if (file.ok) return { text: asciiJson(file.value), warning: null };
  return {
    text: null,
    warning: `L'image ne contient pas la session (elle ne pourra pas être réouverte) : ${file.errors[0]!.message}`,
  };
}

/** What the router is asked for this map, as its canvas asks it (same key: the canvas's routes serve the image). */
export function mapRouteInput(session: Session, map: MapKind): RouteInput {
  if (map === 'acteurs') return actorInput(session.actors, session.relations);
  const layout = layoutConductMap(session);
  return conductInput(layout, session.links, useViewStore.getState().ghosts ? placeGhosts(layout, openGaps(session)) : []);
}

/** Routes the map's edges (in the routing worker) unless that was done already: an export awaits this. */
export async function prepareRoutes(session: Session, map: MapKind): Promise<void> {
  await requestRoutes(mapRouteInput(session, map));
}

/** The map's SVG, its edges routed when the routes are known (prepareRoutes), else drawn as before routing. */
export function renderMapSvg(session: Session, map: MapKind, embed: string | null, hiddenRoles: readonly AuthorRole[] = []): RenderedSvg {
  const today = new Date().toISOString().slice(0, 10);
  // The notes of the roles chosen in `Notes sur l'image` (noteChoice.ts).
  const notes = imageNotes(session, map, hiddenRoles);
  const routes = cachedRoutes(mapRouteInput(session, map));
  return map === 'conduite'
    ? renderConductSvg(session, { today, ghosts: useViewStore.getState().ghosts, routes, notes, ...(embed ? { embed } : {}) })
    : renderActorSvg(session, { routes, notes, ...(embed ? { embed } : {}) });
}

const MAP_SUFFIX: Record<MapKind, string> = { conduite: 'conduite de projet', acteurs: 'acteurs' };

export function imageFileName(title: string, map: MapKind, ext: 'png' | 'svg'): string {
  const safe = title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'atelier';
  return `${safe} - ${MAP_SUFFIX[map]}.${ext}`;
}

export function exportSvg(session: Session, map: MapKind, hiddenRoles: readonly AuthorRole[] = []): ImageResult {
  const embed = embeddedSession(session);
  const { svg } = renderMapSvg(session, map, embed.text, hiddenRoles);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`;
  return { blob: new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), fileName: imageFileName(session.title, map, 'svg'), warning: embed.warning };
}

/** 16:9, 1920 px wide at least, pixel ratio 2 when the browser's canvas allows it. */
export const SLIDE = { width: 1920, height: 1080, pixelRatio: 2, maxCanvasArea: 16_777_216 };

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error("Le navigateur n'a pas pu dessiner l'image de la carte."));
    img.src = url;
  });
}

/**
 * The slide's PNG bytes. Encoded in a worker when the browser can (see pngWorker.ts: on the page's
 * thread, Chromium's `toBlob` waited up to 1 s for an idle moment before encoding), else by the
 * canvas itself.
 */
async function encodePng(canvas: OffscreenCanvas | HTMLCanvasElement): Promise<Blob | null> {
  if (canvas instanceof OffscreenCanvas) {
    const bitmap = canvas.transferToImageBitmap();
    const worker = new Worker(new URL('./pngWorker.ts', import.meta.url), { type: 'module' });
    try {
      return await new Promise<Blob | null>((resolve) => {
        worker.onmessage = (e: MessageEvent<Blob | null>) => resolve(e.data);
        worker.onerror = () => resolve(null);
        worker.postMessage(bitmap, [bitmap]);
      });
    } finally {
      worker.terminate();
    }
  }
  return new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
}

/** Draws an SVG into a 16:9 slide-sized PNG, scaled to fit, never cropped. */
export async function svgToSlidePng(rendered: RenderedSvg): Promise<{ bytes: Uint8Array; scale: number }> {
  // Inter travels inside the SVG: an SVG drawn as an image cannot load the page's fonts.
  const svg = await embedFonts(rendered.svg);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = await loadImage(url);
    await img.decode().catch(() => undefined);
    let ratio = SLIDE.pixelRatio;
    while (ratio > 1 && SLIDE.width * SLIDE.height * ratio * ratio > SLIDE.maxCanvasArea) ratio -= 0.5;
    const width = Math.round(SLIDE.width * ratio);
    const height = Math.round(SLIDE.height * ratio);
    let canvas: OffscreenCanvas | HTMLCanvasElement;
    if (typeof OffscreenCanvas === 'function' && typeof Worker === 'function') canvas = new OffscreenCanvas(width, height);
    else {
      canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
    }
    const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
    if (!ctx) throw new Error("Le navigateur n'a pas pu préparer l'image.");
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    const scale = Math.min(SLIDE.width / rendered.width, SLIDE.height / rendered.height);
    const w = rendered.width * scale;
    const h = rendered.height * scale;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.drawImage(img, (SLIDE.width - w) / 2, (SLIDE.height - h) / 2, w, h);
    const blob = await encodePng(canvas);
    if (!blob) throw new Error("Le navigateur n'a pas pu écrire l'image PNG.");
    return { bytes: new Uint8Array(await blob.arrayBuffer()), scale };
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportPng(session: Session, map: MapKind, hiddenRoles: readonly AuthorRole[] = []): Promise<ImageResult> {
  await prepareRoutes(session, map);
  const embed = embeddedSession(session);
  const rendered = renderMapSvg(session, map, null, hiddenRoles);
  const { bytes, scale } = await svgToSlidePng(rendered);
  const withSession = embed.text ? addPngText(bytes, EMBED_KEYWORD, embed.text) : bytes;
  const warnings = [embed.warning];
  if (scale < 0.45) {
    warnings.push(
      frenchSpaces(`La carte est grande : elle a été réduite à ${formatPercent(scale)} pour tenir entière dans l'image 16:9. Pour plus de détail, exportez-la en SVG.`),
    );
  }
  return {
    blob: new Blob([withSession as BlobPart], { type: 'image/png' }),
    fileName: imageFileName(session.title, map, 'png'),
    warning: warnings.filter(Boolean).join(' ') || null,
  };
}
