/**
 * GET /api/v1/communities/{id|global}/aggregations/{kind}?start=&end=&limit= — the raw daily
 * documents of one aggregation kind, sorted by day, one page of at most `limit` days at a time
 * (default and most: REPOSTATS_MAX_RANGE_DAYS). When the range goes on, the answer carries
 * `Link: <…?start=next day…>; rel="next"`. Defaults: the current year up to today.
 */
import type { Request } from 'express';
import { Router } from 'express';
import { z } from 'zod';
import { AGGREGATION_KINDS, type AggregationKind } from '../../../src/core/kinds';
import { addDays, minDay } from '../../domain/aggregate/days';
import type { ServerContext } from '../context';
import { badRequest, budgetExceeded } from '../errors';
import { StrictDay, parseWith, utcToday } from '../params';
import { sendJson } from '../send';

const RangeQuery = z.object({ start: StrictDay.optional(), end: StrictDay.optional() });
const PageQuery = z.object({
  limit: z.string().regex(/^[1-9]\d{0,5}$/, 'expected a number of days, 1 or more').transform(Number).optional(),
});

export function resolveRange(query: unknown, now: Date): { start: string; end: string } {
  const q = parseWith(RangeQuery, query);
  const end = q.end ?? utcToday(now);
  const start = q.start ?? `${end.slice(0, 4)}-01-01`;
  if (start > end) throw badRequest('start', `must not be after end (${end})`);
  return { start, end };
}

/** The days of this page, and the next page's address when the range goes on. */
export function pageOf(req: Request, range: { start: string; end: string }, maxDays: number): { start: string; end: string; next: string | null } {
  const { limit = maxDays } = parseWith(PageQuery, { limit: req.query.limit });
  if (limit > maxDays) throw budgetExceeded('limit', 'REPOSTATS_MAX_RANGE_DAYS', maxDays, `${limit} days in one page`);
  const end = minDay(range.end, addDays(range.start, limit - 1)) as string;
  if (end === range.end) return { ...range, next: null };
  const next = new URLSearchParams({ start: addDays(end, 1), end: range.end, limit: String(limit) });
  return { start: range.start, end, next: `${req.baseUrl}${req.path}?${next}` };
}

export function aggregationsRouter(ctx: ServerContext): Router {
  const router = Router();
  router.get('/api/v1/communities/:community/aggregations/:kind', async (req, res) => {
    const community = await ctx.readableCommunity(req, req.params.community);
    const kind = req.params.kind;
    if (!(AGGREGATION_KINDS as readonly string[]).includes(kind)) {
      throw badRequest('kind', `expected one of ${AGGREGATION_KINDS.join(', ')}`);
    }
    const page = pageOf(req, resolveRange({ start: req.query.start, end: req.query.end }, ctx.now()), ctx.config.limits.maxRangeDays);
    const docs = await ctx.domain.getDailyDocs(ctx.db, {
      kind: kind as AggregationKind,
      community: community.id,
      start: page.start,
      end: page.end,
    });
    if (page.next) res.set('Link', `<${page.next}>; rel="next"`);
    await sendJson(req, res, docs, { policy: { visibility: community.restricted ? 'private' : 'public', maxAgeSeconds: 60 } });
  });
  return router;
}
