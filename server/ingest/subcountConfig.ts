/**
 * Keep records' subcount items in step with the subcount configuration. Its hash is stored; when
 * the configuration changes, every record's items (and its closed versions', server/ingest/itemHistory.ts)
 * are re-extracted from the kept raw JSON and every day is marked dirty, so the next aggregation
 * run rebuilds the documents. No manual migration.
 */
import type { SqlEngine } from '../storage/port';
import type { SubcountConfig } from '../config/subcounts';
import { extractItems } from './extract';
import { storeLabels } from './recordStore';
import { markDirty, type DirtyDay } from '../storage/queries/dirtyDays';
import { readState, writeState } from '../storage/queries/ingestState';
import { firstInputDays } from '../storage/queries/inputSpan';
import { clearRecordItems, recordRawPage } from '../storage/queries/recordVersions';
import { shortHash } from './visitor';
import { minDay } from './time';
import { reextractHistory } from './itemHistory';

const STATE_KEY = 'subcount_config_hash';
const PAGE = 2_000;

export function subcountConfigHash(config: SubcountConfig): string {
  return shortHash(JSON.stringify(config));
}

/** Returns the number of records re-extracted (0 when the configuration is unchanged). */
export async function syncSubcountConfig(db: SqlEngine, config: SubcountConfig): Promise<number> {
  const hash = subcountConfigHash(config);
  const stored = await readState(db, STATE_KEY);
  if (stored === hash) return 0;
  return db.transaction(async (tx) => {
    let count = 0;
    if (stored !== null) {
      await clearRecordItems(tx);
      for (let offset = 0; ; offset += PAGE) {
        const page = await recordRawPage(tx, { limit: PAGE, offset });
        if (page.length === 0) break;
        const extracted = page.map((r) => ({ id: r.record_id, ...extractItems(JSON.parse(r.raw), config) }));
        await tx.insertMany(
          'record_items',
          ['record_id', 'field', 'item_id', 'file_count', 'data_volume'],
          extracted.flatMap((e) => e.items.map((i) => [e.id, i.field, i.item_id, i.file_count, i.data_volume])),
          { onConflict: 'ignore' },
        );
        await storeLabels(tx, extracted);
        count += page.length;
      }
      await reextractHistory(tx, config);
      await markDirty(tx, await everythingDirty(tx));
    }
    await writeState(tx, STATE_KEY, hash);
    return count;
  });
}

async function everythingDirty(db: SqlEngine): Promise<DirtyDay[]> {
  const r = await firstInputDays(db);
  const days: DirtyDay[] = [];
  const records = minDay(r.created, r.published, r.joined);
  if (records) days.push({ scope: 'records', community_id: '*', day: records });
  if (r.used) days.push({ scope: 'usage', community_id: '*', day: r.used });
  return days;
}
