/** Reading the stored records, their items, files, labels and first events for the ingest stores. */
import type { RecordRow } from '../../ingest/record';
import type { SqlEngine } from '../port';
import { execIn, selectIn } from './slices';

export type StoredRecord = Pick<RecordRow, 'record_id' | 'created' | 'published' | 'removed' | 'raw'> & { communities: string };

/** The stored rows of `recordIds` (`communities` a JSON list), raw JSON included. */
export async function storedRecords(db: SqlEngine, recordIds: readonly string[]): Promise<StoredRecord[]> {
  return selectIn<StoredRecord>(
    db,
    (list) => `SELECT record_id, created, published, removed, communities, raw FROM records WHERE record_id IN (${list})`,
    recordIds,
  );
}

export interface RecordDates {
  record_id: string;
  created: string;
  published: string | null;
  updated: string | null;
  communities: string;
}

/** The dates and current communities (a JSON list) of `recordIds`, without their raw JSON. */
export async function recordDates(db: SqlEngine, recordIds: readonly string[]): Promise<RecordDates[]> {
  return selectIn<RecordDates>(
    db,
    (list) =>
      `SELECT record_id, CAST(created AS TEXT) AS created, CAST(published AS TEXT) AS published, updated, communities FROM records WHERE record_id IN (${list})`,
    recordIds,
  );
}

/** Record id → the day of its first usage event (records without events are absent). */
export async function firstEventDays(db: SqlEngine, recordIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await selectIn<{ record_id: string; day: string }>(
    db,
    (list) => `SELECT record_id, CAST(min(day) AS TEXT) AS day FROM events WHERE record_id IN (${list}) GROUP BY record_id`,
    recordIds,
  );
  return new Map(rows.map((r) => [r.record_id, r.day]));
}

/** The subcount items stored for `recordIds`. */
export async function recordItemsOf(db: SqlEngine, recordIds: readonly string[]): Promise<{ record_id: string; field: string; item_id: string }[]> {
  return selectIn(db, (list) => `SELECT record_id, field, item_id FROM record_items WHERE record_id IN (${list})`, recordIds);
}

/** Deletes the items and files stored for `recordIds` (before storing their new ones). */
export async function deleteRecordItemsAndFiles(tx: SqlEngine, recordIds: readonly string[]): Promise<void> {
  await execIn(tx, (list) => `DELETE FROM record_items WHERE record_id IN (${list})`, recordIds);
  await execIn(tx, (list) => `DELETE FROM record_files WHERE record_id IN (${list})`, recordIds);
}

/** The stored labels of items named `field U+001F item_id`. */
export async function storedItemLabels(db: SqlEngine, keys: readonly string[]): Promise<{ field: string; item_id: string; labels: string }[]> {
  return selectIn(db, (list) => `SELECT field, item_id, labels FROM item_labels WHERE field || chr(31) || item_id IN (${list})`, keys);
}
