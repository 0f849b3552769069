/**
 * What a query is answered against: the community's last complete aggregated day ("data as of",
 * the lowest of its aggregations' bookmarks) and the data version (when the aggregation last
 * moved a bookmark), which together key the response cache; and the first day any input speaks
 * of (imported history included), where `all` and running totals start (read only when a query actually runs).
 */
import type { SqlEngine } from '../storage/port';

export interface DataVersion {
  dataAsOf: string | null;
  version: string;
}

export async function dataVersion(db: SqlEngine, community: string): Promise<DataVersion> {
  const [row] = await db.query<{ as_of: string | null; version: string | null }>(
    `SELECT (SELECT MIN(day) FROM agg_bookmarks WHERE community_id = $1) AS as_of,
            (SELECT MAX(updated_at) FROM agg_bookmarks) AS version`,
    [community],
  );
  return { dataAsOf: row?.as_of ?? null, version: row?.version ?? '' };
}

export async function dataStart(db: SqlEngine): Promise<string | null> {
  const [row] = await db.query<{ d: string | null }>(
    `SELECT MIN(d) AS d FROM (
       SELECT MIN(created) AS d FROM records
       UNION ALL SELECT MIN(published) FROM records
       UNION ALL SELECT MIN(date) FROM memberships
       UNION ALL SELECT MIN(day) FROM events
       UNION ALL SELECT MIN(day) FROM history_docs
     ) t`,
  );
  return row?.d ?? null;
}

export interface DataState {
  dataAsOf: string | null;
  dataStart: string | null;
}

export async function dataState(db: SqlEngine, community: string): Promise<DataState> {
  const [v, start] = await Promise.all([dataVersion(db, community), dataStart(db)]);
  return { dataAsOf: v.dataAsOf, dataStart: start };
}
