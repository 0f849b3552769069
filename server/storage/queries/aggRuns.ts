/** The aggregation run history (`agg_runs`): one row per run, its status and summary. */
import type { SqlEngine } from '../port';

export interface RunRecord {
  runId: string;
  startedAt: string;
  finishedAt: string | null;
  status: string;
}

/** Marks every run still 'running' as 'interrupted' (call it holding the aggregation lock: such a run was killed). */
export async function interruptRunningRuns(db: SqlEngine): Promise<void> {
  await db.exec(`UPDATE agg_runs SET status = 'interrupted' WHERE status = 'running'`);
}

export async function insertRunningRun(db: SqlEngine, runId: string, startedAt: string): Promise<void> {
  await db.exec(`INSERT INTO agg_runs (run_id, started_at, status) VALUES ($1, $2, 'running')`, [runId, startedAt]);
}

export async function updateRun(
  db: SqlEngine,
  runId: string,
  result: { status: string; finishedAt: string; summaryJson: string | null },
): Promise<void> {
  await db.exec(`UPDATE agg_runs SET status = $1, finished_at = $2, summary = $3 WHERE run_id = $4`, [
    result.status,
    result.finishedAt,
    result.summaryJson,
    runId,
  ]);
}

/** The newest runs, newest first. */
export async function recentRuns(db: SqlEngine, limit: number): Promise<RunRecord[]> {
  const rows = await db.query<{ run_id: string; started_at: string; finished_at: string | null; status: string }>(
    `SELECT run_id, started_at, finished_at, status FROM agg_runs ORDER BY started_at DESC LIMIT ${Math.trunc(limit)}`,
  );
  return rows.map((r) => ({ runId: r.run_id, startedAt: r.started_at, finishedAt: r.finished_at, status: r.status }));
}
