/** Dates and the time axis in French words; the domain keeps dates as codes (`2022-04`) and month units. */
import type { TimelineScale } from '../domain/enums';

const MONTHS = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
];

const SHORT_MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

/** `2022` → `2022`, `2022-04` → `avril 2022`, `2022-04-05` → `5 avril 2022`. */
export function formatPartialDate(d: string): string {
  const [y, m, day] = d.split('-');
  if (!m) return y ?? d;
  const month = MONTHS[Number(m) - 1] ?? m;
  if (!day) return `${month} ${y}`;
  return `${Number(day) === 1 ? '1er' : Number(day)} ${month} ${y}`;
}

/** The label of a tick of the conduct map's time axis that starts at `month` (year * 12 + month - 1). */
export function axisTickLabel(month: number, scale: TimelineScale): string {
  const year = Math.floor(month / 12);
  const m = month - year * 12;
  if (scale === 'annee') return String(year);
  if (scale === 'trimestre') return `T${Math.floor(m / 3) + 1} ${year}`;
  return m === 0 ? `${SHORT_MONTHS[0]} ${year}` : SHORT_MONTHS[m]!;
}

/** `2021-12` → `en décembre 2021`, `2021-12-05` → `le 5 décembre 2021`, `2021` → `en 2021`. */
export function whenText(d: string): string {
  return `${d.length === 10 ? 'le' : 'en'} ${formatPartialDate(d)}`;
}

/** What was planned against what happened: « prévu en décembre 2021, fait en mars 2022 » (« prévu en … » alone before it happens). */
export function slippageText(planned: string, date?: string): string {
  return date ? `prévu ${whenText(planned)}, fait ${whenText(date)}` : `prévu ${whenText(planned)}`;
}
