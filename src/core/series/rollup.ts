/**
 * Roll-up of daily values to periods: deltas sum over the period; cumulative values (snapshots)
 * take the period's last aggregated day. Periods after the last aggregated day are dropped, so a
 * chart never shows a fall to zero for days that simply have not been counted yet.
 */
import type { Mode } from '../metrics';
import { nextPeriodStart, periodsIn } from '../dates';
import type { DailySeries } from './slice';
import type { DateRange, Granularity } from './types';

export interface RollupOptions {
  daily: DailySeries;
  range: DateRange;
  granularity: Granularity;
  mode: Mode;
  /** Treat days up to here as aggregated even when `daily` ends earlier (shared period axis). */
  lastDay?: string | null;
}

export interface PeriodSeries {
  periods: string[];
  values: number[];
}

export function rollup({ daily, range, granularity, mode, lastDay }: RollupOptions): PeriodSeries {
  const lastDaily = daily.dates[daily.dates.length - 1];
  const last = lastDay ?? lastDaily;
  if (last === undefined) return { periods: [], values: [] };
  const periods = periodsIn(range, granularity).filter((p) => p <= last);
  const values: number[] = [];
  let i = 0;
  let carried = 0;
  for (const period of periods) {
    const next = nextPeriodStart(period, granularity);
    let sum = 0;
    let seen = false;
    let lastValue = carried;
    while (i < daily.dates.length && (daily.dates[i] as string) < next) {
      if ((daily.dates[i] as string) >= period) {
        const v = daily.values[i] ?? 0;
        sum += v;
        lastValue = v;
        seen = true;
      }
      i++;
    }
    if (mode === 'delta') values.push(sum);
    else {
      // A period with no aggregated day holds what the previous one ended with.
      carried = seen ? lastValue : carried;
      values.push(carried);
    }
  }
  return { periods, values };
}

/** Over a whole range: the sum of deltas, or the last cumulative value. */
export function summarize(values: readonly number[], mode: Mode): number {
  if (mode === 'cumulative') return values[values.length - 1] ?? 0;
  return values.reduce((a, b) => a + b, 0);
}
