/**
 * Partial dates as the report gives them: a year (`2018`), a month (`2022-04`) or a day
 * (`2022-04-15`). Pure functions, no Date objects needed to compare them.
 */
export type Precision = 'year' | 'month' | 'day';

const PARTIAL_DATE = /^[12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$/;

export const isPartialDate = (s: string): boolean => PARTIAL_DATE.test(s);

export const precisionOf = (d: string): Precision =>
  d.length === 4 ? 'year' : d.length === 7 ? 'month' : 'day';

const LENGTH: Record<Precision, number> = { year: 4, month: 7, day: 10 };
const RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };

/** The coarser of two precisions. */
export const sharedPrecision = (a: Precision, b: Precision): Precision => (RANK[a] <= RANK[b] ? a : b);

export const truncate = (d: string, p: Precision): string => d.slice(0, LENGTH[p]);

/**
 * Compares two partial dates at the precision both share: `2022` and `2022-04` are equal (0).
 * Returns a negative number when a is before b, positive when after.
 */
export function comparePartialDates(a: string, b: string): number {
  const p = sharedPrecision(precisionOf(a), precisionOf(b));
  const ta = truncate(a, p);
  const tb = truncate(b, p);
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/** Is the day real (no 31 April, 29 February only in leap years)? Years and months always are. */
export function isRealDate(d: string): boolean {
  if (!isPartialDate(d)) return false;
  if (precisionOf(d) !== 'day') return true;
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return day <= last;
}
