/**
 * French typography for the interface's own words and for the exports: numbers grouped as
 * `Intl` does for fr-FR (`5 000`, `12 %`) and no-break spaces where French puts a space before
 * a sign (` :`, ` ;`, ` !`, ` ?`, ` %`) and inside `« »`, so a line never starts with one.
 * Apply to messages written by the app, not to what a user typed.
 */

/** Espace insécable, before a colon. */
export const NBSP = '\u00a0';
/** Espace fine insécable, before `;`, `!`, `?`, `%`, inside `« »`, between groups of digits (as Intl writes them). */
export const NNBSP = '\u202f';

const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** `5000` → `5 000`, `2.5` → `2,5` (narrow no-break space between groups). */
export const formatNumber = (n: number): string => numberFormat.format(n);

/**
 * `0.42` → `42 %` (a share between 0 and 1). The space is the narrow one `frenchSpaces` writes:
 * Intl's percent style puts a wider one, depending on the ICU version.
 */
export const formatPercent = (share: number): string => `${formatNumber(Math.round(share * 100))}${NNBSP}%`;

/**
 * Turns the ordinary spaces of a French text into no-break ones where French typography wants
 * them: `a : b` → `a\u00a0: b`, `Vraiment ?` → `Vraiment\u202f?`, `« x »` → `«\u202fx\u202f»`,
 * `12 %` → `12\u202f%`. A space that is not there is not added (`17:30`, `https://`, `«x»` stay).
 */
export function frenchSpaces(text: string): string {
  return text
    .replace(/[ \u00a0\u202f]+:/g, `${NBSP}:`)
    .replace(/[ \u00a0\u202f]+([;!?%»])/g, `${NNBSP}$1`)
    .replace(/«[ \u00a0\u202f]+/g, `«${NNBSP}`);
}

/** `Établissement` and a value → `Établissement\u00a0: value` (the value, typed by a user, is left as it is). */
export const labelled = (label: string, value: string): string => `${label}${NBSP}: ${value}`;
