/**
 * The imported history (the reference's daily documents, see server/migrate/history.ts) as facts:
 * copied into the fact tables for the days the raw inputs leave empty, right after a unit of work
 * rebuilt its raw facts, in the same transaction. Raw inputs win: for records, a (community,
 * basis, day) that has raw facts keeps them; for usage, a day with any usage event keeps its raw
 * facts for every community.
 */
import type { SqlEngine } from '../../storage/port';
import { copyRecordHistory, copyUsageHistory, holdsHistory } from '../../storage/queries/historyFacts';

export async function fillRecordHistory(tx: SqlEngine, communities: readonly string[], lastDay: string): Promise<void> {
  if (communities.length === 0 || !(await holdsHistory(tx, 'records'))) return;
  await copyRecordHistory(tx, communities, lastDay);
}

export async function fillUsageHistory(tx: SqlEngine, range: { from: string; to: string }, communities: 'all' | readonly string[]): Promise<void> {
  if ((communities !== 'all' && communities.length === 0) || !(await holdsHistory(tx, 'usage'))) return;
  await copyUsageHistory(tx, range, communities);
}
