/**
 * Inter, the app's font, self-hosted from @fontsource/inter and precached by the service worker:
 * the same letters on every laptop, in the app and in the PNG exports (which embed these same
 * files, see features/export/svgFonts.ts). Latin (French) and latin-ext (European names), in the
 * three weights in use; each file is fetched only when a letter of its range is drawn.
 * Declared here rather than with fontsource's per-subset CSS: those files carry no unicode-range,
 * so the latin-ext file would shadow the latin one and be downloaded for every text.
 */
import latin400 from '@fontsource/inter/files/inter-latin-400-normal.woff2?url';
import latin600 from '@fontsource/inter/files/inter-latin-600-normal.woff2?url';
import latin700 from '@fontsource/inter/files/inter-latin-700-normal.woff2?url';
import latinExt400 from '@fontsource/inter/files/inter-latin-ext-400-normal.woff2?url';
import latinExt600 from '@fontsource/inter/files/inter-latin-ext-600-normal.woff2?url';
import latinExt700 from '@fontsource/inter/files/inter-latin-ext-700-normal.woff2?url';

export const FONT_FAMILY = 'Inter';

export const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
export const LATIN_EXT_RANGE =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

export interface FontFile {
  weight: 400 | 600 | 700;
  subset: 'latin' | 'latin-ext';
  url: string;
  unicodeRange: string;
}

export const INTER_FILES: readonly FontFile[] = [
  { weight: 400, subset: 'latin', url: latin400, unicodeRange: LATIN_RANGE },
  { weight: 600, subset: 'latin', url: latin600, unicodeRange: LATIN_RANGE },
  { weight: 700, subset: 'latin', url: latin700, unicodeRange: LATIN_RANGE },
  { weight: 400, subset: 'latin-ext', url: latinExt400, unicodeRange: LATIN_EXT_RANGE },
  { weight: 600, subset: 'latin-ext', url: latinExt600, unicodeRange: LATIN_EXT_RANGE },
  { weight: 700, subset: 'latin-ext', url: latinExt700, unicodeRange: LATIN_EXT_RANGE },
];

/** Adds Inter's faces to the page (loaded lazily, when text needs them). */
export function installFonts(): void {
  if (typeof FontFace !== 'function' || !document.fonts) return;
  for (const f of INTER_FILES) {
    document.fonts.add(
      new FontFace(FONT_FAMILY, `url(${JSON.stringify(f.url)}) format('woff2')`, {
        weight: String(f.weight),
        style: 'normal',
        display: 'swap',
        unicodeRange: f.unicodeRange,
      }),
    );
  }
}
