/**
 * A harvest's progress, kept in `ingest_state` under `harvest:<records API>`, so an interrupted run
 * resumes at the page it had reached and the next run asks only for what changed since.
 */
import { z } from 'zod';
import type { SqlEngine } from '../storage/port';
import { readState, writeState } from '../storage/queries/ingestState';

const CountsSchema = z.object({
  pages: z.number(),
  records: z.number(),
  imported: z.number(),
  skipped: z.number(),
  rejected: z.number(),
  deleted: z.number(),
});
export type HarvestCounts = z.infer<typeof CountsSchema>;

/** A run in progress: where it goes next and what it has seen so far. */
const CursorSchema = CountsSchema.extend({
  startedAt: z.string(),
  /** The `updated:>=` filter of this run (null: everything). */
  since: z.string().nullable(),
  next: z.string(),
  /** The `created:>=` of the current window (null: the first window). */
  windowFrom: z.string().nullable(),
  windowHits: z.number(),
  /** The server's clock when the run began (its `Date` header). */
  serverStart: z.string().nullable(),
  maxUpdated: z.string().nullable(),
  lastCreated: z.string().nullable(),
  total: z.number().nullable(),
});
export type HarvestCursor = z.infer<typeof CursorSchema>;

const StateSchema = z.object({
  /** The next run's `updated:>=` filter; null before the first complete run. */
  since: z.string().nullable(),
  cursor: CursorSchema.nullable(),
  lastRun: CountsSchema.extend({ startedAt: z.string(), finishedAt: z.string(), since: z.string().nullable() }).nullable(),
});
export type HarvestState = z.infer<typeof StateSchema>;

export const EMPTY_STATE: HarvestState = { since: null, cursor: null, lastRun: null };

/** One state per records API: its origin and path (query and trailing slash ignored). */
export function stateKey(from: string): string {
  const url = new URL(from);
  return `harvest:${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export async function readHarvestState(db: SqlEngine, from: string): Promise<HarvestState> {
  const stored = await readState(db, stateKey(from));
  if (stored === null) return EMPTY_STATE;
  const parsed = StateSchema.safeParse(JSON.parse(stored));
  if (!parsed.success) throw new Error(`the stored state of ${stateKey(from)} is not readable; delete it to start over`);
  return parsed.data;
}

export async function writeHarvestState(db: SqlEngine, from: string, state: HarvestState): Promise<void> {
  await writeState(db, stateKey(from), JSON.stringify(state));
}
