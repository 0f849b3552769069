/** Reading and pruning the membership history (`memberships`) for the ingest stores. */
import type { MembershipRow } from '../../ingest/membership';
import type { SqlEngine } from '../port';
import { inSlices, selectIn } from './slices';

/** Every stored membership change of `recordIds`. */
export async function membershipHistory(db: SqlEngine, recordIds: readonly string[]): Promise<MembershipRow[]> {
  return selectIn<MembershipRow>(
    db,
    (list) => `SELECT record_id, community_id, action, CAST(date AS TEXT) AS date, source FROM memberships WHERE record_id IN (${list})`,
    recordIds,
  );
}

/** Deletes these derived membership changes (explicit ones named the same pairs). */
export async function deleteDerivedMemberships(tx: SqlEngine, rows: readonly MembershipRow[]): Promise<void> {
  await inSlices(rows, 4, async (slice) => {
    const where = slice.map((_, i) => `(record_id = $${i * 4 + 1} AND community_id = $${i * 4 + 2} AND action = $${i * 4 + 3} AND date = CAST($${i * 4 + 4} AS DATE))`);
    await tx.exec(`DELETE FROM memberships WHERE source = 'derived' AND (${where.join(' OR ')})`, slice.flatMap((h) => [h.record_id, h.community_id, h.action, h.date]));
  });
}
