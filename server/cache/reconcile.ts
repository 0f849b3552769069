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
  seen_at: string;
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
    `SELECT started_at, finished_at, status, summary, COALESCE(finished_at, started_at) AS seen_at FROM agg_runs
     WHERE status <> 'running' AND COALESCE(finished_at, started_at) > $1
     ORDER BY seen_at`,
    // '' sorts before every ISO time: no watermark means every run.
    [since ?? ''],
  );
  let dropped = 0;
  for (const run of runs) {
    if (run.status === 'done' && run.finished_at) {
      dropped += await cache.dropBuiltBefore(run.finished_at, parseAffected(run.summary));
    } else {
      // A run that failed or was killed committed some units without saying which (a killed one
      // has no finish time at all): drop every bundle built before now.
      dropped += await cache.dropBuiltBefore(run.finished_at ?? new Date().toISOString(), null);
    }
  }
  return { runs: runs.length, dropped, checkedUpTo: runs.at(-1)?.seen_at ?? since };
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
