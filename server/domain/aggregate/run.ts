/**
 * One aggregation run: rebuild the record facts of every community that is new or dirty, compute
 * the usage facts of new and dirty days, move the bookmarks. Each unit of work (a batch of
 * communities, or a range of days) lands in one transaction together with the clearing of its
 * dirty days and its bookmark, so a run killed at any moment resumes where it stopped and ends
 * with the same result.
 */
import type { SqlEngine } from '../../storage/port';
import type { BundleKey } from '../bundles/key';
import { AffectedBundles } from './affected';
import { recordPhase, usagePhase, type PhaseContext } from './phases';
import { readBookmarks } from '../../storage/queries/bookmarks';
import { expandWildcardDirt } from '../../storage/queries/dirtyDays';
import { inputCommunities } from '../../storage/queries/inputSpan';
import { dataAsOf } from './state';
import { finishRun, startRun } from './runs';
import { inputWindow, settleOutOfWindowDirt } from './window';

export interface AggregationProgress {
  phase: string;
  done: number;
  total: number;
}

export interface AggregationOptions {
  onProgress?: (p: AggregationProgress) => void;
  /** Items kept for `top` fields in documents and bundles (default 20). Read-time only. */
  topN?: number;
  /** The last day to aggregate (default: the newest day the inputs mention). */
  today?: string;
}

export interface AggregationSummary {
  ranAt: string;
  /** Days whose usage was (re)computed plus days the record bookmarks advanced by. */
  days: number;
  /** Communities (global included) whose facts were rebuilt or recomputed. */
  communities: number;
  /** Daily documents (kind × community × day) whose content was (re)computed. */
  documents: number;
  affected: BundleKey[];
  /** What the run put right on its own and an operator should know (out-of-window dirty days). */
  notes: string[];
  durationMs: number;
}

/** Thrown when another run holds the aggregation lock. */
export class AggregationRunningError extends Error {
  readonly code = 'aggregation_running';
  constructor() {
    super('an aggregation run is already running');
  }
}

export async function runAggregation(db: SqlEngine, opts: AggregationOptions = {}): Promise<AggregationSummary> {
  const result = await db.withLock('aggregate', () => runLocked(db, opts), { wait: false });
  if (result === null) throw new AggregationRunningError();
  return result;
}

async function runLocked(db: SqlEngine, opts: AggregationOptions): Promise<AggregationSummary> {
  const started = Date.now();
  const ranAt = new Date(started).toISOString();
  const runId = await startRun(db, ranAt);
  const progress = opts.onProgress ?? (() => undefined);
  const affected = new AffectedBundles();
  const notes: string[] = [];
  try {
    const lastDay = opts.today ?? (await dataAsOf(db));
    if (lastDay === null) {
      const empty = summary(ranAt, started, { days: 0, communities: 0, documents: 0 }, [], notes);
      await finishRun(db, runId, { status: 'done', summary: empty });
      return empty;
    }
    const note = await settleOutOfWindowDirt(db, inputWindow(new Date()));
    if (note) notes.push(note);
    await expandWildcardDirt(db);
    const ctx: PhaseContext = {
      db, lastDay, ranAt, runId, progress, affected,
      known: await inputCommunities(db),
      marks: await readBookmarks(db),
      counts: { days: 0, communities: 0, documents: 0 },
    };
    await recordPhase(ctx);
    await usagePhase(ctx);
    const { counts } = ctx;
    const result = summary(ranAt, started, counts, affected.list(), notes);
    await finishRun(db, runId, { status: 'done', summary: result });
    return result;
  } catch (error) {
    await finishRun(db, runId, { status: 'failed', summary: null }).catch(() => undefined);
    throw error;
  }
}

function summary(
  ranAt: string,
  started: number,
  counts: { days: number; communities: number; documents: number },
  affected: BundleKey[],
  notes: string[],
): AggregationSummary {
  return { ranAt, ...counts, affected, notes, durationMs: Date.now() - started };
}
