/**
 * GET /api/v1/communities/{id|global}/aggregations/{kind}?start=&end= — the raw daily documents
 * of one aggregation kind, sorted by day. Defaults: the current year up to today.
 */
import { Router } from 'express';
import { z } from 'zod';
import { AGGREGATION_KINDS, type AggregationKind } from '../../../src/core/kinds';
import type { ServerContext } from '../context';
import { badRequest } from '../errors';
import { StrictDay, parseWith, utcToday } from '../params';
import { sendJson } from '../send';

const RangeQuery = z.object({ start: StrictDay.optional(), end: StrictDay.optional() });

export function resolveRange(query: unknown, now: Date): { start: string; end: string } {
  const q = parseWith(RangeQuery, query);
  const end = q.end ?? utcToday(now);
  const start = q.start ?? `${end.slice(0, 4)}-01-01`;
  if (start > end) throw badRequest('start', `must not be after end (${end})`);
  return { start, end };
}

export function aggregationsRouter(ctx: ServerContext): Router {
  const router = Router();
  router.get('/api/v1/communities/:community/aggregations/:kind', async (req, res) => {
    const community = await ctx.readableCommunity(req, req.params.community);
    const kind = req.params.kind;
    if (!(AGGREGATION_KINDS as readonly string[]).includes(kind)) {
      throw badRequest('kind', `expected one of ${AGGREGATION_KINDS.join(', ')}`);
    }
    const range = resolveRange(req.query, ctx.now());
    const docs = await ctx.domain.getDailyDocs(ctx.db, {
      kind: kind as AggregationKind,
      community: community.id,
      ...range,
    });
    await sendJson(req, res, docs, { policy: { visibility: community.restricted ? 'private' : 'public', maxAgeSeconds: 60 } });
  });
  return router;
}
