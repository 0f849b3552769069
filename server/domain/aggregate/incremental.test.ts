import { afterEach, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../storage/port';
import { importLines } from '../../ingest/importLines';
import { runAggregation } from './run';
import { LAST_DAY, loadScenario, snapshotAll } from './scenario';
import { addEvents, addMemberships, addRecords, freshDb, markDirty } from './testing';

const opened: SqlEngine[] = [];
async function scenarioDb(): Promise<SqlEngine> {
  const db = await freshDb();
  opened.push(db);
  await loadScenario(db);
  // Usage over several months, so the usage phase has several units.
  await addEvents(db, [
    { type: 'view', ts: '2024-02-03T10:00:00Z', record: 'r2', visitor: 'v9' },
    { type: 'view', ts: '2024-03-03T10:00:00Z', record: 'r2', visitor: 'v9' },
    { type: 'download', ts: '2024-04-03T10:00:00Z', record: 'r1', visitor: 'v8', file: 'a.pdf', size: 50 },
  ]);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

const END = '2024-04-30';

// Each case aggregates several small databases and reads every document and bundle back.
describe('incremental aggregation', { timeout: 120_000 }, () => {
  it('when the same input is aggregated twice, then documents and bundles are byte-identical', async () => {
    const db = await scenarioDb();
    await runAggregation(db, { today: END });
    const first = await snapshotAll(db);
    await markDirty(db, 'records', '*', '2024-01-01');
    await markDirty(db, 'usage', '*', '2024-01-04');
    await runAggregation(db, { today: END });
    expect(await snapshotAll(db)).toBe(first);
  });

  it('when a run is interrupted midway, then the next run ends with the same result as an uninterrupted one', async () => {
    const reference = await scenarioDb();
    await runAggregation(reference, { today: END });
    const expected = await snapshotAll(reference);

    for (const stopAt of [{ phase: 'records', done: 1 }, { phase: 'usage', done: 2 }]) {
      const db = await scenarioDb();
      const interrupted = runAggregation(db, {
        today: END,
        onProgress: (p) => {
          if (p.phase === stopAt.phase && p.done === stopAt.done) throw new Error('killed');
        },
      });
      await expect(interrupted).rejects.toThrow('killed');
      const status = await db.query<{ status: string }>('SELECT status FROM agg_runs');
      expect(status.map((s) => s.status)).toEqual(['failed']);
      await runAggregation(db, { today: END });
      expect(await snapshotAll(db)).toBe(expected);
    }
  });

  it('when history arrives later (a new record published in the past, late events), then the run recomputes past days like a full run', async () => {
    const db = await scenarioDb();
    await runAggregation(db, { today: LAST_DAY });
    await addRecords(db, [{ id: 'r4', parent: 'P4', owner: 'u3', created: '2024-01-12', published: '2023-06-01' }]);
    await addMemberships(db, [['r4', 'c2', 'added', '2024-01-12']]);
    await addEvents(db, [{ type: 'view', ts: '2024-01-04T18:00:00Z', record: 'r1', visitor: 'v7' }]);
    // What ingest marks: the communities and days the new history touches.
    for (const c of ['global', 'c2']) await markDirty(db, 'records', c, '2023-06-01');
    await markDirty(db, 'usage', '*', '2024-01-04');
    const summary = await runAggregation(db, { today: END });
    expect(summary.affected).toContainEqual({ community: 'global', category: 'record-delta', year: 2023, basis: 'published' });
    expect(summary.affected).toContainEqual({ community: 'c2', category: 'record-snapshot', year: 2024, basis: 'published' });

    const full = await freshDb();
    opened.push(full);
    await loadScenario(full);
    await addEvents(full, [
      { type: 'view', ts: '2024-02-03T10:00:00Z', record: 'r2', visitor: 'v9' },
      { type: 'view', ts: '2024-03-03T10:00:00Z', record: 'r2', visitor: 'v9' },
      { type: 'download', ts: '2024-04-03T10:00:00Z', record: 'r1', visitor: 'v8', file: 'a.pdf', size: 50 },
      { type: 'view', ts: '2024-01-04T18:00:00Z', record: 'r1', visitor: 'v7' },
    ]);
    await addRecords(full, [{ id: 'r4', parent: 'P4', owner: 'u3', created: '2024-01-12', published: '2023-06-01' }]);
    await addMemberships(full, [['r4', 'c2', 'added', '2024-01-12']]);
    await runAggregation(full, { today: END });
    expect(await snapshotAll(db)).toBe(await snapshotAll(full));
  });

  it('when a membership is back-filled, then usage of that community is recomputed from the marked day on', async () => {
    const db = await scenarioDb();
    await runAggregation(db, { today: END });
    // r2 was in c2 all along: its views of February and March now count for c2.
    await addMemberships(db, [['r2', 'c2', 'added', '2024-01-03']]);
    await markDirty(db, 'records', 'c2', '2024-01-03');
    await markDirty(db, 'usage', 'c2', '2024-01-03');
    await runAggregation(db, { today: END });
    const { getDailyDocs } = await import('../docs/get');
    const snap = await getDailyDocs(db, { kind: 'usage-snapshot', community: 'c2', start: END, end: END });
    expect(snap[0]).toMatchObject({ totals: { view: { total_events: 3 }, download: { total_events: 1 } } });
    expect(await db.query('SELECT * FROM dirty_days')).toEqual([]);
  });
});

describe('records published before the input window', { timeout: 120_000 }, () => {
  // Publication dates are metadata (a 1985 article deposited in 2024): the record's dirty day is
  // the window's first day, so the next run counts it, with no "ignored dirty day" note.
  const old = { id: 'r-1985', created: '2024-02-10T09:00:00Z', metadata: { publication_date: '1985-06', resource_type: { id: 'publication-article' } } };
  const importOld = (db: SqlEngine) => importLines(db, { kind: 'records', lines: [JSON.stringify(old)], source: 'test' });

  it('when such a record arrives after a run, then the next run gives what a run from scratch gives, without a note', async () => {
    const later = await scenarioDb();
    await runAggregation(later, { today: END });
    expect((await importOld(later)).imported).toBe(1);
    const run = await runAggregation(later, { today: END });
    expect(run.notes ?? []).toEqual([]);
    const scratch = await scenarioDb();
    await importOld(scratch);
    await runAggregation(scratch, { today: END });
    expect(await snapshotAll(later)).toBe(await snapshotAll(scratch));
  });
});
