import { describe, expect, it } from 'vitest';
import { bundleFrom } from '../../mocks/bundles';
import { alignComparison, comparisonRange } from './comparison';
import { resolvePreset } from './presets';
import { rollup, summarize } from './rollup';
import { sliceDaily } from './slice';
import { topN } from './topN';

const y2023 = bundleFrom({ year: 2023, start: '2023-12-29', days: 3, totals: { records: (i) => i + 1 } }); // 29,30,31 → 1,2,3
const y2024 = bundleFrom({ year: 2024, days: 10, totals: { records: (i) => 10 * (i + 1) } }); // Jan 1..10 → 10..100

describe('sliceDaily', () => {
  it.each([
    ['inside one year', { start: '2024-01-02', end: '2024-01-04' }, ['2024-01-02', '2024-01-03', '2024-01-04'], [20, 30, 40]],
    ['across New Year', { start: '2023-12-31', end: '2024-01-01' }, ['2023-12-31', '2024-01-01'], [3, 10]],
    ['past the last aggregated day', { start: '2024-01-09', end: '2024-02-01' }, ['2024-01-09', '2024-01-10'], [90, 100]],
    ['before any data', { start: '2020-01-01', end: '2020-12-31' }, [], []],
  ])('when the range is %s, then only its aggregated days are returned', (_, range, dates, values) => {
    expect(sliceDaily({ bundles: [y2024, y2023], range, pick: (b) => b.totals.records })).toEqual({ dates, values });
  });

  it('when a bundle lacks the metric, then its days read as zero', () => {
    expect(sliceDaily({ bundles: [y2024], range: { start: '2024-01-01', end: '2024-01-02' }, pick: (b) => b.totals.views }).values).toEqual([0, 0]);
  });
});

describe('rollup', () => {
  const daily = { dates: ['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02'], values: [5, 7, 1, 2] };
  const range = { start: '2024-01-01', end: '2024-03-31' };
  it.each([
    ['delta', 'deltas sum per month', [12, 3]],
    ['cumulative', 'snapshots take the month’s last value', [7, 2]],
  ] as const)('when mode is %s, then %s (and March, not yet aggregated, is dropped)', (mode, _, values) => {
    expect(rollup({ daily, range, granularity: 'month', mode })).toEqual({ periods: ['2024-01-01', '2024-02-01'], values });
  });

  it('when a cumulative period has no aggregated day, then it carries the previous value', () => {
    const gap = { dates: ['2024-01-05', '2024-03-05'], values: [4, 9] };
    expect(rollup({ daily: gap, range, granularity: 'month', mode: 'cumulative' }).values).toEqual([4, 4, 9]);
  });

  it.each([
    [[1, 2, 3], 'delta', 6],
    [[1, 2, 3], 'cumulative', 3],
    [[], 'cumulative', 0],
  ] as const)('when %j are summarised as %s, then the summary is %i', (values, mode, expected) => {
    expect(summarize(values, mode)).toBe(expected);
  });
});

describe('topN', () => {
  const item = (id: string, values: number[]) => ({ id, labels: { en: id }, values, summary: values.reduce((a, b) => a + b, 0) });
  it.each([
    [1, ['b'], [5 + 2 + 1, 1 + 0 + 1], 3],
    [2, ['b', 'a'], [5 + 1, 1 + 1], 2], // a and c tie at 2: ids break the tie
    [5, ['b', 'a', 'c'], [5, 1], 1],
  ])('when keeping %i items, then the rest folds exactly into Other', (n, ids, otherValues, otherItems) => {
    const result = topN({
      items: [item('a', [2, 0]), item('b', [4, 4]), item('c', [1, 1])],
      other: { values: [5, 1], summary: 6, items: 1 },
      n,
      mode: 'delta',
    });
    expect(result.items.map((i) => i.id)).toEqual(ids);
    expect(result.other.values).toEqual(otherValues);
    expect(result.other.summary).toBe(otherValues.reduce((a, b) => a + b, 0));
    expect(result.other.items).toBe(otherItems);
  });
});

describe('comparison', () => {
  it.each([
    [{ start: '2024-03-01', end: '2024-05-31' }, 'previous-period', 'month', { start: '2023-12-01', end: '2024-02-29' }],
    [{ start: '2024-01-08', end: '2024-01-21' }, 'previous-period', 'week', { start: '2023-12-25', end: '2024-01-07' }],
    [{ start: '2024-01-10', end: '2024-01-16' }, 'previous-period', 'day', { start: '2024-01-03', end: '2024-01-09' }],
    [{ start: '2024-01-01', end: '2024-06-30' }, 'previous-year', 'month', { start: '2023-01-01', end: '2023-06-30' }],
    [{ start: '2024-01-01', end: '2024-12-31' }, 'previous-period', 'quarter', { start: '2023-01-01', end: '2023-12-31' }],
  ] as const)('when %j is compared with the %s at %s granularity, then it reads %j', (range, kind, g, expected) => {
    expect(comparisonRange(range, kind, g)).toEqual(expected);
  });

  it.each([
    [[1, 2, 3], 2, 'delta', [1, 2], 3],
    [[1], 3, 'delta', [1, 0, 0], 1],
    [[4, 6, 9], 2, 'cumulative', [4, 6], 6],
  ] as const)('when %j is aligned to %i periods (%s), then it becomes %j with summary %i', (values, length, mode, aligned, summary) => {
    expect(alignComparison({ values, length, mode })).toEqual({ values: aligned, summary });
  });
});

describe('resolvePreset', () => {
  const today = '2024-05-15';
  it.each([
    ['last-7-days', { start: '2024-05-09', end: today }],
    ['last-12-weeks', { start: '2024-02-26', end: today }],
    ['last-12-months', { start: '2023-06-01', end: today }],
    ['last-4-quarters', { start: '2023-07-01', end: today }],
    ['last-3-years', { start: '2022-01-01', end: today }],
    ['year-to-date', { start: '2024-01-01', end: today }],
  ] as const)('when the preset is %s, then the range is %j', (preset, expected) => {
    expect(resolvePreset(preset, { today })).toEqual(expected);
  });

  it('when the community’s first day is known, then "all time" starts there', () => {
    expect(resolvePreset('all-time', { today, firstDay: '2019-03-02' })).toEqual({ start: '2019-03-02', end: today });
  });
});
