/**
 * The raw JSON kept of records and of their closed versions (`records.raw`, `record_versions`,
 * migration 008), read back in pages when the subcount configuration changes, and the item tables
 * re-extracted from them.
 */
import type { SqlEngine } from '../port';
import { selectIn } from './slices';

/** A page of current records' raw JSON, by record id. */
export async function recordRawPage(db: SqlEngine, page: { limit: number; offset: number }): Promise<{ record_id: string; raw: string }[]> {
  return db.query<{ record_id: string; raw: string }>('SELECT record_id, raw FROM records ORDER BY record_id LIMIT $1 OFFSET $2', [page.limit, page.offset]);
}

/** A page of closed versions' raw JSON with their validity, by record id and start. */
export async function versionRawPage(
  db: SqlEngine,
  page: { limit: number; offset: number },
): Promise<{ record_id: string; valid_from: string; valid_to: string; raw: string }[]> {
  return db.query<{ record_id: string; valid_from: string; valid_to: string; raw: string }>(
    `SELECT record_id, CAST(valid_from AS TEXT) AS valid_from, CAST(valid_to AS TEXT) AS valid_to, raw
     FROM record_versions ORDER BY record_id, valid_from LIMIT $1 OFFSET $2`,
    [page.limit, page.offset],
  );
}

/** Record id → the day its last closed version ends (records with no closed version are absent). */
export async function closedVersionEnds(db: SqlEngine, recordIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await selectIn<{ record_id: string; since: string }>(
    db,
    (list) => `SELECT record_id, CAST(MAX(valid_to) AS TEXT) AS since FROM record_versions WHERE record_id IN (${list}) GROUP BY record_id`,
    recordIds,
  );
  return new Map(rows.map((r) => [r.record_id, r.since]));
}

/** Empties the items extracted from current records and their labels (before a re-extraction). */
export async function clearRecordItems(tx: SqlEngine): Promise<void> {
  await tx.exec('DELETE FROM record_items');
  await tx.exec('DELETE FROM item_labels');
}

/** Empties the items extracted from closed versions (before a re-extraction). */
export async function clearItemHistory(tx: SqlEngine): Promise<void> {
  await tx.exec('DELETE FROM record_item_history');
}
