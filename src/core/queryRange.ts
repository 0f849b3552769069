/**
 * Date ranges of the query API, shared by the server's engine and the component's mock API:
 * presets resolved against "data as of", ranges clamped to it, the periods of a time dimension,
 * partial periods and the comparison range. Pure functions on `YYYY-MM-DD` strings.
 */
import { addDays, addMonths, addYears, daysBetween, nextPeriodStart, periodStart } from './dates';
import type { DatePreset, TimeGrain } from '../api/query';

export type Range = readonly [start: string, end: string];

/** Why a range cannot be answered, with the request field to blame. */
export class RangeProblem extends Error {}

/**
 * The request's `date_range` as inclusive days: presets count back from `dataAsOf`; an explicit
 * end past `dataAsOf` is cut there (no range runs past the last complete day).
 *
 * @example
 * resolveRange('7d', { dataAsOf: '2024-03-31', dataStart: '2020-01-01' }) // ['2024-03-25', '2024-03-31']
 */
export function resolveRange(
  range: DatePreset | readonly [string, string],
  data: { dataAsOf: string; dataStart: string },
): Range {
  const end = data.dataAsOf;
  if (Array.isArray(range)) {
    const [start, asked] = range as readonly [string, string];
    if (start > end) throw new RangeProblem(`starts on ${start}, after the last complete day of data (${end})`);
    return [start, asked < end ? asked : end];
  }
  switch (range as DatePreset) {
    case '7d':
      return [addDays(end, -6), end];
    case '30d':
      return [addDays(end, -29), end];
    case 'month':
      return [periodStart(end, 'month'), end];
    case '12mo':
      return [addMonths(periodStart(end, 'month'), -11), end];
    case 'year':
      return [periodStart(end, 'year'), end];
    case 'all':
      return [data.dataStart < end ? data.dataStart : end, end];
  }
}

/** One period of a time dimension: its label (the period's first day) and the days of it inside the range. */
export interface Bucket {
  label: string;
  start: string;
  end: string;
}

/** The periods of `grain` overlapping the range, cut to it; without a grain, the range as one bucket labelled ''. */
export function bucketsOf(range: Range, grain: TimeGrain | null): Bucket[] {
  const [start, end] = range;
  if (!grain) return [{ label: '', start, end }];
  const out: Bucket[] = [];
  for (let p = periodStart(start, grain); p <= end; p = nextPeriodStart(p, grain)) {
    const last = addDays(nextPeriodStart(p, grain), -1);
    out.push({ label: p, start: p < start ? start : p, end: last > end ? end : last });
  }
  return out;
}

/** Periods the range or the data covers only in part (a month with 3 days of data, the current year). */
export function partialPeriods(range: Range, grain: TimeGrain | null): string[] {
  if (!grain) return [];
  return bucketsOf(range, grain)
    .filter((b) => b.start !== b.label || b.end !== addDays(nextPeriodStart(b.label, grain), -1))
    .map((b) => b.label);
}

/**
 * The range compared with: the same number of days just before (`previous_period`) or the same
 * days one year earlier (`previous_year`, Feb 29 read as Feb 28).
 */
export function comparisonRange(range: Range, kind: 'previous_period' | 'previous_year'): Range {
  const [start, end] = range;
  if (kind === 'previous_year') return [addYears(start, -1), addYears(end, -1)];
  const days = daysBetween(start, end) + 1;
  return [addDays(start, -days), addDays(start, -1)];
}
