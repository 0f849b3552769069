/**
 * Bookmarks, dirty days and the span of the inputs: what has been aggregated, and what must be
 * again. The statements are storage's (storage/queries/bookmarks.ts, dirtyDays.ts, inputSpan.ts).
 *
 * A run claims every dirty row of a scope (`claimDirt`, rows a killed run claimed included). Its
 * units clear only rows still claimed by it: ingest that marks a day again while the run is in
 * progress un-claims it (storage/queries/dirtyDays.ts `markDirty`), so the change cannot be cleared by a
 * unit that read its inputs before the change landed — it stays dirty for the next run.
 */
import { AGGREGATION_KINDS, type AggregationKind } from '../../../src/core/kinds';
import type { SqlEngine } from '../../storage/port';
import { writeBookmarks } from '../../storage/queries/bookmarks';
import { claimedDirt } from '../../storage/queries/dirtyDays';
import { firstEventDaySince, lastInputDayWithin } from '../../storage/queries/inputSpan';
import { inputWindow, type DayWindow } from './window';

export const RECORD_KINDS = AGGREGATION_KINDS.filter((k) => k.startsWith('records-'));
export const USAGE_KINDS = AGGREGATION_KINDS.filter((k) => k.startsWith('usage-'));

/**
 * The last day the inputs speak of: the newest event, record creation or deletion,
 * membership change, or imported daily document. Derived from the data (not the wall clock) so re-runs are identical.
 */
export async function dataAsOf(db: SqlEngine, window: DayWindow = inputWindow(new Date())): Promise<string | null> {
  // Days outside the input window can only be old data (see ./window): they do not count.
  return lastInputDayWithin(db, window);
}

export async function setBookmarks(
  tx: SqlEngine,
  entries: { kinds: readonly AggregationKind[]; communities: readonly string[]; day: string; at: string },
): Promise<void> {
  await writeBookmarks(tx, entries);
}

/** Community → the record dirty days the run `runId` claimed. */
export async function dirtyRecordCommunities(db: SqlEngine, runId: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const r of await claimedDirt(db, 'records', runId)) out.set(r.community_id, [...(out.get(r.community_id) ?? []), r.day]);
  return out;
}

export async function firstEventDay(db: SqlEngine, window: DayWindow = inputWindow(new Date())): Promise<string | null> {
  return firstEventDaySince(db, window.first);
}
