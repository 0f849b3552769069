/**
 * Store explicit membership events. For each (record, community) they name, they become its
 * history: earlier derived guesses for that pair are dropped, and if the record is already here
 * and its current communities disagree with the explicit history, one derived event continues it.
 */
import { GLOBAL } from '../../src/core/kinds';
import type { SqlEngine } from '../storage/port';
import { deriveMemberships, membershipValues, MEMBERSHIP_COLUMNS, type MembershipRow } from './membership';
import { groupBy } from '../groupBy';
import { markDirty, type DirtyDay } from '../storage/queries/dirtyDays';
import { deleteDerivedMemberships, membershipHistory } from '../storage/queries/memberships';
import { firstEventDays, recordDates, type RecordDates } from '../storage/queries/records';
import { dayOf, minDay, utcDay } from './time';

export async function storeMemberships(
  db: SqlEngine,
  batch: readonly MembershipRow[],
  options: { now: Date },
): Promise<{ imported: number; skipped: number }> {
  const recordIds = [...new Set(batch.map((m) => m.record_id))];
  const pairKey = (m: { record_id: string; community_id: string }) => `${m.record_id}\u001f${m.community_id}`;
  const pairs = new Set(batch.map(pairKey));
  return db.transaction(async (tx) => {
    const history = await membershipHistory(tx, recordIds);
    const superseded = history.filter((h) => h.source === 'derived' && pairs.has(pairKey(h)));
    await deleteDerivedMemberships(tx, superseded);
    const imported = await tx.insertMany('memberships', MEMBERSHIP_COLUMNS, batch.map(membershipValues), { onConflict: 'ignore' });
    const kept = history.filter((h) => !superseded.includes(h));
    const explicitOf = groupBy([...kept, ...batch], pairKey);

    const records = await recordDates(tx, recordIds);
    const derived: MembershipRow[] = [];
    for (const r of records) {
      const current = JSON.parse(r.communities) as string[];
      const touched = [...pairs].filter((p) => p.startsWith(`${r.record_id}\u001f`));
      for (const key of touched) {
        const [, community] = key.split('\u001f') as [string, string];
        derived.push(
          ...deriveMemberships({
            recordId: r.record_id,
            current: current.includes(community) ? [community] : [],
            history: explicitOf.get(key) ?? [],
            firstSeen: false,
            createdDay: r.created,
            changeDay: dayOf(r.updated) ?? utcDay(options.now),
          }),
        );
      }
    }
    await tx.insertMany('memberships', MEMBERSHIP_COLUMNS, derived.map(membershipValues), { onConflict: 'ignore' });
    const communities = [...new Set(batch.map((m) => m.community_id))].filter((c) => c !== GLOBAL);
    await tx.insertMany('communities', ['community_id'], communities.map((c) => [c]), { onConflict: 'ignore' });
    await markDirty(tx, await dirtyDays(tx, [...batch, ...superseded, ...derived], records));
    return { imported, skipped: batch.length - imported };
  });
}

/**
 * Each community's earliest changed day. Records: the change's date, or the record's created /
 * published day when earlier (the created and published bases count it from then). Usage: from
 * the change's date, where the record has events by then.
 */
async function dirtyDays(db: SqlEngine, changes: readonly MembershipRow[], records: readonly RecordDates[]): Promise<DirtyDay[]> {
  const recordOf = new Map(records.map((r) => [r.record_id, r]));
  const firstEvent = await firstEventDays(db, [...new Set(changes.map((c) => c.record_id))]);
  const days: DirtyDay[] = [];
  for (const c of changes) {
    const record = recordOf.get(c.record_id);
    days.push({ scope: 'records', community_id: c.community_id, day: minDay(c.date, record?.created, record?.published)! });
    const eventDay = firstEvent.get(c.record_id);
    if (eventDay) days.push({ scope: 'usage', community_id: c.community_id, day: c.date > eventDay ? c.date : eventDay });
  }
  return days;
}
