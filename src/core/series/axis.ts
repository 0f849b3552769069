/**
 * Slice + roll-up planned once per (bundles, range, granularity) and applied to many daily arrays.
 *
 * A breakdown rolls up one array per item (up to a hundred) plus Other over the same days, and
 * `rollup(sliceDaily(…))` re-derived the days in range, the periods and each day's period for
 * every one of them with date-string arithmetic. The axis does that once; rolling an array up on
 * it is then one pass over numbers. Same results as `rollup({daily: sliceDaily(…), …})`.
 */
import type { SeriesBundle } from '../../api/schemas';
import type { Mode } from '../metrics';
import { nextPeriodStart, periodsIn } from '../dates';
import type { DateRange, Granularity } from './types';

/** The days one bundle contributes: their positions in the bundle and the period each falls in. */
interface Segment {
  bundle: SeriesBundle;
  indices: number[];
  periods: number[];
}

export interface DailyAxis {
  /** Start day of each period, up to the last aggregated day (or `lastDay`), as `rollup` returns them. */
  periods: string[];
  /** The bundles' days inside the range, in date order. */
  segments: Segment[];
}

export interface DailyAxisOptions {
  bundles: readonly SeriesBundle[];
  range: DateRange;
  granularity: Granularity;
  /** Treat days up to here as aggregated even when the bundles end earlier (see `rollup`). */
  lastDay?: string | null;
}

/** The days of `range` the bundles hold, each assigned to its period of `granularity`. */
export function dailyAxis({ bundles, range, granularity, lastDay }: DailyAxisOptions): DailyAxis {
  const kept: { bundle: SeriesBundle; indices: number[] }[] = [];
  let lastDaily: string | undefined;
  for (const bundle of [...bundles].sort((a, b) => a.year - b.year)) {
    const first = bundle.dates[0];
    const last = bundle.dates[bundle.dates.length - 1];
    if (first === undefined || last === undefined || last < range.start || first > range.end) continue;
    const indices: number[] = [];
    bundle.dates.forEach((date, i) => {
      if (date < range.start || date > range.end) return;
      indices.push(i);
      lastDaily = date;
    });
    kept.push({ bundle, indices });
  }
  const last = lastDay ?? lastDaily;
  if (last === undefined) return { periods: [], segments: [] };
  const all = periodsIn(range, granularity);
  const periods = all.filter((p) => p <= last);
  const ends = periods.map((p, i) => all[i + 1] ?? nextPeriodStart(p, granularity));
  let p = 0;
  const segments = kept.map(({ bundle, indices }) => ({
    bundle,
    indices,
    periods: indices.map((i) => {
      const date = bundle.dates[i] as string;
      while (p < periods.length && date >= (ends[p] as string)) p++;
      // Days past the last kept period (after `lastDay`) or before the first are left out, as `rollup` does.
      return p < periods.length && date >= (periods[p] as string) ? p : -1;
    }),
  }));
  return { periods, segments };
}

/**
 * One daily array per bundle (`pick`; undefined reads as zeros) rolled up on the axis: deltas sum
 * over each period; cumulative values take the period's last day, or carry the previous period's.
 */
export function rollupOnAxis(axis: DailyAxis, pick: (bundle: SeriesBundle) => readonly number[] | undefined, mode: Mode): number[] {
  const n = axis.periods.length;
  const values = new Array<number>(n).fill(0);
  if (mode === 'delta') {
    for (const { bundle, indices, periods } of axis.segments) {
      const series = pick(bundle);
      if (!series) continue;
      for (let k = 0; k < indices.length; k++) {
        const period = periods[k] as number;
        if (period >= 0) values[period] = (values[period] as number) + (series[indices[k] as number] ?? 0);
      }
    }
    return values;
  }
  const seen = new Array<boolean>(n).fill(false);
  for (const { bundle, indices, periods } of axis.segments) {
    const series = pick(bundle);
    for (let k = 0; k < indices.length; k++) {
      const period = periods[k] as number;
      if (period < 0) continue;
      values[period] = series?.[indices[k] as number] ?? 0;
      seen[period] = true;
    }
  }
  let carried = 0;
  for (let i = 0; i < n; i++) {
    carried = seen[i] ? (values[i] as number) : carried;
    values[i] = carried;
  }
  return values;
}
