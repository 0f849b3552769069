/**
 * POST /api/v1/aggregate (admin) and GET /api/v1/status.
 */
import { Router } from 'express';
import { z } from 'zod';
import { StatusResponseSchema, type StatusReport } from '../../../src/api/status';
import { isAdmin, requireAdmin } from '../access';
import { runAndRefresh } from '../aggregate';
import type { ServerContext } from '../context';

/** While a run holds the database, status answers from memory instead of waiting for it. */
const STATUS_WAIT_MS = 1500;

/** The aggregation module's report, plus this process's run state and the response cache. */
export const ServerStatusSchema = StatusResponseSchema.extend({
  aggregation: z.object({
    state: z.enum(['idle', 'running']),
    /** Whether a run started through this server is in progress (the dashboard polls on it). */
    running: z.boolean(),
    startedAt: z.string().nullable(),
    lastRun: z
      .object({ startedAt: z.string(), finishedAt: z.string(), affected: z.number(), rebuilt: z.number(), error: z.string().optional() })
      .nullable(),
  }),
  /** False when the report is the last one read, because a run held the database too long. */
  fresh: z.boolean(),
  cache: z
    .object({
      bundles: z.number(),
      oldestBuiltAt: z.string().nullable(),
      newestBuiltAt: z.string().nullable(),
      lastRefreshAt: z.string().nullable(),
    })
    .nullable(),
});
export type ServerStatus = z.infer<typeof ServerStatusSchema>;

export function adminRouter(ctx: ServerContext): Router {
  const router = Router();
  let lastReport: StatusReport = { dataAsOf: null, running: false, lastRun: null, communities: [] };
  let lastCache: ServerStatus['cache'] = null;

  router.post('/api/v1/aggregate', async (req, res) => {
    requireAdmin(req, ctx.config);
    const report = await runAndRefresh(ctx);
    res.json(report);
  });

  router.get('/api/v1/status', async (req, res) => {
    // The state when the question arrived: a run that ends while we read the database still shows.
    const running = ctx.aggregation.running;
    const fromDb = Promise.all([ctx.domain.getStatus(ctx.db), ctx.cache.freshness()]);
    // A late answer must not surface as an unhandled rejection after we have replied.
    fromDb.catch(() => undefined);
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), STATUS_WAIT_MS).unref());
    const answered = running ? await Promise.race([fromDb, timeout]) : await fromDb;
    if (answered) [lastReport, lastCache] = answered;
    const hidden = new Set((await ctx.communities()).filter((c) => c.restricted).map((c) => c.id));
    const admin = isAdmin(req, ctx.config);
    const body: ServerStatus = {
      ...lastReport,
      running: lastReport.running || running !== null,
      // Restricted communities stay unnamed here too, unless the admin asks.
      communities: admin ? lastReport.communities : lastReport.communities.filter((c) => !hidden.has(c.community)),
      aggregation: {
        state: running ? 'running' : 'idle',
        running: running !== null,
        startedAt: running?.startedAt ?? null,
        lastRun: ctx.aggregation.lastRun,
      },
      fresh: answered !== null,
      cache: lastCache,
    };
    res.set('Cache-Control', 'no-store');
    res.json(body);
  });
  return router;
}
