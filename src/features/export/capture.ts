/**
 * `Capture de la vue`: what the screen shows of the current tab (the map as zoomed and panned, its
 * highlights, or the Synthèse) as a PNG. The map's own exports are drawn from the model
 * (images.ts); this one is a picture of the page, made by html-to-image (loaded on demand).
 */
import { imageFileName } from './images';
import { facesForText, fontFaceCss } from './svgFonts';

/** The part of the page shown for the current tab: the map's canvas, else the whole tab. */
export function viewElement(): HTMLElement | null {
  const tab = document.querySelector<HTMLElement>('.tab-content:not(.is-leaving)');
  return tab?.querySelector<HTMLElement>('.canvas') ?? tab;
}

// The zoom buttons are controls, not part of the picture.
const shown = (node: Node) => !(node instanceof HTMLElement && node.classList.contains('react-flow__controls'));

export async function captureView(title: string): Promise<{ blob: Blob; fileName: string }> {
  const element = viewElement();
  if (!element) throw new Error("Rien à capturer : la vue n'est pas encore affichée.");
  // Inter's files go in the picture: the page adds them by script, where html-to-image cannot see them.
  const [{ toBlob }, fontEmbedCSS] = await Promise.all([import('html-to-image'), fontFaceCss(facesForText(element.textContent ?? ''))]);
  const blob = await toBlob(element, { pixelRatio: 2, backgroundColor: '#ffffff', filter: shown, cacheBust: false, ...(fontEmbedCSS ? { fontEmbedCSS } : {}) });
  if (!blob) throw new Error("Le navigateur n'a pas pu faire l'image de la vue.");
  return { blob, fileName: imageFileName(title, 'conduite', 'png').replace(/ - [^-]+\.png$/, ' - vue.png') };
}
