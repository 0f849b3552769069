/**
 * COUNTER's monthly metrics, computed from the counted events (never from a copy of them): the
 * only place the COUNTER reports read usage. Today it applies `countedEventsSql` (robots, failed
 * requests, 30-second double clicks) and the membership intervals itself; when the aggregation
 * keeps a counted-events table, this is the one function to point at it.
 *
 * Per month: Investigations are views and downloads, Requests downloads. A unique count is one
 * per item (or title = parent record) per user-session, the session being the event's
 * `session_id` (date + hour + visitor when none was given at ingest) on its day, as sections 7.3
 * and 7.4 of the Code of Practice define it. A record counts for a community on the days its
 * membership covers.
 */
import { countedEventsSql } from '../domain/counting';
import { membershipIntervalsCte } from '../domain/aggregate/intervals';
import { accessTypeSql, dataTypeSql, yopSql } from '../domain/counter/dataTypes';
import { TITLE_METRIC_DATA_TYPES } from '../domain/counter/spec';
import { GLOBAL } from '../../src/core/kinds';
import { periodStart } from './dialect';
import type { SqlEngine } from './port';

export interface CounterScope {
  /** `global` or a community id. */
  community: string;
  /** For `global`: also count records held by restricted communities (admin only). */
  includeRestricted: boolean;
}

/** Filters on the record attributes; absent = all. YOP ranges are inclusive `[from, to]` years as text. */
export interface CounterFilters {
  dataTypes?: readonly string[];
  accessTypes?: readonly string[];
  yop?: readonly (readonly [string, string])[];
  recordIds?: readonly string[];
}

export interface MonthlyQuery extends CounterScope {
  /** First and last day, inclusive (whole months in practice). */
  from: string;
  to: string;
  /** `item`: one row per month × record; `data_type`: one row per month × Data_Type, with title uniques. */
  by: 'item' | 'data_type';
  filters?: CounterFilters;
}

export type MonthlyMetricRow = {
  /** First day of the month. */
  month: string;
  /** The record (by item), null by data type. */
  record_id: string | null;
  data_type: string;
  access_type: string | null;
  yop: string | null;
  tii: number;
  tir: number;
  uii: number;
  uir: number;
  /** Unique_Title_* (by data type, Data_Types in TITLE_METRIC_DATA_TYPES only). */
  uti: number;
  utr: number;
};

const firstOf = (records: string, field: string) =>
  `(SELECT record_id, MIN(item_id) AS item_id FROM ${records} WHERE field = '${field}' GROUP BY record_id)`;
const int = (expr: string) => `CAST(${expr} AS BIGINT)`;
const isRequest = `type = 'download'`;

/**
 * @example
 * await monthlyItemMetrics(db, { community: 'global', includeRestricted: false, from: '2024-01-01', to: '2024-03-31', by: 'data_type' })
 * // [{ month: '2024-01-01', data_type: 'Dataset', tii: 12, tir: 5, uii: 9, uir: 4, uti: 0, utr: 0, … }, …]
 */
