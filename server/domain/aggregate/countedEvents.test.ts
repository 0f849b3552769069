/**
 * `counted_events`: the events the COUNTER rules count, stored by the usage aggregation for the
 * days it recomputes (and filled from the events by its migration), so readers of usage do not
 * re-apply the double-click window on every query.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SqlEngine } from '../../storage/port';
import { COUNTED_EVENT_MIGRATIONS } from '../../storage/migrations/009_counted_events';
import { COUNTED_STORED_COLUMNS, countedEventsSql } from '../counting';
import { addEvents, addRecords, freshDb, markDirty } from './testing';
import { runAggregation } from './run';

let db: SqlEngine;
beforeEach(async () => (db = await freshDb()));
afterEach(async () => db.close());

const cols = COUNTED_STORED_COLUMNS.map((c) => `CAST(${c} AS TEXT) AS ${c}`).join(', ');
const stored = () => db.query(`SELECT ${cols} FROM counted_events ORDER BY ALL`);
const byRule = () => db.query(`SELECT ${cols} FROM (${countedEventsSql({ from: '2024-01-01', to: '2024-12-31' })}) c ORDER BY ALL`);

async function seed(): Promise<void> {
  await addRecords(db, [{ id: 'r1', created: '2024-01-01' }]);
  await addEvents(db, [
    { type: 'view', ts: '2024-01-10T10:00:00Z', record: 'r1', visitor: 'a' },
    { type: 'view', ts: '2024-01-10T10:00:20Z', record: 'r1', visitor: 'a' }, // a double click
    { type: 'view', ts: '2024-01-10T11:00:00Z', record: 'r1', visitor: 'b', robot: true },
    { type: 'download', ts: '2024-01-11T09:00:00Z', record: 'r1', visitor: 'a', file: 'f.csv', size: 7 },
  ]);
}

it('when events are aggregated, then counted_events holds exactly the events the COUNTER rules count', async () => {
  await seed();
  expect(await stored()).toEqual([]);
  await runAggregation(db, { today: '2024-02-01' });
  const rows = await stored();
  expect(rows).toHaveLength(2);
  expect(rows).toEqual(await byRule());
});

it('when an earlier click arrives for an aggregated day, then the next run rewrites that day: the stored click is the new one', async () => {
  await seed();
  await runAggregation(db, { today: '2024-02-01' });
  await addEvents(db, [{ type: 'view', ts: '2024-01-10T09:59:50Z', record: 'r1', visitor: 'a', country: 'FR' }]);
  await markDirty(db, 'usage', '*', '2024-01-10');
  await runAggregation(db, { today: '2024-02-01' });
  const views = (await stored()).filter((r) => r.type === 'view');
  expect(views).toEqual([expect.objectContaining({ country: 'FR' })]);
  expect(await stored()).toEqual(await byRule());
});

it('when a database from before the table is migrated, then the migration fills it from the events', async () => {
  await seed();
  await db.exec('DROP TABLE counted_events');
  await db.exec(COUNTED_EVENT_MIGRATIONS[0]!.up('duckdb'));
  expect(await stored()).toEqual(await byRule());
  expect(await stored()).toHaveLength(2);
});
