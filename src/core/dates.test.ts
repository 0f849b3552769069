import { describe, expect, it } from 'vitest';
import { addMonths, periodEnd, periodStart, periodsIn, snapRange, yearsIn } from './dates';

describe('periodStart / periodEnd', () => {
  it.each([
    ['2024-05-15', 'day', '2024-05-15', '2024-05-15'],
    ['2024-05-15', 'week', '2024-05-13', '2024-05-19'], // Wednesday → Monday..Sunday
    ['2024-05-13', 'week', '2024-05-13', '2024-05-19'],
    ['2024-05-19', 'week', '2024-05-13', '2024-05-19'],
    ['2024-02-10', 'month', '2024-02-01', '2024-02-29'],
    ['2023-02-10', 'month', '2023-02-01', '2023-02-28'],
    ['2024-08-31', 'quarter', '2024-07-01', '2024-09-30'],
    ['2024-12-31', 'year', '2024-01-01', '2024-12-31'],
  ] as const)('when %s is grouped by %s, then the period is %s..%s', (day, g, start, end) => {
    expect(periodStart(day, g)).toBe(start);
    expect(periodEnd(day, g)).toBe(end);
  });
});

describe('snapRange and periodsIn', () => {
  it.each([
    [{ start: '2024-01-10', end: '2024-03-05' }, 'month', { start: '2024-01-01', end: '2024-03-31' }, ['2024-01-01', '2024-02-01', '2024-03-01']],
    [{ start: '2024-01-03', end: '2024-01-09' }, 'week', { start: '2024-01-01', end: '2024-01-14' }, ['2024-01-01', '2024-01-08']],
    [{ start: '2023-11-20', end: '2024-02-01' }, 'quarter', { start: '2023-10-01', end: '2024-03-31' }, ['2023-10-01', '2024-01-01']],
    [{ start: '2024-01-01', end: '2024-01-03' }, 'day', { start: '2024-01-01', end: '2024-01-03' }, ['2024-01-01', '2024-01-02', '2024-01-03']],
  ] as const)('when %j is snapped to %s, then it covers whole periods', (range, g, snapped, periods) => {
    expect(snapRange(range, g)).toEqual(snapped);
    expect(periodsIn(snapped, g)).toEqual(periods);
  });

  it('when a range spans New Year, then both year blocks are needed', () => {
    expect(yearsIn({ start: '2023-12-01', end: '2024-01-31' })).toEqual([2023, 2024]);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-02-29', -12, '2023-02-28'],
  ])('when %s moves %i months, then it lands on %s', (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });
});
