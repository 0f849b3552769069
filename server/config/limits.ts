/**
 * Per-request budgets: what one anonymous request may cost the server. Read by `server/config.ts`
 * with the rest of the environment; a request past a budget gets a 400 `limit_exceeded` that names
 * the setting and its value (`budgetExceeded` in server/http/errors.ts).
 */
import { z } from 'zod';

const positive = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

export const LimitsEnvShape = {
  /** Queries one `POST /api/stats` body may hold (the reference's eight single queries fit). */
  REPOSTATS_STATS_MAX_QUERIES: positive(8),
  /** Longest range, in days, of one `/api/stats` query and of one page of raw documents. */
  REPOSTATS_MAX_RANGE_DAYS: positive(366),
};

export interface RequestLimits {
  statsMaxQueries: number;
  maxRangeDays: number;
}

export function requestLimits(e: { [K in keyof typeof LimitsEnvShape]: number }): RequestLimits {
  return { statsMaxQueries: e.REPOSTATS_STATS_MAX_QUERIES, maxRangeDays: e.REPOSTATS_MAX_RANGE_DAYS };
}

/** The defaults, for code that builds a config by hand (tests, benchmarks). */
export const DEFAULT_LIMITS: RequestLimits = requestLimits(z.object(LimitsEnvShape).parse({}));
