/**
 * GET /api/v1/communities/{id|global}/top-records?metric=views|downloads&start=&end=&limit=&filters=
 * `filters` is the query API's filter list as JSON (`[["is","field:countries",["DE"]]]`).
 */
import { Router } from 'express';
import { z } from 'zod';
import { FilterSchema } from '../../../src/api/query';
import { topRecords } from '../../query/topRecords';
import { withMemoryLimit } from '../../storage/open';
import { isAdmin } from '../access';
import type { ServerContext } from '../context';
import { DecimalInt, parseWith } from '../params';
import { sendJson } from '../send';
import { resolveRange } from './aggregations';

const TopQuery = z.object({
  metric: z.enum(['views', 'downloads']).default('views'),
  limit: DecimalInt.pipe(z.number().min(1, 'must be at least 1').max(1000, 'must be at most 1000')).default(10),
  filters: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON: expected [["is","field:countries",["DE"]]]' });
        return z.NEVER;
      }
    })
    .pipe(z.array(FilterSchema))
    .optional(),
});

export function topRecordsRouter(ctx: ServerContext): Router {
  const router = Router();
  router.get('/api/v1/communities/:community/top-records', async (req, res) => {
    const community = await ctx.readableCommunity(req, req.params.community);
    const { metric, limit, filters } = parseWith(TopQuery, { metric: req.query.metric, limit: req.query.limit, filters: req.query.filters });
    const range = resolveRange({ start: req.query.start, end: req.query.end }, ctx.now());
    // An exact count over every event of the range: on the medium data set it needs more than the
    // serving budget (out of memory at 64 MB over three years), so it runs with the work budget.
    const includeRestricted = isAdmin(req, ctx.config);
    const body = await withMemoryLimit(ctx.db, ctx.config.duckdb.serveWorkMemoryBytes, () =>
      topRecords(ctx.db, { community: community.id, metric, limit, filters, ...range, includeRestricted }),
    );
    // The admin's answer names restricted records: no shared cache may keep it for others.
    const visibility = community.restricted || includeRestricted ? 'private' : 'public';
    await sendJson(req, res, body, { policy: { visibility, maxAgeSeconds: 300 } });
  });
  return router;
}
