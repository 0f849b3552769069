/**
 * Summaries and comparison alignment on a widget's periods. The comparison's range is the query
 * API's (`include.comparison`: the same number of days just before, or the same days a year
 * earlier; src/core/queryRange.ts); here its periods are aligned index by index with the current
 * ones, so period i of the comparison sits under period i of the view.
 */
import type { Mode } from '../metrics';

/** Over a whole range: the sum of deltas, or the last cumulative value. */
export function summarize(values: readonly number[], mode: Mode): number {
  if (mode === 'cumulative') return values[values.length - 1] ?? 0;
  return values.reduce((a, b) => a + b, 0);
}

/**
 * Aligns comparison values with `length` current periods: extra periods are cut, missing ones
 * (no data that far back) read as zero.
 */
export function alignComparison({ values, length, mode }: { values: readonly number[]; length: number; mode: Mode }): {
  values: number[];
  summary: number;
} {
  const aligned = Array.from({ length }, (_, i) => values[i] ?? 0);
  return { values: aligned, summary: summarize(aligned, mode) };
}
