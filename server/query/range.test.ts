import { describe, expect, it } from 'vitest';
import { RangeProblem, bucketsOf, comparisonRange, partialPeriods, resolveRange } from './range';

const data = { dataAsOf: '2024-03-31', dataStart: '2021-06-15' };

describe('resolveRange', () => {
  it.each([
    ['7d', ['2024-03-25', '2024-03-31']],
    ['30d', ['2024-03-02', '2024-03-31']],
    ['month', ['2024-03-01', '2024-03-31']],
    ['12mo', ['2023-04-01', '2024-03-31']],
    ['year', ['2024-01-01', '2024-03-31']],
    ['all', ['2021-06-15', '2024-03-31']],
  ] as const)('when the preset is %s, then it counts back from data as of', (preset, expected) => {
    expect(resolveRange(preset, data)).toEqual(expected);
  });

  it('when an explicit range runs past data as of, then it is cut there; when it starts after, it is refused', () => {
    expect(resolveRange(['2024-03-01', '2024-12-31'], data)).toEqual(['2024-03-01', '2024-03-31']);
    expect(() => resolveRange(['2024-04-01', '2024-04-30'], data)).toThrow(RangeProblem);
  });
});

describe('periods', () => {
  it('when a range starts mid-week, then its ISO weeks are labelled by their Monday and cut to the range', () => {
    expect(bucketsOf(['2024-01-03', '2024-01-15'], 'week')).toEqual([
      { label: '2024-01-01', start: '2024-01-03', end: '2024-01-07' },
      { label: '2024-01-08', start: '2024-01-08', end: '2024-01-14' },
      { label: '2024-01-15', start: '2024-01-15', end: '2024-01-15' },
    ]);
  });

  it('when the range covers a quarter in part, then that quarter is partial', () => {
    expect(partialPeriods(['2024-02-10', '2024-09-30'], 'quarter')).toEqual(['2024-01-01']);
    expect(partialPeriods(['2024-01-01', '2024-03-31'], null)).toEqual([]);
  });

  it('compares with the same number of days before, or the same days a year before (Feb 29 → 28)', () => {
    expect(comparisonRange(['2024-01-01', '2024-03-31'], 'previous_period')).toEqual(['2023-10-02', '2023-12-31']) // 91 days, as Q1 2024;
    expect(comparisonRange(['2024-02-01', '2024-02-29'], 'previous_year')).toEqual(['2023-02-01', '2023-02-28']);
  });
});
