/**
 * Range slicing across year bundles: the dashboard fetches one bundle per calendar year and a
 * range may span several, so daily arrays are concatenated in date order and cut to the range.
 */
import type { SeriesBundle } from '../../api/schemas';
import type { DateRange } from './types';

export interface DailySeries {
  /** Aggregated days inside the range, ascending. */
  dates: string[];
  values: number[];
}

export interface SliceOptions {
  bundles: readonly SeriesBundle[];
  range: DateRange;
  /** The daily array to read from a bundle (undefined when the bundle lacks it: read as zeros). */
  pick: (bundle: SeriesBundle) => readonly number[] | undefined;
}

/** The days of `range` the bundles hold, with the picked values. Days no bundle holds are absent. */
export function sliceDaily({ bundles, range, pick }: SliceOptions): DailySeries {
  const dates: string[] = [];
  const values: number[] = [];
  const ordered = [...bundles].sort((a, b) => a.year - b.year);
  for (const bundle of ordered) {
    const first = bundle.dates[0];
    const last = bundle.dates[bundle.dates.length - 1];
    if (first === undefined || last === undefined || last < range.start || first > range.end) continue;
    const series = pick(bundle);
    bundle.dates.forEach((date, i) => {
      if (date < range.start || date > range.end) return;
      dates.push(date);
      values.push(series?.[i] ?? 0);
    });
  }
  return { dates, values };
}