export async function monthlyItemMetrics(db: SqlEngine, q: MonthlyQuery): Promise<MonthlyMetricRow[]> {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const list = (values: readonly unknown[]) => values.map(param).join(', ');

  let memFilter: string;
  let scope: string;
  if (q.community !== GLOBAL) {
    memFilter = `AND community_id = ${param(q.community)}`;
    scope = `EXISTS (SELECT 1 FROM mem_iv m WHERE m.record_id = e.record_id AND e.day >= m.m_start AND (m.m_end IS NULL OR e.day < m.m_end))`;
  } else if (q.includeRestricted) {
    memFilter = `AND FALSE`;
    scope = 'TRUE';
  } else {
    // The public instance-wide report never shows a restricted community's items (as top records).
    memFilter = `AND community_id IN (SELECT community_id FROM communities WHERE restricted)`;
    scope = `e.record_id NOT IN (SELECT record_id FROM mem_iv)`;
  }

  const f = q.filters ?? {};
  const where: string[] = ['TRUE'];
  if (f.dataTypes) where.push(f.dataTypes.length ? `data_type IN (${list(f.dataTypes)})` : 'FALSE');
  if (f.accessTypes) where.push(f.accessTypes.length ? `access_type IN (${list(f.accessTypes)})` : 'FALSE');
  if (f.yop) where.push(f.yop.length ? `(${f.yop.map(([a, b]) => `yop BETWEEN ${param(a)} AND ${param(b)}`).join(' OR ')})` : 'FALSE');
  if (f.recordIds) where.push(f.recordIds.length ? `record_id IN (${list(f.recordIds)})` : 'FALSE');

  const base = `WITH ${membershipIntervalsCte(memFilter)},
ev AS (
  SELECT e.type, ${periodStart(db, 'month', 'e.day')} AS month, e.record_id,
    COALESCE(r.parent_id, e.record_id) AS parent_id,
    COALESCE(e.session_id, e.visitor_id) || '|' || CAST(e.day AS TEXT) AS sess,
    ${dataTypeSql('rt.item_id')} AS data_type, ${accessTypeSql('st.item_id')} AS access_type, ${yopSql('r.published')} AS yop
  FROM (${countedEventsSql({ from: q.from, to: q.to })}) e
  LEFT JOIN records r ON r.record_id = e.record_id
  LEFT JOIN ${firstOf('record_items', 'resource_types')} rt ON rt.record_id = e.record_id
  LEFT JOIN ${firstOf('record_items', 'access_statuses')} st ON st.record_id = e.record_id
  WHERE ${scope}
),
fev AS (SELECT * FROM ev WHERE ${where.join(' AND ')}),
items AS (
  SELECT month, record_id, data_type, access_type, yop,
    ${int('COUNT(*)')} AS tii, ${int(`SUM(CASE WHEN ${isRequest} THEN 1 ELSE 0 END)`)} AS tir,
    ${int('COUNT(DISTINCT sess)')} AS uii, ${int(`COUNT(DISTINCT CASE WHEN ${isRequest} THEN sess END)`)} AS uir
  FROM fev GROUP BY month, record_id, data_type, access_type, yop
)`;

  const sql =
    q.by === 'item'
      ? `${base}
SELECT month, record_id, data_type, access_type, yop, tii, tir, uii, uir, 0 AS uti, 0 AS utr FROM items
ORDER BY record_id, month`
      : `${base},
titles AS (
  -- Section 3.3.5: a title's uniques are broken down by Access_Type and YOP, then summed.
  SELECT month, data_type, access_type, yop,
    ${int("COUNT(DISTINCT parent_id || '|' || sess)")} AS uti,
    ${int(`COUNT(DISTINCT CASE WHEN ${isRequest} THEN parent_id || '|' || sess END)`)} AS utr
  FROM fev WHERE data_type IN (${list(TITLE_METRIC_DATA_TYPES)})
  GROUP BY month, data_type, access_type, yop
)
SELECT month, NULL AS record_id, data_type, NULL AS access_type, NULL AS yop,
  ${int('SUM(tii)')} AS tii, ${int('SUM(tir)')} AS tir, ${int('SUM(uii)')} AS uii, ${int('SUM(uir)')} AS uir,
  ${int('SUM(uti)')} AS uti, ${int('SUM(utr)')} AS utr
FROM (
  SELECT month, data_type, tii, tir, uii, uir, 0 AS uti, 0 AS utr FROM items
  UNION ALL
  SELECT month, data_type, 0, 0, 0, 0, uti, utr FROM titles
) x
GROUP BY month, data_type
ORDER BY month, data_type`;
  const rows = await db.query<MonthlyMetricRow>(sql, params);
  return rows.map((r) => ({
    ...r,
    month: String(r.month).slice(0, 10),
    tii: Number(r.tii), tir: Number(r.tir), uii: Number(r.uii), uir: Number(r.uir), uti: Number(r.uti), utr: Number(r.utr),
  }));
}

/** What the aggregation runs have processed, as the COUNTER availability rules need it. */
export interface CounterCoverage {
  /** The usage aggregation's bookmark: the last day it has processed. */
  bookmark: string | null;
  /** The first day with usage anywhere (when processing began). */
  firstUsageDay: string | null;
  /** The earliest usage day waiting to be re-aggregated for this community (or every community). */
  firstDirtyDay: string | null;
  /** The last finished run: when it started, and its id (the data version). */
  lastRun: { runId: string; startedAt: string } | null;
}

export async function counterCoverage(db: SqlEngine, q: { community: string; usageKind: string }): Promise<CounterCoverage> {
  const [row] = await db.query<{
    bookmark: string | null; first_usage: string | null; first_dirty: string | null; run_id: string | null; started_at: string | null;
  }>(
    `SELECT
       (SELECT MAX(day) FROM agg_bookmarks WHERE kind = $2 AND community_id = '${GLOBAL}') AS bookmark,
       (SELECT MIN(day) FROM agg_usage_facts WHERE community_id = '${GLOBAL}' AND field = '') AS first_usage,
       (SELECT MIN(day) FROM dirty_days WHERE scope = 'usage' AND community_id IN ($1, '*')) AS first_dirty,
       r.run_id, r.started_at
     FROM (SELECT 1 AS one) x
     LEFT JOIN (SELECT run_id, started_at FROM agg_runs WHERE status = 'done' ORDER BY started_at DESC LIMIT 1) r ON TRUE`,
    [q.community, q.usageKind],
  );
  return {
    bookmark: row?.bookmark ?? null,
    firstUsageDay: row?.first_usage ?? null,
    firstDirtyDay: row?.first_dirty ?? null,
    lastRun: row?.run_id && row.started_at ? { runId: row.run_id, startedAt: row.started_at } : null,
  };
}

export type RecordMetadataRow = {
  record_id: string;
  title: string | null;
  raw: string;
};

/** The stored JSON of the given records (the items an Item Report names), read in chunks. */
export async function recordMetadata(db: SqlEngine, recordIds: readonly string[]): Promise<RecordMetadataRow[]> {
  const out: RecordMetadataRow[] = [];
  const CHUNK = 500;
  for (let i = 0; i < recordIds.length; i += CHUNK) {
    const ids = recordIds.slice(i, i + CHUNK);
    out.push(
      ...(await db.query<RecordMetadataRow>(
        `SELECT record_id, title, raw FROM records WHERE record_id IN (${ids.map((_, j) => `$${j + 1}`).join(', ')})`,
        ids,
      )),
    );
  }
  return out;
}

/** Records whose stored JSON mentions `text` (a DOI filter's candidates; the caller checks the field). */
export async function recordsMentioning(db: SqlEngine, text: string): Promise<string[]> {
  const rows = await db.query<{ record_id: string }>(`SELECT record_id FROM records WHERE strpos(raw, $1) > 0`, [text]);
  return rows.map((r) => r.record_id);
}
