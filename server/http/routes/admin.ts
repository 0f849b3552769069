/**
 * POST /api/v1/aggregate (admin) and GET /api/v1/status.
 */
import { Router } from 'express';
import { requireAdmin } from '../access';
import { runAndRefresh } from '../aggregate';
import type { ServerContext } from '../context';

/** While a run holds the database, status answers from memory instead of waiting for it. */
const STATUS_WAIT_MS = 1500;

export function adminRouter(ctx: ServerContext): Router {
  const router = Router();

  router.post('/api/v1/aggregate', async (req, res) => {
    requireAdmin(req, ctx.config);
    const report = await runAndRefresh(ctx);
    res.json(report);
  });

  router.get('/api/v1/status', async (_req, res) => {
    // The state when the question arrived: a run that ends while we read the database still shows.
    const running = ctx.aggregation.running;
    const fromDb = Promise.all([ctx.domain.getStatus(ctx.db), ctx.cache.freshness()]);
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), STATUS_WAIT_MS).unref());
    const answered = running ? await Promise.race([fromDb, timeout]) : await fromDb;
    // A late answer must not surface as an unhandled rejection after we have replied.
    fromDb.catch(() => undefined);
    res.set('Cache-Control', 'no-store');
    res.json({
      aggregation: {
        state: running ? 'running' : 'idle',
        running,
        lastRun: ctx.aggregation.lastRun,
      },
      status: answered ? answered[0] : null,
      cache: answered ? answered[1] : null,
    });
  });
  return router;
}
