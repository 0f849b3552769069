/**
 * The imported history (the reference's daily documents, see server/migrate/history.ts) as facts:
 * copied into the fact tables for the days the raw inputs leave empty, right after a unit of work
 * rebuilt its raw facts, in the same transaction. Raw inputs win: for records, a (community,
 * basis, day) that has raw facts keeps them; for usage, a day with any usage event keeps its raw
 * facts for every community.
 */
import type { SqlEngine } from '../../storage/port';
import { FACT_COLUMNS } from './facts';

const list = (values: readonly string[], offset: number) => values.map((_, i) => `$${i + 1 + offset}`).join(', ');

/** Whether anything was imported at all: most installations have no history, and then a run pays one probe per unit. */
async function holdsHistory(tx: SqlEngine, table: string): Promise<boolean> {
  return (await tx.query(`SELECT 1 AS x FROM ${table} LIMIT 1`)).length > 0;
}

export async function fillRecordHistory(tx: SqlEngine, communities: readonly string[], lastDay: string): Promise<void> {
  if (communities.length === 0 || !(await holdsHistory(tx, 'history_record_facts'))) return;
  const cols = ['basis', 'community_id', 'day', 'field', 'item_id', ...FACT_COLUMNS.records].join(', ');
  await tx.exec(
    `INSERT INTO agg_record_facts (${cols})
     SELECT ${cols} FROM history_record_facts h
     WHERE h.community_id IN (${list(communities, 1)}) AND h.day <= CAST($1 AS DATE)
       AND NOT EXISTS (SELECT 1 FROM agg_record_facts a WHERE a.community_id = h.community_id AND a.basis = h.basis AND a.day = h.day)`,
    [lastDay, ...communities],
  );
}

export async function fillUsageHistory(tx: SqlEngine, range: { from: string; to: string }, communities: 'all' | readonly string[]): Promise<void> {
  if ((communities !== 'all' && communities.length === 0) || !(await holdsHistory(tx, 'history_usage_facts'))) return;
  const cols = ['community_id', 'day', 'field', 'item_id', ...FACT_COLUMNS.usage].join(', ');
  const only = communities === 'all' ? '' : `AND h.community_id IN (${list(communities, 2)})`;
  await tx.exec(
    `INSERT INTO agg_usage_facts (${cols})
     SELECT ${cols} FROM history_usage_facts h
     WHERE h.day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) ${only}
       AND NOT EXISTS (SELECT 1 FROM events e WHERE e.day = h.day AND e.day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE))`,
    [range.from, range.to, ...(communities === 'all' ? [] : communities)],
  );
}
