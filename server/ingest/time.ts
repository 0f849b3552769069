import { isRealDay, lastInputDay, outsideWindow } from '../../src/core/dateWindow';

/** Timestamps in inputs may lack a zone; they are UTC, whatever the machine's TZ says. */
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

/** Parse an ISO date or date-time as UTC; null when it is not a valid instant. */
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

export function parseUtc(value: string): Date | null {
  // `Date` rolls impossible days over (2026-02-30 → March 2): the calendar day must be real.
  if (!isRealDay(value.trim().slice(0, 10))) return null;
  if (CANONICAL.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  let text = value.trim().replace(' ', 'T');
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) text += 'T00:00:00Z';
  else if (!HAS_ZONE.test(text)) text += 'Z';
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The UTC day of an ISO timestamp, or null when it does not parse. */
export function dayOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = parseUtc(value);
  return date ? utcDay(date) : null;
}

/** The earliest of some 'YYYY-MM-DD' days (string order is date order), ignoring nulls. */
export function minDay(...days: (string | null | undefined)[]): string | null {
  let min: string | null = null;
  for (const d of days) if (d && (min === null || d < min)) min = d;
  return min;
}

/**
 * An input timestamp as an instant inside the accepted window (see src/core/dateWindow.ts), or
 * the message that rejects its line.
 *
 * @example
 * inputTime('9999-12-31', new Date('2026-12-05')) // 'must not be after 2026-12-06 (tomorrow, UTC)'
 */
export function inputTime(value: string, now: Date): Date | string {
  const at = parseUtc(value);
  if (!at) return 'not a valid date-time';
  const last = lastInputDay(now);
  const problem = outsideWindow(utcDay(at), last);
  if (problem === null) return at;
  return problem.endsWith(last) ? `${problem} (tomorrow, UTC)` : problem;
}
