/**
 * Usage delta facts for a range of days, all communities at once, in one SQL statement.
 *
 * Each counted event counts for `global` and for every community its record belonged to on the
 * event's day (membership intervals), under the totals row and under each of the record's
 * subcount items, its visitor country and its referrer host. Distinct counts are exact per
 * (community, day, item).
 */
import { USAGE_FIELD_IDS } from '../../../src/core/fields';
import type { SqlEngine } from '../../storage/port';
import { countedEventsSql } from '../counting';
import { membershipIntervalsCte } from './intervals';

const RECORD_FIELDS = USAGE_FIELD_IDS.filter((f) => f !== 'countries' && f !== 'referrers');

/** Which communities a statement covers: all of them, or a list (`global` included when listed). */
export type CommunitySet = 'all' | readonly string[];

function inList(communities: readonly string[]): string {
  return communities.map((c) => `'${c.replace(/'/g, "''")}'`).join(', ');
}

export function usageFactsSql(range: { from: string; to: string }, communities: CommunitySet = 'all'): string {
  const events = countedEventsSql(range);
  const named = communities === 'all' ? [] : communities.filter((c) => c !== 'global');
  const withGlobal = communities === 'all' || communities.includes('global');
  const withCommunities = communities === 'all' || named.length > 0;
  const memFilter = communities === 'all' ? '' : `AND community_id IN (${named.length ? inList(named) : "''"})`;
  const branches = [
    ...(withGlobal ? [`SELECT 'global' AS community_id, ev.* FROM ev`] : []),
    ...(withCommunities
      ? [`SELECT m.community_id, ev.* FROM ev JOIN mem_iv m ON m.record_id = ev.record_id
    AND ev.day >= m.m_start AND (m.m_end IS NULL OR ev.day < m.m_end)`]
      : []),
  ];
  const isView = `type = 'view'`;
  const isDl = `type = 'download'`;
  return `INSERT INTO agg_usage_facts (community_id, day, field, item_id, v_events, v_visitors, v_records, v_parents,
  d_events, d_visitors, d_records, d_parents, d_files, d_volume)
WITH ${membershipIntervalsCte(memFilter)},
ev AS (
  SELECT e.type, e.day, e.record_id, COALESCE(r.parent_id, e.record_id) AS parent_id, e.visitor_id,
         e.file_key, e.size, e.country, e.referrer
  FROM (${events}) e LEFT JOIN records r ON r.record_id = e.record_id
),
evc AS (
  ${branches.join('\n  UNION ALL\n  ')}
),
exploded AS (
  SELECT community_id, day, '' AS field, '' AS item_id, type, record_id, parent_id, visitor_id, file_key, size FROM evc
  UNION ALL
  SELECT c.community_id, c.day, i.field, i.item_id, c.type, c.record_id, c.parent_id, c.visitor_id, c.file_key, c.size
  FROM evc c JOIN record_items i ON i.record_id = c.record_id
  WHERE i.field IN (${RECORD_FIELDS.map((f) => `'${f}'`).join(', ')})
  UNION ALL
  SELECT community_id, day, 'countries', country, type, record_id, parent_id, visitor_id, file_key, size
  FROM evc WHERE country IS NOT NULL AND country <> ''
  UNION ALL
  SELECT community_id, day, 'referrers', referrer, type, record_id, parent_id, visitor_id, file_key, size
  FROM evc WHERE referrer IS NOT NULL AND referrer <> ''
)
SELECT community_id, day, field, item_id,
  CAST(SUM(CASE WHEN ${isView} THEN 1 ELSE 0 END) AS BIGINT),
  COUNT(DISTINCT CASE WHEN ${isView} THEN visitor_id END),
  COUNT(DISTINCT CASE WHEN ${isView} THEN record_id END),
  COUNT(DISTINCT CASE WHEN ${isView} THEN parent_id END),
  CAST(SUM(CASE WHEN ${isDl} THEN 1 ELSE 0 END) AS BIGINT),
  COUNT(DISTINCT CASE WHEN ${isDl} THEN visitor_id END),
  COUNT(DISTINCT CASE WHEN ${isDl} THEN record_id END),
  COUNT(DISTINCT CASE WHEN ${isDl} THEN parent_id END),
  COUNT(DISTINCT CASE WHEN ${isDl} THEN record_id || '/' || COALESCE(file_key, '') END),
  CAST(SUM(CASE WHEN ${isDl} THEN COALESCE(size, 0) ELSE 0 END) AS BIGINT)
FROM exploded
GROUP BY community_id, day, field, item_id`;
}

/** Replace the usage facts of the days `from..to`, for every community or the listed ones. */
export async function rebuildUsageFacts(
  tx: SqlEngine,
  range: { from: string; to: string },
  communities: CommunitySet = 'all',
): Promise<void> {
  if (communities !== 'all' && communities.length === 0) return;
  const only = communities === 'all' ? '' : `AND community_id IN (${inList(communities)})`;
  await tx.exec(`DELETE FROM agg_usage_facts WHERE day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) ${only}`, [
    range.from,
    range.to,
  ]);
  await tx.exec(usageFactsSql(range, communities));
}
