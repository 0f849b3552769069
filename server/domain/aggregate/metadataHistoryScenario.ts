/**
 * A record whose resource type changes mid-month, for the metadata-history tests (DuckDB here,
 * PostgreSQL in test/pg/query.test.ts): r1 in c1 is a dataset until a re-import with `updated`
 * 2024-03-15 makes it software. Views: 03-05 and 03-10 (a dataset then), 03-15 and 03-20 (software).
 * r2 stays an image throughout. Loaded through the real importer.
 */
import type { SqlEngine } from '../../storage/port';
import { importLines } from '../../ingest/importLines';
import { lines } from '../../ingest/testDb';
import { runAggregation } from './run';

const record = (id: string, type: string, updated: string) => ({
  id, created: '2024-01-02T00:00:00Z', updated, parent: { id: `p-${id}`, communities: { ids: ['c1'] } },
  metadata: { title: id, resource_type: { id: type, title: { en: type } } },
});
const view = (day: string, record_id: string, visitor_id: string) => ({ type: 'view', timestamp: `${day}T10:00:00Z`, record_id, visitor_id });

export const FIRST_VERSION = record('r1', 'dataset', '2024-01-02T00:00:00Z');
export const SECOND_VERSION = record('r1', 'software', '2024-03-15T08:00:00Z');

/**
 * `stepwise`: import the first version and the events, aggregate, then re-import (the re-import
 * must dirty the days it changes) and aggregate again. Otherwise both versions in one file.
 */
export async function loadMetadataHistory(db: SqlEngine, stepwise: boolean): Promise<void> {
  const records = (...r: unknown[]) => importLines(db, { kind: 'records', lines: lines(...r), source: 'records' });
  await records(FIRST_VERSION, record('r2', 'image', '2024-01-02T00:00:00Z'), ...(stepwise ? [] : [SECOND_VERSION]));
  await importLines(db, {
    kind: 'events',
    lines: lines(view('2024-03-05', 'r1', 'a'), view('2024-03-10', 'r1', 'b'), view('2024-03-15', 'r1', 'c'), view('2024-03-20', 'r1', 'd'), view('2024-03-20', 'r2', 'd')),
    source: 'events',
    salt: 's',
  });
  await runAggregation(db, { today: '2024-03-31' });
  if (!stepwise) return;
  await records(SECOND_VERSION);
  await runAggregation(db, { today: '2024-03-31' });
}
