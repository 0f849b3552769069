/** The run history: when runs started and ended, and whether one is in progress. */
import type { SqlEngine } from '../../storage/port';
import { insertRunningRun, interruptRunningRuns, recentRuns, updateRun, type RunRecord } from '../../storage/queries/aggRuns';

export type { RunRecord } from '../../storage/queries/aggRuns';

export async function startRun(db: SqlEngine, ranAt: string): Promise<string> {
  // We hold the lock, so any run still marked 'running' was killed.
  await interruptRunningRuns(db);
  const runId = `${ranAt}#${Math.random().toString(36).slice(2, 8)}`;
  await insertRunningRun(db, runId, ranAt);
  return runId;
}

export async function finishRun(
  db: SqlEngine,
  runId: string,
  result: { status: 'done' | 'failed'; summary: unknown },
): Promise<void> {
  await updateRun(db, runId, {
    status: result.status,
    finishedAt: new Date().toISOString(),
    summaryJson: result.summary === null ? null : JSON.stringify(result.summary),
  });
}

export async function lastRuns(db: SqlEngine): Promise<{ last: RunRecord | null; running: boolean }> {
  const rows = await recentRuns(db, 5);
  return { last: rows.find((r) => r.status !== 'running') ?? null, running: rows.some((r) => r.status === 'running') };
}
