/**
 * Record metadata history (migration 008): when a re-import changes a record's subcount items, the
 * version it replaces is closed at the new version's day — the UTC day of its `updated` — so usage
 * before that day keeps the earlier items. A change dated on or before the current version's start
 * (a second update the same day, or an older `updated` arriving late) replaces the current version
 * from its start instead: history only grows forward.
 */
import type { SqlEngine } from '../storage/port';
import type { SubcountConfig } from '../config/subcounts';
import { extractItems } from './extract';
import { clearItemHistory, closedVersionEnds, versionRawPage } from '../storage/queries/recordVersions';
import { HISTORY_START } from '../domain/itemPeriods';

export interface ItemChange {
  record_id: string;
  /** The day the new metadata takes effect (its `updated`, else the import's day). */
  day: string;
  /** The replaced version: its raw JSON and its items. */
  oldRaw: string;
  oldItems: readonly { field: string; item_id: string }[];
}

/**
 * Close the replaced versions of `changes` (records whose items changed). Returns, per record, the
 * first day whose usage subcounts change.
 */
export async function closeVersions(db: SqlEngine, changes: readonly ItemChange[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (changes.length === 0) return out;
  const since = await closedVersionEnds(db, changes.map((c) => c.record_id));
  const closed = changes.flatMap((c) => {
    const from = since.get(c.record_id) ?? HISTORY_START;
    out.set(c.record_id, c.day > from ? c.day : from);
    return c.day > from ? [{ ...c, from }] : [];
  });
  await db.insertMany('record_versions', ['record_id', 'valid_from', 'valid_to', 'raw'], closed.map((c) => [c.record_id, c.from, c.day, c.oldRaw]));
  await db.insertMany(
    'record_item_history',
    ['record_id', 'valid_from', 'valid_to', 'field', 'item_id'],
    closed.flatMap((c) => c.oldItems.map((i) => [c.record_id, c.from, c.day, i.field, i.item_id])),
    { onConflict: 'ignore' },
  );
  return out;
}

const PAGE = 2_000;

/** Re-extract every closed version's items from its kept raw JSON (after a subcount configuration change). */
export async function reextractHistory(db: SqlEngine, config: SubcountConfig): Promise<void> {
  await clearItemHistory(db);
  for (let offset = 0; ; offset += PAGE) {
    const page = await versionRawPage(db, { limit: PAGE, offset });
    if (page.length === 0) return;
    await db.insertMany(
      'record_item_history',
      ['record_id', 'valid_from', 'valid_to', 'field', 'item_id'],
      page.flatMap((v) => extractItems(JSON.parse(v.raw), config).items.map((i) => [v.record_id, v.valid_from, v.valid_to, i.field, i.item_id])),
      { onConflict: 'ignore' },
    );
  }
}
