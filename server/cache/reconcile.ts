/**
 * Runs that happened outside this process (the CLI while the server was down, or another server
 * process on PostgreSQL) do not call `BundleCache.refresh`. Reconciling reads the run history
 * (`agg_runs`) and drops every cached bundle a later run affected, so it is rebuilt on its next
 * request: no stale bundle survives a re-aggregation, whoever ran it.
 */
import type { SqlEngine } from '../storage/port';
import type { BundleKey } from '../domain/bundles/key';
import type { BundleCache } from './bundleCache';

interface RunRow {
  [k: string]: unknown;
  started_at: string;
  finished_at: string | null;
  status: string;
  summary: string | null;
}

export interface ReconcileResult {
  runs: number;
  dropped: number;
  /** Pass back as `since` next time. */
  checkedUpTo: string | null;
}

export async function reconcileWithRuns(
  db: SqlEngine,
  cache: BundleCache,
  since: string | null,
): Promise<ReconcileResult> {
  const runs = await db.query<RunRow>(
    `SELECT started_at, finished_at, status, summary FROM agg_runs
     WHERE status <> 'running' AND finished_at IS NOT NULL AND finished_at > $1
     ORDER BY finished_at`,
    // '' sorts before every ISO time: no watermark means every run.
    [since ?? ''],
  );
  let dropped = 0;
  for (const run of runs) {
    const affected = parseAffected(run.summary);
    // A run that failed part-way committed some units without telling which: drop everything older.
    dropped += await cache.dropBuiltBefore(run.finished_at as string, run.status === 'done' ? affected : null);
  }
  return { runs: runs.length, dropped, checkedUpTo: runs.at(-1)?.finished_at ?? since };
}

function parseAffected(summary: string | null): BundleKey[] {
  if (!summary) return [];
  try {
    const parsed = JSON.parse(summary) as { affected?: BundleKey[] };
    return Array.isArray(parsed.affected) ? parsed.affected : [];
  } catch {
    return [];
  }
}
