/**
 * The imported history's facts (server/migrate/history.ts) copied into the fact tables for the days
 * the raw inputs leave empty. Which days those are has its one owner here (`recordDayIsRaw`,
 * `usageDayIsRaw`): the query engine reads history days by it too (historyQuery.ts).
 */
import { FACT_COLUMNS, FACT_KEYS, HISTORY_TABLES, TABLES, type Family } from '../factSchema';
import type { SqlEngine } from '../port';
import { placeholders } from './slices';

/**
 * Whether the (community, basis, day) of history row `h` has raw record figures; `raw` holds the
 * raw facts' `(basis, community_id, day)`. The aggregator passes the raw facts it has just rebuilt;
 * a reader of the stays passes `STAY_DAYS`, the same days: raw record facts sit exactly on the days
 * a stay of the community's records starts or ends (server/domain/aggregate/recordFacts.ts).
 */
export const recordDayIsRaw = (h: string, raw: string) =>
  `EXISTS (SELECT 1 FROM ${raw} r WHERE r.community_id = ${h}.community_id AND r.basis = ${h}.basis AND r.day = ${h}.day)`;

/** The raw record facts' days, from the stays `rec_iv` (server/domain/aggregate/intervals.ts). */
export const STAY_DAYS = `(SELECT basis, community_id, s AS day FROM rec_iv UNION ALL SELECT basis, community_id, e AS day FROM rec_iv WHERE e IS NOT NULL)`;

/** Whether the day of history row `h` has raw usage figures: any usage event that day, of any community. */
export const usageDayIsRaw = (h: string, also = '') => `EXISTS (SELECT 1 FROM events e WHERE e.day = ${h}.day ${also})`;

/** Whether the imported history holds any fact of a family: most installations have none, and then a run pays one probe per unit. */
export async function holdsHistory(tx: SqlEngine, family: Family): Promise<boolean> {
  return (await tx.query(`SELECT 1 AS x FROM ${HISTORY_TABLES[family]} LIMIT 1`)).length > 0;
}

/**
 * Copies the imported record facts of `communities` up to `lastDay` into the fact table, for the
 * (community, basis, day) the raw inputs left without facts.
 */
export async function copyRecordHistory(tx: SqlEngine, communities: readonly string[], lastDay: string): Promise<void> {
  const cols = [...FACT_KEYS.records, ...FACT_COLUMNS.records].join(', ');
  await tx.exec(
    `INSERT INTO ${TABLES.records} (${cols})
     SELECT ${cols} FROM ${HISTORY_TABLES.records} h
     WHERE h.community_id IN (${placeholders(communities.length, 1)}) AND h.day <= CAST($1 AS DATE)
       AND NOT ${recordDayIsRaw('h', TABLES.records)}`,
    [lastDay, ...communities],
  );
}

/** Copies the imported usage facts of `from..to` (of `communities`, or all) into the fact table, for the days without any usage event. */
export async function copyUsageHistory(tx: SqlEngine, range: { from: string; to: string }, communities: 'all' | readonly string[]): Promise<void> {
  const cols = [...FACT_KEYS.usage, ...FACT_COLUMNS.usage].join(', ');
  const only = communities === 'all' ? '' : `AND h.community_id IN (${placeholders(communities.length, 2)})`;
  await tx.exec(
    `INSERT INTO ${TABLES.usage} (${cols})
     SELECT ${cols} FROM ${HISTORY_TABLES.usage} h
     WHERE h.day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) ${only}
       AND NOT ${usageDayIsRaw('h', 'AND e.day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)')}`,
    [range.from, range.to, ...(communities === 'all' ? [] : communities)],
  );
}
