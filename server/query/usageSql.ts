/**
 * Usage metrics over periods, from the counted events (COUNTER rules, server/domain/counting.ts):
 * an event counts for `global` and for each community its record belonged to on the event's day,
 * as the aggregation attributes it. Distinct records, parents and files are counted over the
 * whole period; unique visitors are distinct per day and summed, since visitor ids rotate daily.
 *
 * Field dimensions and filters read the record's metadata on the event's day (metadata history,
 * server/domain/itemPeriods.ts), and the event's own country and referrer.
 */
import type { ItemDimension } from '../../src/api/query';
import { METRICS, type MetricId, type UsageMetricId } from '../../src/core/metrics';
import { USAGE_METRIC_COLUMNS } from '../storage/factSchema';
import { GLOBAL } from '../../src/core/kinds';
import { countedUsageSql } from '../domain/counting';
import { membershipIntervalsCte } from '../domain/aggregate/intervals';
import type { Bucket } from './range';
import { Params, bucketsCte, dimensionJoin, dimensionWhere, filtersOnDay, type EngineFilter } from './sqlParts';

const V = `ev.type = 'view'`;
const D = `ev.type = 'download'`;
const visitorDays = (type: string) => `COUNT(DISTINCT CASE WHEN ${type} THEN CAST(ev.day AS TEXT) || '|' || ev.visitor_id END)`;

/** What a distinct usage metric counts: the events it looks at and the key it counts once. */
const DISTINCT_KEYS: Partial<Record<MetricId, { type: string; key: string }>> = {
  views_unique_records: { type: V, key: 'ev.record_id' },
  views_unique_parents: { type: V, key: 'ev.parent_id' },
  downloads_unique_records: { type: D, key: 'ev.record_id' },
  downloads_unique_parents: { type: D, key: 'ev.parent_id' },
  downloads_unique_files: { type: D, key: `ev.record_id || '|' || COALESCE(ev.file_key, '')` },
};
const distinctCount = (m: MetricId) => `COUNT(DISTINCT CASE WHEN ${DISTINCT_KEYS[m]!.type} THEN ${DISTINCT_KEYS[m]!.key} END)`;

/** How a usage metric is counted over a period's events (every usage metric: `satisfies` fails the type check on a missing one). */
const USAGE_EXPRESSIONS: Partial<Record<MetricId, string>> = {
  views: `SUM(CASE WHEN ${V} THEN 1 ELSE 0 END)`,
  views_unique_visitors: visitorDays(V),
  views_unique_records: distinctCount('views_unique_records'),
  views_unique_parents: distinctCount('views_unique_parents'),
  downloads: `SUM(CASE WHEN ${D} THEN 1 ELSE 0 END)`,
  downloads_unique_visitors: visitorDays(D),
  downloads_unique_records: distinctCount('downloads_unique_records'),
  downloads_unique_parents: distinctCount('downloads_unique_parents'),
  downloads_unique_files: distinctCount('downloads_unique_files'),
  download_volume: `SUM(CASE WHEN ${D} THEN COALESCE(ev.size, 0) ELSE 0 END)`,
} satisfies Record<UsageMetricId, string>;

/** Which events a period takes: its own (`delta`) or all up to its end (`cumulative`). */
export type EventMatch = 'within' | 'to_end';

export interface UsageQueryPlan {
  community: string;
  metrics: readonly MetricId[];
  match: EventMatch;
  buckets: readonly Bucket[];
  /** The first day events are read from (the range's start, or the data's first day for running totals). */
  from: string;
  fields: readonly ItemDimension[];
  filters: readonly EngineFilter[];
  /** Leave out the records a restricted community ever held (what a public `global` record breakdown may name). */
  hideRestricted?: boolean;
}

/** Records a restricted community has held: never named by a public instance-wide list. */
const RESTRICTED_RECORDS = `SELECT rm.record_id FROM memberships rm JOIN communities rc ON rc.community_id = rm.community_id
  WHERE rc.restricted AND rm.action = 'added'`;

