/**
 * Request parsing with zod: a bad parameter is a 400 that names it.
 */
import { z } from 'zod';
import type { Request } from 'express';
import { DaySchema } from '../../src/api/schemas';
import { fromZod } from './errors';
import { isRealDay, lastQueryDay, outsideWindow } from '../../src/core/dateWindow';

/**
 * A whole number written in decimal digits: `1e3`, `0x10`, ` 7` and `7.0` are refused, not read
 * as numbers the way `Number()` would.
 */
export const DecimalInt = z
  .string({ error: 'expected a whole number in decimal digits' })
  .regex(/^\d{1,15}$/, 'expected a whole number in decimal digits')
  .transform(Number);

export const YearSchema = z
  .string({ error: 'expected a year like 2024' })
  .regex(/^\d{4}$/, 'expected a year like 2024')
  .transform(Number)
  .pipe(z.number().min(1900, 'expected a year between 1900 and 2999').max(2999, 'expected a year between 1900 and 2999'));

/** A day inside the query window (src/core/dateWindow.ts), read against the wall clock. */
function windowIssue(day: string): string | null {
  return outsideWindow(day, lastQueryDay(new Date()));
}

/** A real calendar day `YYYY-MM-DD`, from 1990-01-01 to the end of next year. */
export const StrictDay = DaySchema.refine(isRealDay, 'expected a real date YYYY-MM-DD').superRefine((day, ctx) => {
  const problem = windowIssue(day);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A real day `YYYY-MM-DD`, or an ISO date-time (`2025-01-01T00:00:00.000Z`, as the reference's older
 * frontend sends) read as the UTC day of that instant; a date-time without a zone is UTC. Either
 * must fall from 1990-01-01 to the end of next year.
 *
 * @example
 * DayOrDateTime.parse('2025-01-01T23:30:00-01:00') // '2025-01-02'
 */
export const DayOrDateTime = z.string().transform((value, ctx) => {
  const m = /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : ISO_DATE_TIME.exec(value);
  const at = isRealDay(value) ? Date.parse(`${value}T00:00:00Z`) : m && isRealDay(m[1]!) ? Date.parse(m[4] ? value : `${value}Z`) : Number.NaN;
  if (Number.isNaN(at)) {
    ctx.addIssue({ code: 'custom', message: 'expected a real date YYYY-MM-DD or an ISO date-time like 2025-01-01T00:00:00.000Z' });
    return z.NEVER;
  }
  const day = new Date(at).toISOString().slice(0, 10);
  const problem = windowIssue(day);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return day;
});

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZod(result.error, prefix);
  return result.data;
}

/** Query strings: a repeated parameter (`?year=1&year=2`) is rejected rather than guessed at. */
export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  return parseWith(schema, req.query);
}

export function utcToday(now: Date): string {
  return now.toISOString().slice(0, 10);
}
