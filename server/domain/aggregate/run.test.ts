import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../storage/port';
import { getDailyDocs } from '../docs/get';
import { DOC_SCHEMAS, type RecordDeltaDoc, type RecordSnapshotDoc } from '../docs/schema';
import { AggregationRunningError, runAggregation } from './run';
import { LAST_DAY, loadScenario } from './scenario';
import { freshDb } from './testing';

let db: SqlEngine;
beforeEach(async () => {
  db = await freshDb();
  await loadScenario(db);
  await runAggregation(db, { today: LAST_DAY });
});
afterEach(() => db.close());

const docs = (kind: Parameters<typeof getDailyDocs>[1]['kind'], community: string) =>
  getDailyDocs(db, { kind, community, start: '2023-01-01', end: '2024-12-31' });

const byDay = <T extends { period_start?: string; snapshot_date?: string }>(list: T[]) =>
  new Map(list.map((d) => [d.period_start ?? d.snapshot_date, d]));

describe('records delta', () => {
  it('when global is aggregated by the added basis, then records, parents, files and uploaders enter and leave on their days', async () => {
    const d = byDay((await docs('records-delta-added', 'global')) as RecordDeltaDoc[]);
    expect(d.get('2024-01-02')).toMatchObject({
      records: { added: { metadata_only: 0, with_files: 1 } },
      parents: { added: { metadata_only: 0, with_files: 1 } },
      files: { added: { file_count: 2, data_volume: 100 } },
      uploaders: 1,
    });
    // r2 is a new version of P1 (already present): only P3 enters; two uploaders added records.
    expect(d.get('2024-01-03')).toMatchObject({
      records: { added: { metadata_only: 2, with_files: 0 } },
      parents: { added: { metadata_only: 1, with_files: 0 } },
      uploaders: 2,
    });
    // The deletion of r3 counts on its day.
    expect(d.get('2024-01-05')).toMatchObject({
      records: { removed: { metadata_only: 1, with_files: 0 } },
      parents: { removed: { metadata_only: 1, with_files: 0 } },
    });
  });

  it('when a record moves from c1 to c2, then c1 counts it removed and c2 added on the move day', async () => {
    const c1 = byDay((await docs('records-delta-added', 'c1')) as RecordDeltaDoc[]);
    const c2 = byDay((await docs('records-delta-added', 'c2')) as RecordDeltaDoc[]);
    expect(c1.get('2024-01-06')?.records.removed).toEqual({ metadata_only: 0, with_files: 1 });
    expect(c1.get('2024-01-06')?.files.removed).toEqual({ file_count: 2, data_volume: 100 });
    expect(c2.get('2024-01-06')?.records.added).toEqual({ metadata_only: 0, with_files: 1 });
  });

  it('when a record joins c1 after its creation and publication, then the created and published bases count it from those days', async () => {
    const added = byDay((await docs('records-delta-added', 'c1')) as RecordDeltaDoc[]);
    const created = byDay((await docs('records-delta-created', 'c1')) as RecordDeltaDoc[]);
    const published = byDay((await docs('records-delta-published', 'c1')) as RecordDeltaDoc[]);
    expect(added.get('2024-01-10')?.records.added.metadata_only).toBe(1);
    expect(created.get('2024-01-03')?.records.added.metadata_only).toBe(2); // r2 and r3
    expect(created.get('2024-01-10')?.records.added.metadata_only).toBe(0);
    // Published before it was created: the published series starts on 2023-12-30.
    expect([...published.keys()][0]).toBe('2023-12-30');
    expect(published.get('2023-12-30')?.records.added.metadata_only).toBe(1);
  });

  it('when documents are listed, then each validates against its kind schema and carries labels and other', async () => {
    for (const kind of ['records-delta-added', 'records-snapshot-created', 'usage-delta', 'usage-snapshot'] as const) {
      for (const doc of await docs(kind, 'global')) expect(() => DOC_SCHEMAS[kind].parse(doc)).not.toThrow();
    }
    const d = byDay((await docs('records-delta-added', 'global')) as RecordDeltaDoc[]);
    expect(d.get('2024-01-02')?.subcounts['resource_types']?.[0]).toMatchObject({ id: 'dataset', label: { en: 'Dataset', fr: 'Jeu de données' } });
  });
});

