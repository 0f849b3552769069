/**
 * Record metadata history, so usage subcounts follow a record's metadata at the event's time.
 *
 * `records` / `record_items` keep the record's current version. When a re-import with a later
 * `updated` changes its subcount items, the version it replaces is closed: `record_versions` keeps
 * that version's period `[valid_from, valid_to)` (days; the first version's period opens at
 * 1900-01-01, i.e. always) and its raw JSON (to re-extract it when the subcount configuration
 * changes), `record_item_history` its items over the same period. The current version runs from the
 * last closed version's `valid_to` on (server/domain/itemPeriods.ts reads both as one relation).
 */
import type { Migration } from '../port';

export const METADATA_HISTORY_MIGRATIONS: Migration[] = [
  {
    id: '008_metadata_history',
    up: () => `
CREATE TABLE record_versions (
  record_id TEXT NOT NULL,
  valid_from DATE NOT NULL,
  valid_to DATE NOT NULL,
  raw TEXT NOT NULL,
  PRIMARY KEY (record_id, valid_from)
);
CREATE TABLE record_item_history (
  record_id TEXT NOT NULL,
  valid_from DATE NOT NULL,
  valid_to DATE NOT NULL,
  field TEXT NOT NULL,
  item_id TEXT NOT NULL,
  PRIMARY KEY (record_id, valid_from, field, item_id)
)`,
  },
];
