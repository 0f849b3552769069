/**
 * POST /api/stats — the reference system's query endpoint, so its existing clients keep working.
 * Body: `{"<name>": {"stat": "<query>", "params": {community_id, start_date, end_date, date_basis}}}`;
 * dates are days or ISO date-times (the older reference frontend sends `…T00:00:00.000Z`), read as UTC days.
 * Answer: `{"<name>": <result>}` where a single query's result is its list of daily documents and
 * the composite `global-stats` / `community-stats` result is an object of those lists:
 * `record_deltas_{added,created,published}`, `record_snapshots_{…}`, `usage_deltas`, `usage_snapshots`
 * (only the asked basis's record lists when `date_basis` is given).
 * Budgets (server/config/limits.ts): at most REPOSTATS_STATS_MAX_QUERIES queries per body and
 * REPOSTATS_MAX_RANGE_DAYS days per query (a missing start_date means that many days back); the
 * answer is written list by list as it is read.
 */
import { Router } from 'express';
import { z } from 'zod';
import { GLOBAL, type AggregationKind } from '../../../src/core/kinds';
import { BASES, type Basis } from '../../../src/core/metrics';
import { addDays, toEpochDay } from '../../domain/aggregate/days';
import { ChunkWriter } from '../../stream/chunkWriter';
import type { ServerContext } from '../context';
import { HttpError, badRequest, budgetExceeded } from '../errors';
import { DayOrDateTime, parseWith, utcToday } from '../params';
import { sendStream } from '../sendStream';

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

/** One query, checked and resolved before anything is sent: the lists it answers with. */
interface Plan {
  name: string;
  community: string;
  start: string;
  end: string;
  /** `key` null: the query's answer is the list itself (single queries). */
  lists: { key: string | null; kind: AggregationKind }[];
}

export function statsRouter(ctx: ServerContext): Router {
  const router = Router();
  const { statsMaxQueries } = ctx.config.limits;
  router.post('/api/stats', async (req, res) => {
    if (!req.is('application/json')) {
      throw new HttpError(415, 'unsupported_media_type', 'send the query as application/json');
    }
    const body = parseWith(StatsRequestSchema, req.body ?? null, 'body');
    const names = Object.keys(body);
    if (names.length > statsMaxQueries) {
      throw budgetExceeded('body', 'REPOSTATS_STATS_MAX_QUERIES', statsMaxQueries, `${names.length} queries in one request; send them in several`);
    }
    const plans: Plan[] = [];
    for (const name of names) plans.push(await plan(ctx, req, name, body[name]!));
    // Written list by list: three global-stats queries made one 500 MB string before.
    await sendStream(req, res, { contentType: 'application/json', policy: { visibility: 'private', maxAgeSeconds: 0 } }, async (out) => {
      const w = new ChunkWriter(out);
      await w.write('{');
      for (const [i, p] of plans.entries()) {
        await w.write(`${i > 0 ? ',' : ''}${JSON.stringify(p.name)}:`);
        const composite = p.lists[0]?.key !== null;
        if (composite) await w.write('{');
        for (const [j, list] of p.lists.entries()) {
          if (list.key !== null) await w.write(`${j > 0 ? ',' : ''}${JSON.stringify(list.key)}:`);
          const docs = await ctx.domain.getDailyDocs(ctx.db, { kind: list.kind, community: p.community, start: p.start, end: p.end });
          await w.write('[');
          for (const [k, doc] of docs.entries()) await w.write(`${k > 0 ? ',' : ''}${JSON.stringify(doc)}`);
          await w.write(']');
        }
        if (composite) await w.write('}');
      }
      await w.write('}');
      await w.flush();
    });
  });
  return router;
}

/** The community (readable by the request) and the days a reference query covers, within the range budget; shared with `/api/stats-dashboard`. */
export async function queryScope(
  ctx: ServerContext,
  req: Parameters<ServerContext['readableCommunity']>[0],
  name: string,
  communityId: string | undefined,
  params: z.output<typeof ParamsSchema>,
): Promise<{ community: { id: string }; start: string; end: string }> {
  if (!communityId) throw badRequest(`${name}.params.community_id`, 'required for this query');
  const community = await ctx.readableCommunity(req, communityId);
  const { maxRangeDays } = ctx.config.limits;
  const end = params.end_date ?? utcToday(ctx.now());
  // The reference treats a missing start as "everything"; the longest allowed range keeps it bounded.
  const start = params.start_date ?? addDays(end, 1 - maxRangeDays);
  if (start > end) throw badRequest(`${name}.params.start_date`, `must not be after end_date (${end})`);
  const days = toEpochDay(end) - toEpochDay(start) + 1;
  if (days > maxRangeDays) {
    throw budgetExceeded(`${name}.params`, 'REPOSTATS_MAX_RANGE_DAYS', maxRangeDays, `${start} to ${end} is ${days} days; ask for shorter ranges`);
  }
  return { community, start, end };
}

async function plan(
  ctx: ServerContext,
  req: Parameters<ServerContext['readableCommunity']>[0],
  name: string,
  query: z.output<typeof QuerySchema>,
): Promise<Plan> {
  const { stat, params } = query;
  const isComposite = (COMPOSITE as readonly string[]).includes(stat);
  if (!isComposite && !SINGLE[stat]) throw badRequest(`${name}.stat`, `expected one of ${STAT_NAMES.join(', ')}`);
  const { community, start, end } = await queryScope(ctx, req, name, stat === 'global-stats' ? GLOBAL : params.community_id, params);
  const base = { name, community: community.id, start, end };
  if (!isComposite) return { ...base, lists: [{ key: null, kind: SINGLE[stat]!(params.date_basis ?? 'added') }] };
  const lists: Plan['lists'] = [];
  for (const b of params.date_basis ? [params.date_basis] : BASES) {
    lists.push({ key: `record_deltas_${b}`, kind: `records-delta-${b}` }, { key: `record_snapshots_${b}`, kind: `records-snapshot-${b}` });
  }
  lists.push({ key: 'usage_deltas', kind: 'usage-delta' }, { key: 'usage_snapshots', kind: 'usage-snapshot' });
  return { ...base, lists };
}
