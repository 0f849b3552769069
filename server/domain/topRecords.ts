/**
 * The most viewed / downloaded records of a community over a date range, exact (no cap on the
 * events scanned). A record counts for a community on the days its membership covers, read as the
 * aggregations and the query API read it (membership intervals, server/domain/aggregate/intervals.ts). `global` counts every record except,
 * unless `includeRestricted`, records held by a restricted community, so the public instance-wide
 * list never names a restricted community's items.
 */
import { GLOBAL } from '../../src/core/kinds';
import type { TopRecordsResponse } from '../../src/api/schemas';
import type { SqlEngine } from '../storage/port';
import { countedEventsSql } from './counting';
import { membershipIntervalsCte } from './aggregate/intervals';

export interface TopRecordsQuery {
  community: string;
  metric: 'views' | 'downloads';
  start: string;
  end: string;
  limit: number;
  includeRestricted?: boolean;
}

export async function topRecords(db: SqlEngine, q: TopRecordsQuery): Promise<TopRecordsResponse> {
  const type = q.metric === 'views' ? 'view' : 'download';
  const params: unknown[] = [type, q.start, q.end, q.limit];
  let scope: string;
  if (q.community === GLOBAL) {
    scope = q.includeRestricted
      ? 'TRUE'
      : `e.record_id NOT IN (SELECT i.record_id FROM mem_iv i JOIN communities c ON c.community_id = i.community_id WHERE c.restricted)`;
  } else {
    params.push(q.community);
    scope = `EXISTS (SELECT 1 FROM mem_iv i WHERE i.record_id = e.record_id AND i.community_id = $5
      AND e.day >= i.m_start AND (i.m_end IS NULL OR e.day < i.m_end))`;
  }
  const rows = await db.query<{ record_id: string; title: string | null; value: number; unique_visitors: number }>(
    `WITH ${membershipIntervalsCte('')}, counted AS (${countedEventsSql({ from: q.start, to: q.end })})
     SELECT e.record_id, max(r.title) AS title,
       CAST(count(*) AS BIGINT) AS value,
       CAST(count(DISTINCT e.day || ':' || e.visitor_id) AS BIGINT) AS unique_visitors
     FROM counted e LEFT JOIN records r ON r.record_id = e.record_id
     WHERE e.type = $1 AND e.day >= CAST($2 AS DATE) AND e.day <= CAST($3 AS DATE) AND ${scope}
     GROUP BY e.record_id
     ORDER BY value DESC, e.record_id
     LIMIT $4`,
    params,
  );
  return {
    metric: q.metric,
    start: q.start,
    end: q.end,
    records: rows.map((r) => ({
      id: r.record_id,
      title: r.title,
      value: Number(r.value),
      uniqueVisitors: Number(r.unique_visitors),
    })),
  };
}
