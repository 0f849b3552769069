/**
 * Usage delta facts for a range of days, all communities at once, in one SQL statement.
 *
 * Each counted event counts for `global` and for every community its record belonged to on the
 * event's day (membership intervals), under the totals row and under each of the record's
 * subcount items as they were on the event's day (metadata history), its visitor country and its
 * referrer host. Distinct counts are exact per (community, day, item).
 */
import { USAGE_FIELD_IDS } from '../../../src/core/fields';
import type { SqlEngine } from '../../storage/port';
import { countedUsageSql, rebuildCountedEventsSql } from '../counting';
import { FACT_COLUMNS } from './facts';
import { membershipIntervalsCte } from './intervals';
import { HISTORY_START, inPeriod, itemPeriodsSql } from '../itemPeriods';

const RECORD_FIELDS = USAGE_FIELD_IDS.filter((f) => f !== 'countries' && f !== 'referrers');

const USAGE_COLUMNS = FACT_COLUMNS.usage;
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

/** The usage columns summed (or, with a table alias, passed through), as BIGINT. */
function sums(alias?: string): string {
  return USAGE_COLUMNS.map((c) => (alias ? `${alias}.${c}` : `CAST(SUM(${c}) AS BIGINT) AS ${c}`)).join(', ');
}

/** Which communities a statement covers: all of them, or a list (`global` included when listed). */
export type CommunitySet = 'all' | readonly string[];

function inList(communities: readonly string[]): string {
  return communities.map((c) => `'${c.replace(/'/g, "''")}'`).join(', ');
}

