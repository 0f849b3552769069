/** Figures about the stored fact tables: spans per community, change signatures, days touched. */
import { FACT_COLUMNS, TABLES, type Family } from '../factSchema';
import type { SqlEngine } from '../port';
import { placeholders } from './slices';

/** Per family ('records' | 'usage'), community and basis ('' for usage): the first and last day with facts. */
export async function factSpans(db: SqlEngine): Promise<{ family: Family; community_id: string; basis: string; first: string; last: string }[]> {
  return db.query(
    `SELECT 'records' AS family, community_id, basis, MIN(day) AS first, MAX(day) AS last FROM ${TABLES.records} GROUP BY community_id, basis
     UNION ALL
     SELECT 'usage', community_id, '', MIN(day), MAX(day) FROM ${TABLES.usage} WHERE field = '' GROUP BY community_id`,
  );
}

/**
 * `community|basis|year` → a signature of that year's record facts (count, weighted sums of the
 * numbers, days and item names): it changes when any fact of that year does.
 */
export async function recordFactSignatures(db: SqlEngine, communities: readonly string[]): Promise<Map<string, string>> {
  if (communities.length === 0) return new Map();
  const weighted = FACT_COLUMNS.records.map((c, i) => `${c} * ${i + 1}`).join(' + ');
  const rows = await db.query<{ community_id: string; basis: string; y: string; sig: string }>(
    `SELECT community_id, basis, SUBSTRING(CAST(day AS TEXT), 1, 4) AS y,
            CAST(COUNT(*) AS TEXT) || ':' || CAST(SUM(${weighted}) AS TEXT) || ':' ||
            CAST(SUM((day - DATE '2000-01-01') * (${weighted})) AS TEXT) || ':' ||
            CAST(SUM(LENGTH(field) + LENGTH(item_id) + (day - DATE '2000-01-01')) AS TEXT) AS sig
     FROM ${TABLES.records} WHERE community_id IN (${placeholders(communities.length)})
     GROUP BY community_id, basis, SUBSTRING(CAST(day AS TEXT), 1, 4)`,
    communities,
  );
  return new Map(rows.map((r) => [`${r.community_id}|${r.basis}|${r.y}`, r.sig]));
}

/** The first day with record facts of each (community, basis) of `communities`. */
export async function recordFactFirstDays(db: SqlEngine, communities: readonly string[]): Promise<string[]> {
  if (communities.length === 0) return [];
  const rows = await db.query<{ first: string }>(
    `SELECT MIN(day) AS first FROM ${TABLES.records} WHERE community_id IN (${placeholders(communities.length)}) GROUP BY community_id, basis`,
    communities,
  );
  return rows.map((r) => r.first);
}

/** Per community, how many days of `from..to` hold usage facts. */
export async function usageFactDays(db: SqlEngine, range: { from: string; to: string }): Promise<{ community_id: string; n: number }[]> {
  return db.query<{ community_id: string; n: number }>(
    `SELECT community_id, COUNT(DISTINCT day) AS n FROM ${TABLES.usage}
     WHERE field = '' AND day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) GROUP BY community_id`,
    [range.from, range.to],
  );
}
