import { afterEach, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../storage/port';
import { markDirty as ingestMarksDirty } from '../../storage/queries/dirtyDays';
import { runAggregation } from './run';
import { loadScenario, snapshotAll } from './scenario';
import { addEvents, freshDb, markDirty, type EventInput } from './testing';

const opened: SqlEngine[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

const END = '2024-04-30';
const BASE: EventInput[] = [
  { type: 'view', ts: '2024-02-03T10:00:00Z', record: 'r2', visitor: 'v9' },
  { type: 'view', ts: '2024-03-03T10:00:00Z', record: 'r2', visitor: 'v9' },
  { type: 'download', ts: '2024-04-03T10:00:00Z', record: 'r1', visitor: 'v8', file: 'a.pdf', size: 50 },
];
const LATE: EventInput = { type: 'view', ts: '2024-02-03T11:00:00Z', record: 'r1', visitor: 'v7' };

async function scenario(events: readonly EventInput[]): Promise<SqlEngine> {
  const db = await freshDb();
  opened.push(db);
  await loadScenario(db);
  await addEvents(db, events);
  return db;
}

describe('ingest while a run is in progress', { timeout: 120_000 }, () => {
  it('when an event lands on a day an earlier unit of the run already settled, then its day stays dirty and the next run counts it', async () => {
    const reference = await scenario([...BASE, LATE]);
    await runAggregation(reference, { today: END });

    const db = await scenario(BASE);
    await runAggregation(db, { today: END });
    // The next run has two usage units (February, April); the event arrives between them, the way
    // ingest stores it: the event and its dirty day in one transaction.
    await markDirty(db, 'usage', '*', '2024-02-10');
    await markDirty(db, 'usage', '*', '2024-04-10');
    let landed: Promise<void> | null = null;
    await runAggregation(db, {
      today: END,
      onProgress: ({ phase, done }) => {
        if (phase !== 'usage' || done !== 1 || landed) return;
        landed = db.transaction(async (tx) => {
          await addEvents(tx, [LATE]);
          await ingestMarksDirty(tx, [{ scope: 'usage', community_id: '*', day: '2024-02-03' }]);
        });
      },
    });
    expect(landed).not.toBeNull();
    await landed;
    expect(await db.query('SELECT scope, community_id, CAST(day AS TEXT) AS day FROM dirty_days')).toEqual([
      { scope: 'usage', community_id: '*', day: '2024-02-03' },
    ]);
    await runAggregation(db, { today: END });
    expect(await db.query('SELECT count(*) AS n FROM dirty_days')).toEqual([{ n: 0 }]);
    expect(await snapshotAll(db)).toBe(await snapshotAll(reference));
  });

  it('when a day the run has claimed is marked again before its unit, then the run counts the new event and still leaves the day dirty', async () => {
    const db = await scenario(BASE);
    await runAggregation(db, { today: END });
    await markDirty(db, 'usage', '*', '2024-02-03');
    await markDirty(db, 'usage', '*', '2024-04-10');
    let landed: Promise<void> | null = null;
    await runAggregation(db, {
      today: END,
      onProgress: ({ phase, done }) => {
        // Before the first usage unit: its claim is taken, and this marks the claimed day again.
        if (phase !== 'usage' || done !== 0 || landed) return;
        landed = db.transaction(async (tx) => {
          await addEvents(tx, [LATE]);
          await ingestMarksDirty(tx, [{ scope: 'usage', community_id: '*', day: '2024-02-03' }]);
        });
      },
    });
    await landed;
    expect(await db.query('SELECT scope, community_id, CAST(day AS TEXT) AS day, claimed_by FROM dirty_days')).toEqual([
      { scope: 'usage', community_id: '*', day: '2024-02-03', claimed_by: null },
    ]);
    const reference = await scenario([...BASE, LATE]);
    await runAggregation(reference, { today: END });
    expect(await snapshotAll(db)).toBe(await snapshotAll(reference));
  });
});
