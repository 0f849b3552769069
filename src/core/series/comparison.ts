/**
 * Comparison alignment: the range to compare with (the same number of periods just before, or
 * the same range one year earlier) and the index-by-index alignment of its periods with the
 * current ones, so period i of the comparison sits under period i of the view.
 */
import { addDays, addMonths, addYears, periodStart, periodsIn, snapRange } from '../dates';
import type { Mode } from '../metrics';
import { summarize } from './rollup';
import type { Comparison, DateRange, Granularity } from './types';

export type ComparisonKind = Exclude<Comparison, 'none'>;

/** The range a comparison reads, snapped to whole periods of `granularity`. */
export function comparisonRange(range: DateRange, kind: ComparisonKind, granularity: Granularity): DateRange {
  const snapped = snapRange(range, granularity);
  if (kind === 'previous-year') {
    return snapRange({ start: addYears(snapped.start, -1), end: addYears(snapped.end, -1) }, granularity);
  }
  const count = periodsIn(snapped, granularity).length;
  const end = addDays(snapped.start, -1);
  const months = { month: 1, quarter: 3, year: 12 } as const;
  const start =
    granularity === 'day'
      ? addDays(snapped.start, -count)
      : granularity === 'week'
        ? addDays(snapped.start, -7 * count)
        : addMonths(periodStart(snapped.start, granularity), -months[granularity] * count);
  return { start, end };
}

/**
 * Aligns comparison values with `length` current periods: extra periods are cut, missing ones
 * (no data that far back) read as zero. The summary covers the aligned periods only, so a
 * partial current period is compared with the same number of periods before it.
 */
export function alignComparison({ values, length, mode }: { values: readonly number[]; length: number; mode: Mode }): {
  values: number[];
  summary: number;
} {
  const aligned = Array.from({ length }, (_, i) => values[i] ?? 0);
  return { values: aligned, summary: summarize(aligned, mode) };
}
