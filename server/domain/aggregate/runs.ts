/** The run history: when runs started and ended, and whether one is in progress. */
import type { SqlEngine } from '../../storage/port';

export async function startRun(db: SqlEngine, ranAt: string): Promise<string> {
  // We hold the lock, so any run still marked 'running' was killed.
  await db.exec(`UPDATE agg_runs SET status = 'interrupted' WHERE status = 'running'`);
  const runId = `${ranAt}#${Math.random().toString(36).slice(2, 8)}`;
  await db.exec(`INSERT INTO agg_runs (run_id, started_at, status) VALUES ($1, $2, 'running')`, [runId, ranAt]);
  return runId;
}

export async function finishRun(
  db: SqlEngine,
  runId: string,
  result: { status: 'done' | 'failed'; summary: unknown },
): Promise<void> {
  await db.exec(`UPDATE agg_runs SET status = $1, finished_at = $2, summary = $3 WHERE run_id = $4`, [
    result.status,
    new Date().toISOString(),
    result.summary === null ? null : JSON.stringify(result.summary),
    runId,
  ]);
}

export interface RunRecord {
  runId: string;
  startedAt: string;
  finishedAt: string | null;
  status: string;
}

export async function lastRuns(db: SqlEngine): Promise<{ last: RunRecord | null; running: boolean }> {
  const rows = await db.query<{ run_id: string; started_at: string; finished_at: string | null; status: string }>(
    `SELECT run_id, started_at, finished_at, status FROM agg_runs ORDER BY started_at DESC LIMIT 5`,
  );
  const last = rows.find((r) => r.status !== 'running') ?? null;
  return {
    last: last && { runId: last.run_id, startedAt: last.started_at, finishedAt: last.finished_at, status: last.status },
    running: rows.some((r) => r.status === 'running'),
  };
}
