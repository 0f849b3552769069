/**
 * The most viewed / downloaded records of a community over a date range: the query engine's
 * `record` dimension (exact: every counted event of the range), in the shape of the
 * `top-records` endpoint. Filters apply as in any query (e.g. the records most viewed from one
 * country). A record counts for a community on the days its membership covers. `global` names
 * every record except, unless `includeRestricted`, those a restricted community held, so the
 * public instance-wide list never names a restricted community's items.
 *
 * The range is taken as asked (from raw events, not cut at "data as of"), as this endpoint
 * always answered.
 */
import { RECORD_DIMENSION } from '../../src/api/query';
import type { TopRecordsRequest, TopRecordsResponse } from '../../src/api/schemas';
import type { SqlEngine } from '../storage/port';
import { runQuery } from './engine';

export interface TopRecordsQuery extends TopRecordsRequest {
  /** Admin only: also name restricted records. */
  includeRestricted?: boolean;
}

export async function topRecords(db: SqlEngine, q: TopRecordsQuery): Promise<TopRecordsResponse> {
  const answer = await runQuery(
    db,
    {
      community: q.community,
      metrics: [q.metric, `${q.metric}_unique_visitors`],
      mode: 'delta',
      basis: 'added',
      date_range: [q.start, q.end],
      dimensions: [RECORD_DIMENSION],
      filters: [...(q.filters ?? [])],
      order_by: [[q.metric, 'desc']],
      limit: q.limit,
      offset: 0,
      include: { other: false, totals: false, comparison: null },
    },
    { dataAsOf: q.end, dataStart: q.start },
    { includeRestricted: q.includeRestricted },
  );
  return {
    metric: q.metric,
    start: q.start,
    end: q.end,
    // A record with only other usage in the range (downloads when views are asked) is not listed.
    records: answer.results.filter((r) => r.metrics[0]! > 0).map(({ dimensions: [id], metrics: [value, uniqueVisitors] }) => ({
      id: id!,
      title: answer.meta.labels[id!]?.und ?? null,
      value: value!,
      uniqueVisitors: uniqueVisitors!,
    })),
  };
}