describe('records snapshot', () => {
  it('when the day ends, then holdings count exactly, with parents with files if any held version has files', async () => {
    const d = byDay((await docs('records-snapshot-added', 'global')) as RecordSnapshotDoc[]);
    expect(d.get('2024-01-04')).toMatchObject({
      total_records: { metadata_only: 2, with_files: 1 },
      total_parents: { metadata_only: 1, with_files: 1 },
      total_files: { file_count: 2, data_volume: 100 },
      total_uploaders: 2,
    });
    expect(d.get('2024-01-05')).toMatchObject({
      total_records: { metadata_only: 1, with_files: 1 },
      total_parents: { metadata_only: 0, with_files: 1 },
      total_uploaders: 1,
    });
  });

  it('when c1 is read at the end, then it holds only r2, added on 2024-01-10', async () => {
    const d = byDay((await docs('records-snapshot-added', 'c1')) as RecordSnapshotDoc[]);
    expect(d.get('2024-01-09')?.total_records).toEqual({ metadata_only: 0, with_files: 0 });
    expect(d.get(LAST_DAY)?.total_records).toEqual({ metadata_only: 1, with_files: 0 });
    expect(d.get(LAST_DAY)?.subcounts['subjects']).toEqual([
      expect.objectContaining({ id: 's1', records: { metadata_only: 1, with_files: 0 } }),
    ]);
  });
});

describe('usage', () => {
  it('when events are counted, then robots and double clicks are left out and each community gets its records of that day', async () => {
    const c1 = new Map((await docs('usage-delta', 'c1')).map((d) => [(d as { period_start: string }).period_start, d]));
    expect(c1.get('2024-01-04')).toMatchObject({
      totals: { view: { total_events: 2, unique_visitors: 2, unique_records: 1, unique_parents: 1 } },
    });
    expect(c1.get('2024-01-05')).toMatchObject({
      totals: { download: { total_events: 2, unique_visitors: 1, unique_files: 2, total_volume: 120 } },
    });
    // r1 moved to c2 on 01-06: its view on 01-07 counts for c2 and global, not c1.
    expect(c1.get('2024-01-07')).toMatchObject({ totals: { view: { total_events: 0 } } });
    const c2 = await docs('usage-delta', 'c2');
    expect(c2.find((d) => (d as { period_start: string }).period_start === '2024-01-07')).toMatchObject({ totals: { view: { total_events: 1 } } });
    expect(c1.get('2024-01-04')).toMatchObject({
      subcounts: { countries: [expect.objectContaining({ id: 'DE' }), expect.objectContaining({ id: 'FR' })] },
    });
  });

  it('when usage is cumulated, then the snapshot sums the daily figures (uniques are sums of daily uniques)', async () => {
    const snap = await docs('usage-snapshot', 'global');
    expect(snap[snap.length - 1]).toMatchObject({
      snapshot_date: LAST_DAY,
      totals: { view: { total_events: 3, unique_visitors: 3 }, download: { total_events: 2, total_volume: 120 } },
    });
  });
});

describe('the run', () => {
  it('when a run is already in progress, then a second one reports it and does nothing', async () => {
    const first = runAggregation(db, { today: LAST_DAY });
    await expect(runAggregation(db, { today: LAST_DAY })).rejects.toBeInstanceOf(AggregationRunningError);
    await first;
  });

  it('when nothing changed, then a second run touches no bundle', async () => {
    const again = await runAggregation(db, { today: LAST_DAY });
    expect(again.affected).toEqual([]);
  });
});
