/** Partial dates (`2018`, `2022-04`, `2022-04-15`): comparing, checking, writing in French. */
import { describe, expect, it } from 'vitest';
import { comparePartialDates, isRealDate } from '../../src/domain/dates';
import { formatPartialDate } from '../../src/i18n/dates';
import { findChronologyConflicts } from '../../src/domain/format/rules';

describe('comparePartialDates', () => {
  it('orders dates of the same precision', () => {
    expect(comparePartialDates('2018', '2022')).toBeLessThan(0);
    expect(comparePartialDates('2022', '2018')).toBeGreaterThan(0);
    expect(comparePartialDates('2022-03', '2022-11')).toBeLessThan(0);
    expect(comparePartialDates('2022-04-15', '2022-04-02')).toBeGreaterThan(0);
    expect(comparePartialDates('2022-04-15', '2022-04-15')).toBe(0);
  });

  it('compares at the precision both share: a year and a month of that year are equal', () => {
    expect(comparePartialDates('2022', '2022-04')).toBe(0);
    expect(comparePartialDates('2022-04', '2022')).toBe(0);
    expect(comparePartialDates('2022-04', '2022-04-30')).toBe(0);
    expect(comparePartialDates('2022', '2022-12-31')).toBe(0);
  });

  it('still orders a year and a month of another year', () => {
    expect(comparePartialDates('2021-12', '2022')).toBeLessThan(0);
    expect(comparePartialDates('2023', '2022-12-31')).toBeGreaterThan(0);
    expect(comparePartialDates('2022-03-31', '2022-04')).toBeLessThan(0);
  });

  it('orders months numerically, not as October before February', () => {
    expect(comparePartialDates('2022-02', '2022-10')).toBeLessThan(0);
  });
});

describe('isRealDate', () => {
  it('knows 29 February only exists in leap years', () => {
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2000-02-29')).toBe(true);
    expect(isRealDate('1900-02-29')).toBe(false);
  });

  it('refuses a 31st in a month of 30 days', () => {
    expect(isRealDate('2022-04-31')).toBe(false);
    expect(isRealDate('2022-04-30')).toBe(true);
    expect(isRealDate('2022-12-31')).toBe(true);
  });

  it('accepts any year and month', () => {
    expect(isRealDate('2018')).toBe(true);
    expect(isRealDate('2022-02')).toBe(true);
  });

  it('refuses what is not a partial date', () => {
    expect(isRealDate('2022-13')).toBe(false);
    expect(isRealDate('04/2022')).toBe(false);
    expect(isRealDate('')).toBe(false);
    expect(isRealDate('2022-4')).toBe(false);
  });
});

describe('formatPartialDate', () => {
  it('writes a year as it is', () => {
    expect(formatPartialDate('2018')).toBe('2018');
  });

  it('writes a month in French', () => {
    expect(formatPartialDate('2022-04')).toBe('avril 2022');
    expect(formatPartialDate('2021-08')).toBe('août 2021');
    expect(formatPartialDate('2019-12')).toBe('décembre 2019');
  });

  it('writes the first day of a month « 1er »', () => {
    expect(formatPartialDate('2022-04-01')).toBe('1er avril 2022');
  });

  it('writes other days without a leading zero', () => {
    expect(formatPartialDate('2022-04-05')).toBe('5 avril 2022');
    expect(formatPartialDate('2022-02-15')).toBe('15 février 2022');
  });
});

describe('findChronologyConflicts', () => {
  const steps = (...dates: (string | undefined)[]) => dates.map((date) => (date === undefined ? {} : { date }));

  it('finds nothing in ordered steps', () => {
    expect(findChronologyConflicts(steps('2018', '2018', '2019-03', '2019-03-12', '2022'))).toEqual([]);
  });

  it('finds nothing in an empty list or undated steps', () => {
    expect(findChronologyConflicts([])).toEqual([]);
    expect(findChronologyConflicts(steps(undefined, undefined))).toEqual([]);
  });

  it('finds a step dated before the one before it', () => {
    expect(findChronologyConflicts(steps('2019', '2018'))).toEqual([{ index: 1, earlierIndex: 0 }]);
  });

  it('does not see a conflict between `2022` and `2022-04`, in either order', () => {
    expect(findChronologyConflicts(steps('2022', '2022-04'))).toEqual([]);
    expect(findChronologyConflicts(steps('2022-04', '2022'))).toEqual([]);
    expect(findChronologyConflicts(steps('2022-04-20', '2022-04', '2022'))).toEqual([]);
  });

  it('sees `2022-05`, `2022`, `2022-03` as a conflict between the first and the third step', () => {
    expect(findChronologyConflicts(steps('2022-05', '2022', '2022-03'))).toEqual([{ index: 2, earlierIndex: 0 }]);
  });

  it('finds a conflict between a year and a later month of an earlier year', () => {
    expect(findChronologyConflicts(steps('2023', '2022-11'))).toEqual([{ index: 1, earlierIndex: 0 }]);
    expect(findChronologyConflicts(steps('2022-11', '2021'))).toEqual([{ index: 1, earlierIndex: 0 }]);
  });

  it('finds a conflict between a month and a day of an earlier month', () => {
    expect(findChronologyConflicts(steps('2022-06', '2022-05-20'))).toEqual([{ index: 1, earlierIndex: 0 }]);
    expect(findChronologyConflicts(steps('2022-06-15', '2022-05'))).toEqual([{ index: 1, earlierIndex: 0 }]);
  });

  it('looks past undated steps', () => {
    expect(findChronologyConflicts(steps('2020', undefined, undefined, '2019'))).toEqual([{ index: 3, earlierIndex: 0 }]);
  });

  it('reports each misplaced step once', () => {
    const conflicts = findChronologyConflicts(steps('2022', '2018', '2019', '2023'));
    expect(conflicts.map((c) => c.index)).toEqual([1, 2]);
    expect(conflicts.every((c) => c.earlierIndex === 0)).toBe(true);
  });
});
