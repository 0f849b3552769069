/**
 * `GET /api/v1/status` and `repostats status`: how far each community's aggregations have got.
 */
import { z } from 'zod';
import { AGGREGATION_KINDS } from '../core/kinds';
import { DaySchema } from './schemas';

export const KindStatusSchema = z.object({
  kind: z.enum(AGGREGATION_KINDS),
  /** First and last day with aggregated data (null when none). */
  firstDay: DaySchema.nullable(),
  lastDay: DaySchema.nullable(),
  /** The last day the kind has been aggregated up to (null: never aggregated). */
  bookmark: DaySchema.nullable(),
  /** Dirty days waiting for the next run (records or usage, this community or every community). */
  dirtyDays: z.number().int().nonnegative(),
  /** Aggregated up to the newest input day, with nothing dirty. */
  complete: z.boolean(),
});
export type KindStatus = z.infer<typeof KindStatusSchema>;

export const CommunityStatusSchema = z.object({
  community: z.string(),
  kinds: z.array(KindStatusSchema),
});

export const RunStatusSchema = z.object({
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.string(),
});

export const StatusResponseSchema = z.object({
  /** The newest day the inputs mention (what "complete" is measured against). */
  dataAsOf: DaySchema.nullable(),
  /** Whether an aggregation run is in progress right now. */
  running: z.boolean(),
  lastRun: RunStatusSchema.nullable(),
  communities: z.array(CommunityStatusSchema),
});
export type StatusReport = z.infer<typeof StatusResponseSchema>;
