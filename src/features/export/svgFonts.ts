/**
 * Inter inside an SVG about to be drawn into a canvas (PNG exports): an SVG shown as an image
 * cannot load the page's fonts, nor any file, only what it carries. So the same woff2 files the
 * app uses (ui/fonts.ts) go in as data URLs, only the weights and subsets the drawing needs
 * (about 32 KB per weight for French). An SVG saved as a file names Inter and falls back instead.
 * The printed map (PrintDialog.tsx), an SVG image on the page, gets them too, and html-to-image's
 * pictures of the page (capture.ts, htmlPng.ts) as well: the page's
 * faces are added by script (ui/fonts.ts), not by a style sheet html-to-image could read.
 */
import { FONT_FAMILY, INTER_FILES, type FontFile } from '../../ui/fonts';

const cache = new Map<string, Promise<string | null>>();

function dataUrl(url: string): Promise<string | null> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetch(url)
      .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(String(r.status)))))
      .then(
        (blob) =>
          new Promise<string>((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve(String(reader.result).replace(/^data:[^;,]*/, 'data:font/woff2'));
            reader.onerror = () => reject(reader.error ?? new Error('lecture'));
            reader.readAsDataURL(blob);
          }),
      )
      // No font (a file missing from an old cache): the image is drawn with the fallback font.
      .catch(() => {
        cache.delete(url);
        return null;
      });
    cache.set(url, pending);
  }
  return pending;
}

// Letters of latin-ext that French never uses (œ and ı are in the latin file).
const EXT_LETTERS = /[\u0100-\u0130\u0132-\u0151\u0154-\u02AF\u1E00-\u1EFF]/;

/** The faces an SVG text needs: its weights (400, bold, 600), latin-ext only for such letters. */
export function facesFor(svg: string): FontFile[] {
  const weights = new Set<number>([400]);
  if (/font-weight="(bold|700)"|font-weight:\s*(bold|700)/.test(svg)) weights.add(700);
  if (/font-weight="600"|font-weight:\s*600/.test(svg)) weights.add(600);
  const ext = EXT_LETTERS.test(svg);
  return INTER_FILES.filter((f) => weights.has(f.weight) && (f.subset === 'latin' || ext));
}

/** The faces a page's text needs (html-to-image pictures): every weight in use, latin-ext only for such letters. */
export function facesForText(text: string): FontFile[] {
  const ext = EXT_LETTERS.test(text);
  return INTER_FILES.filter((f) => f.subset === 'latin' || ext);
}

/** `@font-face` rules for these faces, their files as data URLs ('' when none could be read). */
export async function fontFaceCss(faces: readonly FontFile[] = INTER_FILES): Promise<string> {
  const urls = await Promise.all(faces.map((f) => dataUrl(f.url)));
  return faces
    .map((f, i) =>
      urls[i]
        ? `@font-face{font-family:${FONT_FAMILY};font-style:normal;font-weight:${f.weight};unicode-range:${f.unicodeRange};src:url(${urls[i]}) format('woff2')}`
        : '',
    )
    .join('');
}

/** The SVG with Inter's faces embedded right after its opening tag; unchanged if none could be read. */
export async function embedFonts(svg: string): Promise<string> {
  return withStyle(svg, await fontFaceCss(facesFor(svg)));
}

/** The SVG with these style rules right after its opening tag (unchanged when there are none). */
export function withStyle(svg: string, rules: string): string {
  if (!rules) return svg;
  const open = svg.indexOf('<svg');
  const end = open < 0 ? -1 : svg.indexOf('>', open);
  if (end < 0) return svg;
  return `${svg.slice(0, end + 1)}<style>${rules}</style>${svg.slice(end + 1)}`;
}
