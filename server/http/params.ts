/**
 * Request parsing with zod: a bad parameter is a 400 that names it.
 */
import { z } from 'zod';
import type { Request } from 'express';
import { DaySchema } from '../../src/api/schemas';
import { fromZod } from './errors';

export const YearSchema = z.coerce
  .number({ error: 'expected a year like 2024' })
  .int('expected a year like 2024')
  .min(1900, 'expected a year between 1900 and 2999')
  .max(2999, 'expected a year between 1900 and 2999');

function isRealDay(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

/** A real calendar day, not just the YYYY-MM-DD shape. */
export const StrictDay = DaySchema.refine(isRealDay, 'expected a real date YYYY-MM-DD');

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A real day `YYYY-MM-DD`, or an ISO date-time (`2025-01-01T00:00:00.000Z`, as the reference's older
 * frontend sends) read as the UTC day of that instant; a date-time without a zone is UTC.
 *
 * @example
 * DayOrDateTime.parse('2025-01-01T23:30:00-01:00') // '2025-01-02'
 */
export const DayOrDateTime = z.string().transform((value, ctx) => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDay(value)) return value;
  const m = ISO_DATE_TIME.exec(value);
  const at = m && isRealDay(m[1]!) ? Date.parse(m[4] ? value : `${value}Z`) : Number.NaN;
  if (Number.isNaN(at)) {
    ctx.addIssue({ code: 'custom', message: 'expected a real date YYYY-MM-DD or an ISO date-time like 2025-01-01T00:00:00.000Z' });
    return z.NEVER;
  }
  return new Date(at).toISOString().slice(0, 10);
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
