/**
 * Checks on the input tables after a bulk load (`repostats migrate`): what history names records
 * the database does not hold yet. Read-only.
 */
import type { SqlEngine } from './port';

export interface MissingRecords {
  /** Records named by community membership events (not `global`) that are not in `records`: their memberships count once the record arrives. */
  memberships: number;
  /** Records named by usage events that are not in `records`: their usage counts for global only until the record arrives. */
  events: number;
}

export async function countMissingRecords(db: SqlEngine): Promise<MissingRecords> {
  const [row] = await db.query<{ memberships: number; events: number }>(
    `SELECT
       (SELECT COUNT(DISTINCT m.record_id) FROM memberships m
         WHERE m.community_id <> 'global' AND NOT EXISTS (SELECT 1 FROM records r WHERE r.record_id = m.record_id)) AS memberships,
       (SELECT COUNT(DISTINCT e.record_id) FROM events e
         WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.record_id = e.record_id)) AS events`,
  );
  return { memberships: Number(row?.memberships ?? 0), events: Number(row?.events ?? 0) };
}
