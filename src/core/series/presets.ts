/**
 * Date-range presets per granularity. A preset is resolved against "today" (and the community's
 * first day for "all time") and then snapped to whole periods, so a shared link with
 * `preset=last-12-months` shows the same kind of view on any day.
 */
import { addDays, addMonths, periodStart, todayUtc } from '../dates';
import type { DateRange, Granularity } from './types';

export const PRESET_IDS = [
  'last-7-days',
  'last-30-days',
  'last-90-days',
  'last-12-weeks',
  'last-52-weeks',
  'last-6-months',
  'last-12-months',
  'last-4-quarters',
  'last-8-quarters',
  'last-3-years',
  'last-5-years',
  'year-to-date',
  'all-time',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** Which presets the range control offers for each granularity (in menu order). */
export const PRESETS_BY_GRANULARITY = {
  day: ['last-7-days', 'last-30-days', 'last-90-days', 'year-to-date', 'all-time'],
  week: ['last-12-weeks', 'last-52-weeks', 'year-to-date', 'all-time'],
  month: ['last-6-months', 'last-12-months', 'year-to-date', 'all-time'],
  quarter: ['last-4-quarters', 'last-8-quarters', 'all-time'],
  year: ['last-3-years', 'last-5-years', 'all-time'],
} as const satisfies Record<Granularity, readonly PresetId[]>;

/** The preset a granularity switches to when the current one is not offered for it. */
export const DEFAULT_PRESET: Record<Granularity, PresetId> = {
  day: 'last-30-days',
  week: 'last-12-weeks',
  month: 'last-12-months',
  quarter: 'last-4-quarters',
  year: 'last-5-years',
};

export interface PresetContext {
  /** The day ranges end on (UTC today unless given). */
  today?: string;
  /** The community's first aggregated day, for "all time"; five years back when unknown. */
  firstDay?: string | null;
}

/** The (unsnapped) range a preset stands for. */
export function resolvePreset(preset: PresetId, context: PresetContext = {}): DateRange {
  const end = context.today ?? todayUtc();
  const back = (unit: Granularity, count: number): DateRange => {
    const start = periodStart(end, unit);
    const months = { month: 1, quarter: 3, year: 12 } as const;
    if (unit === 'day') return { start: addDays(end, -(count - 1)), end };
    if (unit === 'week') return { start: addDays(start, -7 * (count - 1)), end };
    return { start: addMonths(start, -months[unit] * (count - 1)), end };
  };
  switch (preset) {
    case 'last-7-days':
      return back('day', 7);
    case 'last-30-days':
      return back('day', 30);
    case 'last-90-days':
      return back('day', 90);
    case 'last-12-weeks':
      return back('week', 12);
    case 'last-52-weeks':
      return back('week', 52);
    case 'last-6-months':
      return back('month', 6);
    case 'last-12-months':
      return back('month', 12);
    case 'last-4-quarters':
      return back('quarter', 4);
    case 'last-8-quarters':
      return back('quarter', 8);
    case 'last-3-years':
      return back('year', 3);
    case 'last-5-years':
      return back('year', 5);
    case 'year-to-date':
      return { start: periodStart(end, 'year'), end };
    case 'all-time':
      return { start: context.firstDay && context.firstDay <= end ? context.firstDay : back('year', 5).start, end };
  }
}
