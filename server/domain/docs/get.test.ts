import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordDeltaDoc, RecordSnapshotDoc } from './schema';
import type { SqlEngine } from '../../storage/port';
import { runAggregation } from '../aggregate/run';
import { addMemberships, addRecords, freshDb } from '../aggregate/testing';
import { getDailyDocs } from './get';

let db: SqlEngine;
beforeAll(async () => {
  db = await freshDb();
  await addRecords(db, [
    { id: 't1', created: '2024-01-02', items: { subjects: ['x', 'y'], resource_types: ['a'] } },
    { id: 't2', created: '2024-01-02', items: { subjects: ['x'], resource_types: ['b'] } },
    { id: 't3', created: '2024-01-02', items: { subjects: ['z'], resource_types: ['c'] } },
  ]);
  await addMemberships(db, [['t1', 'c', 'added', '2024-01-02'], ['t2', 'c', 'added', '2024-01-02'], ['t3', 'c', 'added', '2024-01-03']]);
  await runAggregation(db, { today: '2024-01-04' });
});
afterAll(() => db.close());

describe('getDailyDocs', () => {
  it('when a top field has more items than N, then the document lists the top N and says exactly what falls outside', async () => {
    const [doc] = (await getDailyDocs(db, { kind: 'records-delta-added', community: 'c', start: '2024-01-02', end: '2024-01-02', topN: 1 })) as RecordDeltaDoc[];
    expect(doc?.subcounts['subjects']?.map((s) => s.id)).toEqual(['x']);
    expect(doc?.subcounts_other['subjects']).toMatchObject({ items: 1, records: { added: { metadata_only: 1, with_files: 0 } } });
    // "all" fields keep every item.
    expect(doc?.subcounts['resource_types']?.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('when a range is asked, then there is one document per day, zero days included, clipped to the aggregated days', async () => {
    const docs = (await getDailyDocs(db, { kind: 'records-snapshot-added', community: 'c', start: '2023-12-01', end: '2024-02-01' })) as RecordSnapshotDoc[];
    expect(docs.map((d) => d.snapshot_date)).toEqual(['2024-01-02', '2024-01-03', '2024-01-04']);
    expect(docs.map((d) => d.total_records.metadata_only)).toEqual([2, 3, 3]);
    expect(docs[2]?.timestamp).toBe('2024-01-04T23:59:59Z');
  });

  it('when the community is unknown, then there are no documents', async () => {
    expect(await getDailyDocs(db, { kind: 'usage-delta', community: 'nope', start: '2024-01-01', end: '2024-12-31' })).toEqual([]);
  });
});
