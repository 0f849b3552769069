/**
 * Top records attribute views by membership at the event's day, read the same way as the
 * aggregations and the query API (membership intervals: repeated actions ignored).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SqlEngine } from '../storage/port';
import { addEvents, addMemberships, addRecords, freshDb } from '../domain/aggregate/testing';
import { runAggregation } from '../domain/aggregate/run';
import { topRecords } from './topRecords';

let db: SqlEngine;
beforeEach(async () => (db = await freshDb()));
afterEach(async () => db.close());

it('when a record was added twice and then removed, then its views after the removal do not count for the community', async () => {
  await addRecords(db, [{ id: 'r1', created: '2024-01-01' }, { id: 'r2', created: '2024-01-01' }]);
  await addMemberships(db, [
    ['r1', 'c1', 'added', '2024-01-01'],
    ['r1', 'c1', 'added', '2024-01-05'], // a repeated 'added' (e.g. explicit and derived histories)
    ['r1', 'c1', 'removed', '2024-02-01'],
    ['r2', 'c1', 'added', '2024-01-01'],
  ]);
  await addEvents(db, [
    { type: 'view', ts: '2024-01-10T10:00:00Z', record: 'r1', visitor: 'a' },
    { type: 'view', ts: '2024-02-10T10:00:00Z', record: 'r1', visitor: 'b' },
    { type: 'view', ts: '2024-02-11T10:00:00Z', record: 'r1', visitor: 'c' },
    { type: 'view', ts: '2024-02-10T10:00:00Z', record: 'r2', visitor: 'b' },
    { type: 'view', ts: '2024-02-11T10:00:00Z', record: 'r2', visitor: 'c' },
  ]);
  // Usage is read as the last aggregation counted it (counted_events).
  await runAggregation(db, { today: '2024-04-01' });
  const top = await topRecords(db, { community: 'c1', metric: 'views', start: '2024-01-01', end: '2024-03-31', limit: 10 });
  expect(top.records.map((r) => [r.id, r.value, r.uniqueVisitors])).toEqual([['r2', 2, 2], ['r1', 1, 1]]);
  const global = await topRecords(db, { community: 'global', metric: 'views', start: '2024-01-01', end: '2024-03-31', limit: 10 });
  expect(global.records.map((r) => [r.id, r.value])).toEqual([['r1', 3], ['r2', 2]]);
});
