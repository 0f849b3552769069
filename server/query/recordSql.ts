/**
 * Record metrics over periods, from the base tables: each stay of a record in the community
 * (membership intervals dated by the basis, the same intervals the aggregation uses) is joined
 * to the periods it entered, left, or was held at the end of. Distinct metrics (parents,
 * uploaders) are then counted distinct over the whole period, never summed from days.
 */
import type { ItemDimension } from '../../src/api/query';
import type { Basis, MetricId, RecordMetricId } from '../../src/core/metrics';
import { GLOBAL } from '../../src/core/kinds';
import { membershipIntervalsCte, recordIntervalsCte } from '../domain/aggregate/intervals';
import type { Bucket } from './range';
import { Params, bucketsCte, dimensionJoin, filtersWhere, type EngineFilter } from './sqlParts';

/** How a record metric is counted over the stays matched to a period (every record metric: `satisfies` fails the type check on a missing one). */
const RECORD_EXPRESSIONS: Partial<Record<MetricId, string>> = {
  records: 'COUNT(*)',
  records_with_files: 'SUM(CASE WHEN st.wf THEN 1 ELSE 0 END)',
  records_metadata_only: 'SUM(CASE WHEN st.wf THEN 0 ELSE 1 END)',
  files: 'SUM(st.fc)',
  data_volume: 'SUM(st.dv)',
  parents: 'COUNT(DISTINCT st.parent_id)',
  parents_with_files: 'COUNT(DISTINCT CASE WHEN st.wf THEN st.parent_id END)',
  // Distinct parents of the matched records without files: a parent with both kinds of versions
  // counts under both, so a period's figure is never below one of its parts' (a subtraction would be).
  parents_metadata_only: 'COUNT(DISTINCT CASE WHEN st.wf THEN NULL ELSE st.parent_id END)',
  uploaders: 'COUNT(DISTINCT st.owner_id)',
} satisfies Record<RecordMetricId, string>;

/** Which stays a period takes: entering in it, leaving in it, or held at its end. */
export type StayMatch = 'entered' | 'left' | 'held';

const MATCH: Record<StayMatch, string> = {
  entered: 'st.s BETWEEN bk.bs AND bk.be',
  left: 'st.e BETWEEN bk.bs AND bk.be',
  held: 'st.s <= bk.be AND (st.e IS NULL OR st.e > bk.be)',
};

export interface RecordQueryPlan {
  community: string;
  basis: Basis;
  metrics: readonly MetricId[];
  match: StayMatch;
  buckets: readonly Bucket[];
  fields: readonly ItemDimension[];
  filters: readonly EngineFilter[];
}

/** Columns: `b` (period label), `d0`, `d1` (the field dimensions' items), then one per metric. */
export function recordQuerySql(plan: RecordQueryPlan): { sql: string; params: unknown[] } {
  const p = new Params();
  const isGlobal = plan.community === GLOBAL;
  const community = p.add(plan.community);
  const basis = p.add(plan.basis);
  const ctes = [
    ...(isGlobal ? [] : [membershipIntervalsCte(`AND community_id = ${community}`)]),
    recordIntervalsCte({ includeGlobal: isGlobal, includeCommunities: !isGlobal }),
  ];
  const dims = plan.fields.map((f, i) => dimensionJoin(f, p, 'v', i));
  // A file-type item carries its own file count and volume; other fields take the record's.
  const itemCounts = dims.length ? `COALESCE(${dims.map((_, i) => `i${i}.file_count`).join(', ')}, v.file_count)` : 'v.file_count';
  const itemVolume = dims.length ? `COALESCE(${dims.map((_, i) => `i${i}.data_volume`).join(', ')}, v.data_volume)` : 'v.data_volume';
  const where = filtersWhere(plan.filters, p, 'v');
  const dimCols = dims.map((d, i) => `${d.item} AS d${i}`);
  const stays = `st AS (
  SELECT v.record_id, v.parent_id, v.owner_id, v.s, v.e, v.wf, ${itemCounts} AS fc, ${itemVolume} AS dv${dimCols.map((c) => `, ${c}`).join('')}
  FROM rec_iv v ${dims.map((d) => d.join).join(' ')}
  WHERE v.basis = ${basis} AND v.community_id = ${community} AND ${where}
)`;
  const groups = ['bk.b', ...dims.map((_, i) => `st.d${i}`)];
  const metrics = plan.metrics.map((m, i) => `CAST(${RECORD_EXPRESSIONS[m]} AS BIGINT) AS m${i}`);
  const sql = `WITH ${ctes.join(',')},
${stays},
${bucketsCte(plan.buckets)}
SELECT ${groups.map((g, i) => (i === 0 ? `${g} AS b` : `${g} AS d${i - 1}`)).join(', ')}, ${metrics.join(', ')}
FROM st JOIN bk ON ${MATCH[plan.match]}
GROUP BY ${groups.join(', ')}`;
  return { sql, params: p.values };
}

