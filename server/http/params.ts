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

/** A real calendar day, not just the YYYY-MM-DD shape. */
export const StrictDay = DaySchema.refine((d) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}, 'expected a real date YYYY-MM-DD');

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
