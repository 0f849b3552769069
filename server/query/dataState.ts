/**
 * What a query is answered against: the community's last complete aggregated day ("data as of",
 * the lowest of its aggregations' bookmarks), the first day any input speaks of (where `all` and
 * running totals start), and the data version (when the aggregation last moved a bookmark), which
 * keys the response cache.
 */
import type { SqlEngine } from '../storage/port';

export interface DataState {
  dataAsOf: string | null;
  dataStart: string | null;
  version: string;
}

export async function dataState(db: SqlEngine, community: string): Promise<DataState> {
  const [row] = await db.query<{ as_of: string | null; version: string | null }>(
    `SELECT (SELECT MIN(day) FROM agg_bookmarks WHERE community_id = $1) AS as_of,
            (SELECT MAX(updated_at) FROM agg_bookmarks) AS version`,
    [community],
  );
  const [start] = await db.query<{ d: string | null }>(
    `SELECT MIN(d) AS d FROM (
       SELECT MIN(created) AS d FROM records
       UNION ALL SELECT MIN(published) FROM records
       UNION ALL SELECT MIN(date) FROM memberships
       UNION ALL SELECT MIN(day) FROM events
     ) t`,
  );
  return { dataAsOf: row?.as_of ?? null, dataStart: start?.d ?? null, version: row?.version ?? '' };
}
