/**
 * POST /api/stats — the reference system's query endpoint, so its existing clients keep working.
 * Body: `{"<name>": {"stat": "<query>", "params": {community_id, start_date, end_date, date_basis}}}`;
 * dates are days or ISO date-times (the older reference frontend sends `…T00:00:00.000Z`), read as UTC days.
 * Answer: `{"<name>": <result>}` where a single query's result is its list of daily documents and
 * the composite `global-stats` / `community-stats` result is an object of those lists:
 * `record_deltas_{added,created,published}`, `record_snapshots_{…}`, `usage_deltas`, `usage_snapshots`
 * (only the asked basis's record lists when `date_basis` is given).
 */
import { Router } from 'express';
import { z } from 'zod';
import { GLOBAL, type AggregationKind } from '../../../src/core/kinds';
import { BASES, type Basis } from '../../../src/core/metrics';
import type { ServerContext } from '../context';
import { HttpError, badRequest } from '../errors';
import { DayOrDateTime, parseWith, utcToday } from '../params';
import { sendJson } from '../send';

const SINGLE: Record<string, (basis: Basis) => AggregationKind> = {
  'community-record-delta': (b) => `records-delta-${b}`,
  'community-record-snapshot': (b) => `records-snapshot-${b}`,
  'community-usage-delta': () => 'usage-delta',
  'community-usage-snapshot': () => 'usage-snapshot',
};
for (const b of BASES) {
  SINGLE[`community-record-delta-${b}`] = () => `records-delta-${b}`;
  SINGLE[`community-record-snapshot-${b}`] = () => `records-snapshot-${b}`;
}
const COMPOSITE = ['global-stats', 'community-stats'] as const;
export const STAT_NAMES = [...COMPOSITE, ...Object.keys(SINGLE)];

const ParamsSchema = z
  .object({
    community_id: z.string().min(1).optional(),
    start_date: DayOrDateTime.optional(),
    end_date: DayOrDateTime.optional(),
    date_basis: z.enum(BASES).optional(),
  })
  .loose();

const QuerySchema = z.object({ stat: z.string(), params: ParamsSchema.default({}) });
export const StatsRequestSchema = z.record(z.string(), QuerySchema);

export function statsRouter(ctx: ServerContext): Router {
  const router = Router();
  router.post('/api/stats', async (req, res) => {
    if (!req.is('application/json')) {
      throw new HttpError(415, 'unsupported_media_type', 'send the query as application/json');
    }
    const body = parseWith(StatsRequestSchema, req.body ?? null, 'body');
    const out: Record<string, unknown> = {};
    for (const [name, query] of Object.entries(body)) {
      out[name] = await answer(ctx, req, name, query);
    }
    await sendJson(req, res, out, { policy: { visibility: 'private', maxAgeSeconds: 0 } });
  });
  return router;
}

/** The community (readable by the request) and the days a reference query covers; shared with `/api/stats-dashboard`. */
export async function queryScope(
  ctx: ServerContext,
  req: Parameters<ServerContext['readableCommunity']>[0],
  name: string,
  communityId: string | undefined,
  params: z.output<typeof ParamsSchema>,
): Promise<{ community: { id: string }; start: string; end: string }> {
  if (!communityId) throw badRequest(`${name}.params.community_id`, 'required for this query');
  const community = await ctx.readableCommunity(req, communityId);
  const end = params.end_date ?? utcToday(ctx.now());
  // The reference treats a missing start as "everything"; one year back keeps an unbounded query bounded.
  const start = params.start_date ?? `${Number(end.slice(0, 4)) - 1}${end.slice(4)}`;
  if (start > end) throw badRequest(`${name}.params.start_date`, `must not be after end_date (${end})`);
  return { community, start, end };
}

async function answer(
  ctx: ServerContext,
  req: Parameters<ServerContext['readableCommunity']>[0],
  name: string,
  query: z.output<typeof QuerySchema>,
): Promise<unknown> {
  const { stat, params } = query;
  const isComposite = (COMPOSITE as readonly string[]).includes(stat);
  if (!isComposite && !SINGLE[stat]) throw badRequest(`${name}.stat`, `expected one of ${STAT_NAMES.join(', ')}`);
  const { community, start, end } = await queryScope(ctx, req, name, stat === 'global-stats' ? GLOBAL : params.community_id, params);
  const docs = (kind: AggregationKind) => ctx.domain.getDailyDocs(ctx.db, { kind, community: community.id, start, end });
  if (!isComposite) return docs(SINGLE[stat]!(params.date_basis ?? 'added'));
  const bases = params.date_basis ? [params.date_basis] : BASES;
  const result: Record<string, unknown> = {};
  for (const b of bases) {
    result[`record_deltas_${b}`] = await docs(`records-delta-${b}`);
    result[`record_snapshots_${b}`] = await docs(`records-snapshot-${b}`);
  }
  result.usage_deltas = await docs('usage-delta');
  result.usage_snapshots = await docs('usage-snapshot');
  return result;
}
