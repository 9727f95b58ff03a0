/** Small helpers to write SVG as text: escaping, approximate text measure, wrapping. */
import { escapeXml } from '../domain/format/embed';

export const esc = escapeXml;

/**
 * Font stack named in exported SVG: Inter, the app's own font (embedded when a PNG is drawn,
 * see features/export/svgFonts.ts), then fonts found on most systems, then generic.
 */
export const SVG_FONT = "Inter, 'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";

/** Approximate width of a text in DejaVu Sans (average advance ≈ 0.6 em; narrow letters less). */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const c of text) units += /[il.,;:'!|·]/.test(c) ? 0.32 : /[A-ZÀ-ÖØ-Þmw]/.test(c) ? 0.72 : /\s/.test(c) ? 0.32 : 0.6;
  return units * fontSize;
}

/** Wraps a text into at most `maxLines` lines of `maxWidth`, with an ellipsis when cut. */
export function wrapText(text: string, fontSize: number, maxWidth: number, maxLines: number): string[] {
  // Ordinary spaces only: a no-break space (before `:`, `%`, inside `« »`) keeps its neighbours together.
  const words = text.replace(/[ \t\n\r\f\v]+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize) <= maxWidth || !line) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) {
      const last = lines[maxLines - 1]!;
      lines[maxLines - 1] = ellipsize(`${last} ${words.slice(i).join(' ')}`, fontSize, maxWidth);
      return lines;
    }
  }
  if (line) lines.push(ellipsize(line, fontSize, maxWidth));
  return lines;
}

export function ellipsize(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  let out = text;
  while (out.length > 1 && textWidth(`${out}…`, fontSize) > maxWidth) out = out.slice(0, -1);
  return `${out.trimEnd()}…`;
}

/** `<text>` with one `<tspan>` per line. */
export function textLines(lines: string[], x: number, y: number, fontSize: number, attrs = ''): string {
  const spans = lines.map((l, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : fontSize * 1.2}">${esc(l)}</tspan>`).join('');
  return `<text x="${x}" y="${y}" font-size="${fontSize}" ${attrs}>${spans}</text>`;
}

export const round = (n: number) => Math.round(n * 10) / 10;
