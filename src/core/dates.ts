/**
 * UTC day arithmetic on `YYYY-MM-DD` strings. Pure and framework-free: period starts and ends per
 * granularity (weeks start on Monday, ISO 8601), range snapping, and the date-range presets.
 * Days are strings everywhere so they compare lexically and never drift with the host time zone.
 */
import type { DateRange, Granularity } from './series/types';

const DAY_MS = 86_400_000;

function toMs(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function ymd(year: number, month: number, day: number): string {
  return fromMs(Date.UTC(year, month - 1, day));
}

/** Today in UTC. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && fromMs(toMs(value)) === value;
}

export function addDays(day: string, days: number): string {
  return fromMs(toMs(day) + days * DAY_MS);
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month → Feb 28/29). */
export function addMonths(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const d = Number(day.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromMs(Date.UTC(year, month, Math.min(d, last)));
}

export function daysBetween(start: string, end: string): number {
  return Math.round((toMs(end) - toMs(start)) / DAY_MS);
}

/** The first day of the period (of the given granularity) that contains `day`. */
export function periodStart(day: string, granularity: Granularity): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  switch (granularity) {
    case 'day':
      return day;
    case 'week': {
      const weekday = (new Date(toMs(day)).getUTCDay() + 6) % 7; // Monday = 0
      return addDays(day, -weekday);
    }
    case 'month':
      return ymd(y, m, 1);
    case 'quarter':
      return ymd(y, Math.floor((m - 1) / 3) * 3 + 1, 1);
    case 'year':
      return ymd(y, 1, 1);
  }
}

/** The first day of the next period. */
export function nextPeriodStart(day: string, granularity: Granularity): string {
  const start = periodStart(day, granularity);
  switch (granularity) {
    case 'day':
      return addDays(start, 1);
    case 'week':
      return addDays(start, 7);
    case 'month':
      return addMonths(start, 1);
    case 'quarter':
      return addMonths(start, 3);
    case 'year':
      return addMonths(start, 12);
  }
}

/** The last day of the period that contains `day`. */
export function periodEnd(day: string, granularity: Granularity): string {
  return addDays(nextPeriodStart(day, granularity), -1);
}

/** Widens a range to whole periods: the start to its period's first day, the end to its last. */
export function snapRange(range: DateRange, granularity: Granularity): DateRange {
  return { start: periodStart(range.start, granularity), end: periodEnd(range.end, granularity) };
}

/** Start days of every period overlapping the range, in order. */
export function periodsIn(range: DateRange, granularity: Granularity): string[] {
  const out: string[] = [];
  for (let p = periodStart(range.start, granularity); p <= range.end; p = nextPeriodStart(p, granularity)) out.push(p);
  return out;
}

/** The calendar years a range touches: the year blocks the data layer must fetch. */
export function yearsIn(range: DateRange): number[] {
  const out: number[] = [];
  for (let y = Number(range.start.slice(0, 4)); y <= Number(range.end.slice(0, 4)); y++) out.push(y);
  return out;
}

/** Shifts a day by whole years, clamping Feb 29 to Feb 28. */
export function addYears(day: string, years: number): string {
  return addMonths(day, years * 12);
}
