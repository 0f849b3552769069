/**
 * Running an aggregation inside the serving process (DuckDB allows one process per file, so the
 * server is where operators trigger runs while it serves), then re-rendering exactly the cached
 * bundles and query answers the run affected. One run at a time; the state is visible on /api/v1/status.
 */
import { withMemoryLimit } from '../storage/open';
import type { ServerContext } from './context';
import { HttpError } from './errors';
import { warmLayouts, type WarmReport } from './warmLayouts';

export interface RunReport {
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  affected: number;
  rebuilt: number;
  /** The query cache's warm-up (server/http/warmLayouts.ts). */
  warmed: WarmReport;
  result: unknown;
}

export async function runAndRefresh(ctx: ServerContext, options: Record<string, unknown> = {}): Promise<RunReport> {
  if (ctx.aggregation.running) {
    throw new HttpError(409, 'aggregation_running', `an aggregation run started at ${ctx.aggregation.running.startedAt} is in progress`);
  }
  const startedAt = new Date().toISOString();
  ctx.aggregation.running = { startedAt };
  const t0 = performance.now();
  try {
    // The run gets serve's work budget (REPOSTATS_DUCKDB_SERVE_WORK_MEMORY); serving goes back to its own after.
    const result = await withMemoryLimit(ctx.db, ctx.config.duckdb.serveWorkMemoryBytes, () => ctx.domain.runAggregation(ctx.db, options));
    for (const note of result.notes ?? []) ctx.logger?.info(`aggregation: ${note}`);
    const { rebuilt } = await ctx.cache.refresh(result.affected, { warm: ctx.config.cacheWarm });
    const changed = new Set(result.affected.map((k) => k.community));
    await ctx.queryCache.afterRun(changed);
    ctx.hitLane.clear();
    const warmed = await warmLayouts(ctx, changed);
    ctx.communitiesChanged();
    const finishedAt = new Date().toISOString();
    ctx.aggregation.lastRun = { startedAt, finishedAt, affected: result.affected.length, rebuilt };
    return {
      startedAt,
      finishedAt,
      durationMs: Math.round(performance.now() - t0),
      affected: result.affected.length,
      rebuilt,
      warmed,
      result,
    };
  } catch (error) {
    ctx.aggregation.lastRun = {
      startedAt,
      finishedAt: new Date().toISOString(),
      affected: 0,
      rebuilt: 0,
      // Shown on the public /api/v1/status: never the driver's text (the caller logs the error).
      error: publicRunError(error),
    };
    throw error;
  } finally {
    ctx.aggregation.running = null;
  }
}

/** What the public status may say about a failed run. */
function publicRunError(error: unknown): string {
  if ((error as { code?: unknown })?.code === 'aggregation_running') return 'another aggregation run was in progress';
  return 'the aggregation run failed; the server log has the details';
}
