/**
 * The dates repostats accepts. Inputs (events, records, memberships) may be dated from
 * 1990-01-01 to tomorrow (UTC): a day outside would make an aggregation walk every day up to it
 * (an event dated 9999-12-31) or fail on a date the databases cannot hold (0000-01-01). Query
 * parameters may reach to the end of next year, since a dashboard asks for whole years.
 * One owner for the rule: ingest validation, query parameters and the aggregator read it here.
 */

/** The first day accepted, in inputs and in queries. */
export const FIRST_DAY = '1990-01-01';

/** `YYYY-MM-DD` of a UTC instant. */
const dayOfDate = (date: Date): string => date.toISOString().slice(0, 10);

/** The last day an input may be dated: tomorrow (UTC), so clocks a little ahead are no problem. */
export function lastInputDay(now: Date): string {
  return dayOfDate(new Date(now.getTime() + 86_400_000));
}

/** The last day a query may name: the end of next year (UTC). */
export function lastQueryDay(now: Date): string {
  return `${now.getUTCFullYear() + 1}-12-31`;
}

/** Whether a `YYYY-MM-DD` names a real calendar day (not 2026-02-30, not year 0). */
export function isRealDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const t = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(t) && dayOfDate(new Date(t)) === day;
}

/**
 * Why a day is outside `[FIRST_DAY, last]`, or null when it is inside.
 *
 * @example
 * outsideWindow('0000-01-01', '2026-12-06') // 'must not be before 1990-01-01'
 */
export function outsideWindow(day: string, last: string): string | null {
  if (day < FIRST_DAY) return `must not be before ${FIRST_DAY}`;
  if (day > last) return `must not be after ${last}`;
  return null;
}
