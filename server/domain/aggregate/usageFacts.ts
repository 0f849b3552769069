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

const USAGE_COLUMNS = [
  'v_events', 'v_visitors', 'v_records', 'v_parents',
  'd_events', 'd_visitors', 'd_records', 'd_parents', 'd_files', 'd_volume',
] as const;
type UsageColumn = (typeof USAGE_COLUMNS)[number];

const GROUP = 'community_id, day, field, item_id';
const isDl = `type = 'download'`;
const views = `SUM(CASE WHEN type = 'view' THEN 1 ELSE 0 END)`;
const downloads = `SUM(CASE WHEN ${isDl} THEN 1 ELSE 0 END)`;

/** Distinct (group, type, column) rows; counting them per group gives the exact distinct count. */
function distinct(source: string, column: string): string {
  return `(SELECT DISTINCT ${GROUP}, type, ${column} FROM ${source}) x`;
}

/** One branch of the union: the given columns aggregated per group, every other column zero. */
function part(from: string, group: string, values: Partial<Record<UsageColumn, string>>): string {
  // BIGINT, not the engines' wider SUM types: the outer sum adds a handful of parts per group.
  const cols = USAGE_COLUMNS.map((c) => `CAST(${values[c] ?? '0'} AS BIGINT) AS ${c}`).join(', ');
  return `SELECT ${group}, ${cols} FROM ${from} GROUP BY ${group}`;
}

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
  const recordItems = `(
    SELECT record_id, field, item_id FROM record_items
    WHERE field IN (${RECORD_FIELDS.map((f) => `'${f}'`).join(', ')})
    UNION ALL
    SELECT DISTINCT record_id, '' AS field, '' AS item_id FROM rd
  )`;
  const byItem = (source: string) => `${source} s JOIN ${recordItems} i ON i.record_id = s.record_id`;
  const g = 's.community_id, s.day, i.field, i.item_id';
  return `INSERT INTO agg_usage_facts (community_id, day, field, item_id, ${USAGE_COLUMNS.join(', ')})
WITH ${membershipIntervalsCte(memFilter)},
ev AS (
  SELECT e.type, e.day, e.record_id, COALESCE(r.parent_id, e.record_id) AS parent_id, e.visitor_id,
         e.file_key, COALESCE(e.size, f.size) AS size, e.country, e.referrer
  FROM (${events}) e LEFT JOIN records r ON r.record_id = e.record_id
  -- Raw hits carry no size: a download counts the size of the file it names.
  LEFT JOIN record_files f ON f.record_id = e.record_id AND f.file_key = e.file_key
),
evc AS MATERIALIZED (
  ${branches.join('\n  UNION ALL\n  ')}
),
rd AS MATERIALIZED (
  SELECT community_id, day, type, record_id, parent_id, COUNT(*) AS n, SUM(COALESCE(size, 0)) AS vol
  FROM evc GROUP BY community_id, day, type, record_id, parent_id
),
rv AS MATERIALIZED (SELECT DISTINCT community_id, day, type, record_id, visitor_id FROM evc),
rf AS MATERIALIZED (SELECT DISTINCT community_id, day, record_id, file_key FROM evc WHERE ${isDl}),
geo AS MATERIALIZED (
  SELECT community_id, day, 'countries' AS field, country AS item_id, type, record_id, parent_id, visitor_id, file_key, size
  FROM evc WHERE country IS NOT NULL AND country <> ''
  UNION ALL
  SELECT community_id, day, 'referrers', referrer, type, record_id, parent_id, visitor_id, file_key, size
  FROM evc WHERE referrer IS NOT NULL AND referrer <> ''
),
parts AS (
  ${[
    // Record-level subcounts: one row per record-day first (a record's events collapse), then its items.
    part(byItem('rd'), g, {
      v_events: `SUM(CASE WHEN s.type = 'view' THEN s.n ELSE 0 END)`, d_events: `SUM(CASE WHEN s.${isDl} THEN s.n ELSE 0 END)`,
      d_volume: `SUM(CASE WHEN s.${isDl} THEN s.vol ELSE 0 END)`,
      v_records: `SUM(CASE WHEN s.type = 'view' THEN 1 ELSE 0 END)`, d_records: `SUM(CASE WHEN s.${isDl} THEN 1 ELSE 0 END)`,
    }),
    part(`(SELECT DISTINCT ${g}, s.type, s.parent_id FROM ${byItem('rd')}) x`, GROUP, { v_parents: views, d_parents: downloads }),
    part(`(SELECT DISTINCT ${g}, s.type, s.visitor_id FROM ${byItem('rv')}) x`, GROUP, { v_visitors: views, d_visitors: downloads }),
    part(byItem('rf'), g, { d_files: 'COUNT(*)' }),
    // Event-level subcounts (visitor country, referrer host).
    part('geo', GROUP, { v_events: views, d_events: downloads, d_volume: `SUM(CASE WHEN ${isDl} THEN COALESCE(size, 0) ELSE 0 END)` }),
    part(distinct('geo', 'visitor_id'), GROUP, { v_visitors: views, d_visitors: downloads }),
    part(distinct('geo', 'record_id'), GROUP, { v_records: views, d_records: downloads }),
    part(distinct('geo', 'parent_id'), GROUP, { v_parents: views, d_parents: downloads }),
    part(`(SELECT DISTINCT ${GROUP}, record_id, file_key FROM geo WHERE ${isDl}) x`, GROUP, { d_files: 'COUNT(*)' }),
  ].join('\n  UNION ALL\n  ')}
)
SELECT ${GROUP}, ${USAGE_COLUMNS.map((c) => `CAST(SUM(${c}) AS BIGINT)`).join(', ')}
FROM parts GROUP BY ${GROUP}`;
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
