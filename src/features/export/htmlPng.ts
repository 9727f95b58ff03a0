/**
 * Pictures of the parts of the app that are HTML (the Synthèse, the participation matrix) as
 * PNG, by html-to-image (loaded on demand, as for `Capture de la vue`): what the screen shows,
 * borders and colours included, in Inter (its files embedded, see svgFonts.ts), at twice the size.
 */
import { imageFileName } from './images';
import { facesForText, fontFaceCss } from './svgFonts';

/** Marks what a picture leaves out (its own export button, for one). */
export const NOT_IN_PICTURE = 'data-not-in-picture';

/** The element as a PNG, on a white background, at pixel ratio 2. */
export async function elementPng(element: HTMLElement): Promise<Blob> {
  const [{ toBlob }, fontEmbedCSS] = await Promise.all([import('html-to-image'), fontFaceCss(facesForText(element.textContent ?? ''))]);
  // Hidden, not removed: a grid's copy keeps the rows computed with it (removing one child
  // would put the next ones in the wrong rows, over each other).
  const left = [...element.querySelectorAll<HTMLElement>(`[${NOT_IN_PICTURE}]`)];
  const before = left.map((e) => e.style.visibility);
  for (const e of left) e.style.visibility = 'hidden';
  try {
    return await picture(element, toBlob, fontEmbedCSS);
  } finally {
    left.forEach((e, i) => (e.style.visibility = before[i]!));
  }
}

async function picture(element: HTMLElement, toBlob: typeof import('html-to-image').toBlob, fontEmbedCSS: string): Promise<Blob> {
  // All of it, not the part scrolled into view: the copy drawn is unrolled (no scrolling, no
  // centring margin, its full height).
  const blob = await toBlob(element, {
    pixelRatio: 2,
    backgroundColor: '#ffffff',
    cacheBust: false,
    // A table's collapsed outer border lies half outside its box: 2 px more keep it whole.
    width: element.scrollWidth + 2,
    height: element.scrollHeight + 2,
    style: { margin: '0', overflow: 'visible', height: 'auto', maxHeight: 'none', flex: 'none' },
    ...(fontEmbedCSS ? { fontEmbedCSS } : {}),
  });
  if (!blob) throw new Error("Le navigateur n'a pas pu faire l'image.");
  return blob;
}

/** `<atelier> - <what>.png`, as the maps' images are named. */
export function pictureFileName(title: string, what: string): string {
  return imageFileName(title, 'conduite', 'png').replace(/ - [^-]+\.png$/, ` - ${what}.png`);
}
