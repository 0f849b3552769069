import { describe, expect, it } from 'vitest';
import { alignComparison, summarize } from './comparison';
import { resolvePreset } from './presets';

describe('summarize', () => {
  it.each([
    [[1, 2, 3], 'delta', 6],
    [[1, 2, 3], 'cumulative', 3],
    [[], 'cumulative', 0],
  ] as const)('when %j are summarised as %s, then the summary is %i', (values, mode, expected) => {
    expect(summarize(values, mode)).toBe(expected);
  });
});

describe('comparison', () => {
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
