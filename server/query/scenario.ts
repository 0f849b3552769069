/**
 * A hand-computed repository for the query API's tests (expectations in engine.test.ts), loaded
 * into any engine (DuckDB here, PostgreSQL in the parity test) and then aggregated, so "data as
 * of" is 2024-03-31.
 *
 * Community c1 in Q1 2024 (added basis):
 * - r1 (P1, alice, files 2 / 100 B, dataset) added 01-10; r3 (P3, bob, 1 / 50 B, dataset) added
 *   01-20, removed from c1 03-05; r6 (P6, alice, dataset) added 01-25: alice uploads twice in January.
 * - r2 (P1 again: a new version, alice, software + image) added 02-03; r5 (P5, carol, image),
 *   created and published 2023-11-15, joins c1 02-15.
 * - r4 (P4, alice, 3 / 300 B, dataset) added 03-10, deleted 03-20.
 * - r1 was published 2023-12-01, before its creation.
 */
import type { SqlEngine } from '../storage/port';
import { addEvents, addMemberships, addRecords } from '../domain/aggregate/testing';

export const SCENARIO_AS_OF = '2024-03-31';

export async function loadQueryScenario(db: SqlEngine): Promise<void> {
  const dataset = { resource_types: ['dataset'] };
  await addRecords(db, [
    { id: 'r1', parent: 'P1', owner: 'alice', created: '2024-01-05', published: '2023-12-01', files: { count: 2, volume: 100 }, items: { ...dataset, languages: ['eng'] } },
    { id: 'r2', parent: 'P1', owner: 'alice', created: '2024-02-03', published: '2024-02-03', items: { resource_types: ['software', 'image'] } },
    { id: 'r3', parent: 'P3', owner: 'bob', created: '2024-01-20', files: { count: 1, volume: 50 }, items: dataset },
    { id: 'r4', parent: 'P4', owner: 'alice', created: '2024-03-10', removed: '2024-03-20', files: { count: 3, volume: 300 }, items: dataset },
    { id: 'r5', parent: 'P5', owner: 'carol', created: '2023-11-15', published: '2023-11-15', items: { resource_types: ['image'] } },
    { id: 'r6', parent: 'P6', owner: 'alice', created: '2024-01-25', items: dataset },
  ]);
  await db.exec(`INSERT INTO item_labels VALUES ('resource_types', 'dataset', '{"en":"Dataset","fr":"Jeu de données"}')`);
  await addMemberships(db, [
    ['r1', 'c1', 'added', '2024-01-10'],
    ['r2', 'c1', 'added', '2024-02-03'],
    ['r3', 'c1', 'added', '2024-01-20'],
    ['r3', 'c1', 'removed', '2024-03-05'],
    ['r4', 'c1', 'added', '2024-03-10'],
    ['r5', 'c1', 'added', '2024-02-15'],
    ['r6', 'c1', 'added', '2024-01-25'],
  ]);
  await addEvents(db, [
    { type: 'view', ts: '2024-01-05T09:00:00Z', record: 'r5', visitor: 'E', country: 'GB' }, // before r5 joins c1
    { type: 'view', ts: '2024-01-12T10:00:00Z', record: 'r1', visitor: 'A', country: 'US' },
    { type: 'view', ts: '2024-01-12T10:00:10Z', record: 'r1', visitor: 'A', country: 'US' }, // double click
    { type: 'download', ts: '2024-01-12T10:01:00Z', record: 'r1', visitor: 'A', file: 'a.pdf', size: 60, country: 'US' },
    { type: 'view', ts: '2024-01-13T09:00:00Z', record: 'r1', visitor: 'A', country: 'US' },
    { type: 'view', ts: '2024-01-13T09:05:00Z', record: 'r6', visitor: 'A', country: 'US' }, // before r6 joins c1
    { type: 'view', ts: '2024-01-25T12:00:00Z', record: 'r3', visitor: 'B', country: 'DE' },
    { type: 'view', ts: '2024-01-26T09:05:00Z', record: 'r6', visitor: 'A', country: 'US' },
    { type: 'view', ts: '2024-02-10T08:00:00Z', record: 'r1', visitor: 'B', country: 'US' },
    { type: 'view', ts: '2024-02-10T08:05:00Z', record: 'r2', visitor: 'B', country: 'US' },
    { type: 'download', ts: '2024-02-11T10:00:00Z', record: 'r1', visitor: 'A', file: 'b.csv', size: 40, country: 'US' },
    { type: 'view', ts: '2024-03-10T08:00:00Z', record: 'r3', visitor: 'C', country: 'FR' }, // r3 left c1 on 03-05
    { type: 'download', ts: '2024-03-15T10:00:00Z', record: 'r4', visitor: 'D', file: 'x.zip', size: 100 },
    { type: 'view', ts: '2024-03-31T18:00:00Z', record: 'r5', visitor: 'E', country: 'GB' },
  ]);
}