export function usageFactsSql(range: { from: string; to: string }, communities: CommunitySet = 'all'): string {
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
  // Record items as small integer keys (ik; 0 is the totals row): the wide groupings below run on
  // (community, day, ik) instead of the item's text, and the text is joined back once at the end.
  // Each record's items come with the period they were its metadata (itemPeriods.ts): a record-day
  // takes the items of its version on that day.
  const itemKeys = `
rip AS MATERIALIZED (
  SELECT * FROM ${itemPeriodsSql((a) => `${a}.field IN (${RECORD_FIELDS.map((f) => `'${f}'`).join(', ')})`)} x
),
idict AS MATERIALIZED (
  SELECT field, item_id, ROW_NUMBER() OVER (ORDER BY field, item_id) AS ik
  FROM (SELECT DISTINCT field, item_id FROM rip) x
  UNION ALL
  SELECT '' AS field, '' AS item_id, 0 AS ik
),
ri AS MATERIALIZED (
  SELECT i.record_id, d.ik, i.valid_from, i.valid_to FROM rip i JOIN idict d ON d.field = i.field AND d.item_id = i.item_id
  WHERE i.record_id IN (SELECT record_id FROM rd)
  UNION ALL
  SELECT DISTINCT record_id, 0 AS ik, DATE '${HISTORY_START}' AS valid_from, CAST(NULL AS DATE) AS valid_to FROM rd
)`;
  const byItem = (source: string) => `${source} s JOIN ri i ON i.record_id = s.record_id AND ${inPeriod('i', 's.day')}`;
  const g = 's.community_id, s.day, i.ik';
  const IK = 'community_id, day, ik';
  const when = (cond: string, value: string) => `SUM(CASE WHEN ${cond} THEN ${value} ELSE 0 END)`;
  return `INSERT INTO agg_usage_facts (community_id, day, field, item_id, ${USAGE_COLUMNS.join(', ')})
WITH ${membershipIntervalsCte(memFilter)},
ev AS (${countedUsageSql(range)}),
evc AS MATERIALIZED (
  ${branches.join('\n  UNION ALL\n  ')}
),
-- Distinct visitors per record and day, and those who reached more than one record that day.
rv AS MATERIALIZED (SELECT DISTINCT community_id, day, type, record_id, visitor_id FROM evc),
vm AS MATERIALIZED (
  SELECT community_id, day, type, visitor_id FROM rv
  GROUP BY community_id, day, type, visitor_id HAVING COUNT(*) > 1
),
rvm AS (
  SELECT rv.* FROM rv JOIN vm ON vm.community_id = rv.community_id AND vm.day = rv.day
    AND vm.type = rv.type AND vm.visitor_id = rv.visitor_id
),
-- Per record: the visitors who reached it and no other record that day.
rvs AS (
  SELECT community_id, day, type, record_id, SUM(k) AS sv FROM (
    SELECT community_id, day, type, record_id, 1 AS k FROM rv
    UNION ALL
    SELECT community_id, day, type, record_id, -1 AS k FROM rvm
  ) x GROUP BY community_id, day, type, record_id
),
-- One row per record, day and type: its events and volume, the visitors who reached only this
-- record (sv), whether its parent was reached through this record alone (sp), its files (nf).
rd AS MATERIALIZED (
  SELECT a.community_id, a.day, a.type, a.record_id, a.parent_id, a.n, a.vol,
         COALESCE(v.sv, 0) AS sv, CASE WHEN a.pn = 1 THEN 1 ELSE 0 END AS sp,
         CASE WHEN a.${isDl} THEN a.nf ELSE 0 END AS nf
  FROM (
    SELECT community_id, day, type, record_id, parent_id, n, vol, nf,
           COUNT(*) OVER (PARTITION BY community_id, day, type, parent_id) AS pn
    FROM (
      -- nf: the distinct files downloaded (an event without a file key counts as one file). Counted
      -- here rather than joined from a per-record CTE: PostgreSQL under-estimated such a CTE at 200
      -- rows and merge-joined it on (community, day) alone, filtering 935 M row pairs per month of
      -- the medium demo (BENCHMARKS.md, "Why PostgreSQL's usage phase was slow").
      SELECT community_id, day, type, record_id, parent_id, COUNT(*) AS n, SUM(COALESCE(size, 0)) AS vol,
             COUNT(DISTINCT file_key) + MAX(CASE WHEN file_key IS NULL THEN 1 ELSE 0 END) AS nf
      FROM evc GROUP BY community_id, day, type, record_id, parent_id
    ) r
  ) a
  LEFT JOIN rvs v ON v.community_id = a.community_id AND v.day = a.day AND v.type = a.type AND v.record_id = a.record_id
),${itemKeys},
geo AS MATERIALIZED (
  SELECT community_id, day, 'countries' AS field, country AS item_id, type, record_id, parent_id, visitor_id, file_key, size
  FROM evc WHERE country IS NOT NULL AND country <> ''
  UNION ALL
  SELECT community_id, day, 'referrers', referrer, type, record_id, parent_id, visitor_id, file_key, size
  FROM evc WHERE referrer IS NOT NULL AND referrer <> ''
),
-- Record-level subcounts: one row per record-day first (a record's events collapse), then its
-- items. A visitor or parent reached through one record only counts once under each of that
-- record's items, so summing is exact for them; the rest are counted distinct.
rparts AS (
  ${[
    part(byItem('rd'), g, {
      v_events: when(`s.type = 'view'`, 's.n'), d_events: when(`s.${isDl}`, 's.n'),
      d_volume: when(`s.${isDl}`, 's.vol'),
      v_records: when(`s.type = 'view'`, '1'), d_records: when(`s.${isDl}`, '1'),
      v_visitors: when(`s.type = 'view'`, 's.sv'), d_visitors: when(`s.${isDl}`, 's.sv'),
      v_parents: when(`s.type = 'view'`, 's.sp'), d_parents: when(`s.${isDl}`, 's.sp'),
      d_files: 'SUM(s.nf)',
    }),
    part(`(SELECT DISTINCT ${g}, s.type, s.parent_id FROM ${byItem('rd')} WHERE s.sp = 0) x`, IK, { v_parents: views, d_parents: downloads }),
    part(`(SELECT DISTINCT ${g}, s.type, s.visitor_id FROM ${byItem('rvm')}) x`, IK, { v_visitors: views, d_visitors: downloads }),
  ].join('\n  UNION ALL\n  ')}
),
-- Event-level subcounts (visitor country, referrer host).
gparts AS (
  ${[
    part('geo', GROUP, { v_events: views, d_events: downloads, d_volume: `SUM(CASE WHEN ${isDl} THEN COALESCE(size, 0) ELSE 0 END)` }),
    part(distinct('geo', 'visitor_id'), GROUP, { v_visitors: views, d_visitors: downloads }),
    part(distinct('geo', 'record_id'), GROUP, { v_records: views, d_records: downloads }),
    part(distinct('geo', 'parent_id'), GROUP, { v_parents: views, d_parents: downloads }),
    part(`(SELECT DISTINCT ${GROUP}, record_id, file_key FROM geo WHERE ${isDl}) x`, GROUP, { d_files: 'COUNT(*)' }),
  ].join('\n  UNION ALL\n  ')}
)
SELECT r.community_id, r.day, d.field, d.item_id, ${sums('r')}
FROM (SELECT ${IK}, ${sums()} FROM rparts GROUP BY ${IK}) r JOIN idict d ON d.ik = r.ik
UNION ALL
SELECT ${GROUP}, ${sums()} FROM gparts GROUP BY ${GROUP}`;
}

/** Replace the usage facts of the days `from..to`, for every community or the listed ones. */
export async function rebuildUsageFacts(
  tx: SqlEngine,
  range: { from: string; to: string },
  communities: CommunitySet = 'all',
): Promise<void> {
  if (communities !== 'all' && communities.length === 0) return;
  // Every community's recompute covers the days whose events changed ('*' dirt and new days): the
  // counted events of those days are rewritten first, and every facts statement reads them.
  if (communities === 'all') for (const sql of rebuildCountedEventsSql(range)) await tx.exec(sql);
  const only = communities === 'all' ? '' : `AND community_id IN (${inList(communities)})`;
  await tx.exec(`DELETE FROM agg_usage_facts WHERE day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) ${only}`, [
    range.from,
    range.to,
  ]);
  await tx.exec(usageFactsSql(range, communities));
}