/** Columns: `b` (period label), `d0`, `d1` (the field dimensions' items), then one per metric. */
export function usageQuerySql(plan: UsageQueryPlan): { sql: string; params: unknown[] } {
  const p = new Params();
  const isGlobal = plan.community === GLOBAL;
  const to = plan.buckets[plan.buckets.length - 1]!.end;
  const from = plan.from < to ? plan.from : to;
  const community = isGlobal ? '' : p.add(plan.community);
  const membership = isGlobal
    ? ''
    : `JOIN mem_iv m ON m.record_id = ev.record_id AND ev.day >= m.m_start AND (m.m_end IS NULL OR ev.day < m.m_end)`;
  const at = { day: 'ev.day' };
  const dims = plan.fields.map((f, i) => dimensionJoin(f, p, 'ev', i, at));
  const filters = filtersOnDay(plan.filters, p, 'ev', at.day);
  const where = [
    filters.where,
    ...plan.fields.map((f) => dimensionWhere(f, 'ev')),
    ...(plan.hideRestricted ? [`ev.record_id NOT IN (${RESTRICTED_RECORDS})`] : []),
  ].join(' AND ');
  const head = `WITH ${isGlobal ? '' : `${membershipIntervalsCte(`AND community_id = ${community}`)},`}
ev AS (${countedUsageSql({ from, to })}),
${bucketsCte(plan.buckets)}`;
  const source = `FROM ev ${membership} ${dims.map((d) => d.join).join(' ')} ${filters.joins}`;
  const items = dims.map((d, i) => `${d.item} AS d${i}`);
  const itemCols = dims.map((_, i) => `d${i}`);
  if (plan.match === 'to_end' && plan.metrics.every((m) => DISTINCT_KEYS[m])) {
    // A distinct count up to a period's end counts the keys first seen by then: one pass finds
    // each key's first day, instead of joining every event to every period that ends after it.
    const firsts = plan.metrics.map((m, i) => {
      const { type, key } = DISTINCT_KEYS[m]!;
      return `SELECT ${[...items, `${i} AS mi`, `${key} AS k`].join(', ')}, MIN(ev.day) AS first_day
${source}
WHERE ${where} AND ${type} AND ${key} IS NOT NULL
GROUP BY ${[...dims.map((d) => d.item), key].join(', ')}`;
    });
    const counts = plan.metrics.map((_, i) => `CAST(SUM(CASE WHEN f.mi = ${i} THEN 1 ELSE 0 END) AS BIGINT) AS m${i}`);
    const sql = `${head},
f AS (${firsts.join('\nUNION ALL\n')})
SELECT ${['bk.b AS b', ...itemCols.map((c) => `f.${c} AS ${c}`)].join(', ')}, ${counts.join(', ')}
FROM f JOIN bk ON f.first_day <= bk.be
GROUP BY ${['bk.b', ...itemCols.map((c) => `f.${c}`)].join(', ')}`;
    return { sql, params: p.values };
  }
  const groups = ['bk.b', ...dims.map((d) => d.item)];
  const metrics = plan.metrics.map((m, i) => `CAST(${USAGE_EXPRESSIONS[m]} AS BIGINT) AS m${i}`);
  const match = plan.match === 'within' ? 'ev.day BETWEEN bk.bs AND bk.be' : 'ev.day <= bk.be';
  const sql = `${head}
SELECT ${groups.map((g, i) => (i === 0 ? `${g} AS b` : `${g} AS d${i - 1}`)).join(', ')}, ${metrics.join(', ')}
${source}
JOIN bk ON ${match}
WHERE ${where}
GROUP BY ${groups.join(', ')}`;
  return { sql, params: p.values };
}

/** The daily usage facts' column of a metric a period sums (exact per community, day and item); undefined for distinct counts. */
const summedFactColumn = (m: MetricId): string | undefined =>
  METRICS[m].overPeriod === 'sum' ? USAGE_METRIC_COLUMNS[m as UsageMetricId] : undefined;

/** Whether `usageFigureSql` reads the facts (which hold the imported history days too) rather than the events. */
export const readsUsageFacts = (plan: UsageQueryPlan) => plan.match === 'within' && plan.filters.length === 0 && plan.fields.length <= 1
  && !plan.fields.includes('record') && !plan.hideRestricted && plan.metrics.every((m) => summedFactColumn(m) !== undefined);

/**
 * Summed metrics within periods, unfiltered and by at most one field, add up the aggregated daily
 * facts instead of re-counting the events: the same figures (the facts are exact per day and
 * item, and these metrics are sums of days), read from a table a hundred times smaller.
 */
export function usageFigureSql(plan: UsageQueryPlan): { sql: string; params: unknown[] } {
  if (!readsUsageFacts(plan)) return usageQuerySql(plan);
  const p = new Params();
  const community = p.add(plan.community);
  const field = p.add(plan.fields[0] ?? '');
  const metrics = plan.metrics.map((m, i) => `CAST(SUM(f.${summedFactColumn(m)}) AS BIGINT) AS m${i}`);
  const item = plan.fields.length ? ', f.item_id AS d0' : '';
  const sql = `WITH ${bucketsCte(plan.buckets)}
SELECT bk.b AS b${item}, ${metrics.join(', ')}
FROM agg_usage_facts f JOIN bk ON f.day BETWEEN bk.bs AND bk.be
WHERE f.community_id = ${community} AND f.field = ${field}
GROUP BY bk.b${item ? ', f.item_id' : ''}`;
  return { sql, params: p.values };
}
