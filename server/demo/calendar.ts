/**
 * Time for the demo: UTC day arithmetic and the rhythms usage follows — busier on weekdays,
 * quieter in August and over Christmas, busier at the start of term, and in working hours.
 */

export const DAY_MS = 86_400_000;

/** Milliseconds at 00:00 UTC of a 'YYYY-MM-DD' date. */
export function dayStartMs(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not a date: ${date}`);
  return ms;
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** InvenioRDM's timestamp style: microseconds and an explicit +00:00 offset. */
export function invenioTimestamp(ms: number, micros = 0): string {
  return `${new Date(ms).toISOString().slice(0, 23)}${String(micros % 1000).padStart(3, '0')}+00:00`;
}

/** Yesterday (UTC), the default last day of demo data: complete days only. */
export function yesterdayUtc(now = Date.now()): string {
  return isoDate(Math.floor(now / DAY_MS) * DAY_MS - DAY_MS);
}

/** Relative traffic by weekday, Sunday first: weekdays peak mid-week, weekends dip. */
const WEEKDAY_FACTOR = [0.55, 1.05, 1.12, 1.12, 1.08, 0.95, 0.6];

/** Relative traffic by month, January first: summer and the year-end holidays dip. */
const MONTH_FACTOR = [0.95, 1.05, 1.1, 1.05, 1.05, 0.95, 0.8, 0.7, 1.0, 1.15, 1.15, 0.9];

/** How busy a day is relative to an average day, before growth and noise. */
export function dayRhythm(dayMs: number): number {
  const d = new Date(dayMs);
  const month = d.getUTCMonth();
  const date = d.getUTCDate();
  const christmas = (month === 11 && date >= 22) || (month === 0 && date <= 2) ? 0.5 : 1;
  return (WEEKDAY_FACTOR[d.getUTCDay()] ?? 1) * (MONTH_FACTOR[month] ?? 1) * christmas;
}

/** Share of a day's traffic by UTC hour: a broad working-day hump (visitors span time zones). */
export const HOUR_WEIGHTS: readonly number[] = [
  2, 1.6, 1.4, 1.4, 1.6, 2, 2.8, 3.6, 4.6, 5.4, 5.8, 6, 5.8, 5.8, 6, 6, 5.6, 5, 4.4, 4, 3.6, 3.2, 2.8, 2.4,
];
