/** Store a batch of usage events: new keys only, and their days marked for re-aggregation. */
import type { SqlEngine } from '../storage/port';
import { EVENT_COLUMNS, eventRowValues, type EventRow } from './event';
import { markDirty } from '../storage/queries/dirtyDays';

export async function storeEvents(db: SqlEngine, batch: readonly EventRow[]): Promise<{ imported: number; skipped: number }> {
  const unique = new Map<string, EventRow>();
  for (const e of batch) if (!unique.has(e.event_key)) unique.set(e.event_key, e);
  return db.transaction(async (tx) => {
    const imported = await tx.insertMany('events', EVENT_COLUMNS, [...unique.values()].map(eventRowValues), { onConflict: 'ignore' });
    // Events count for whichever communities held their record that day, so the day is dirty everywhere.
    if (imported > 0) {
      const days = new Set([...unique.values()].map((e) => e.day));
      await markDirty(tx, [...days].map((day) => ({ scope: 'usage' as const, community_id: '*', day })));
    }
    return { imported, skipped: batch.length - imported };
  });
}
