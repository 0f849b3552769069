/**
 * A small hand-computed repository shared by the aggregation tests (see the expectations in
 * run.test.ts): a parent with two versions, a deleted record, a record moved between communities,
 * a record that joins a community after its creation and publication, and a published date
 * before creation.
 */
import type { SqlEngine } from '../../storage/port';
import { AGGREGATION_KINDS, categoryParts } from '../../../src/core/kinds';
import { BASES, CATEGORIES } from '../../../src/core/metrics';
import { getDailyDocs } from '../docs/get';
import { buildBundle } from '../bundles/build';
import { addEvents, addItemLabel, addMemberships, addRecords } from './testing';

export const LAST_DAY = '2024-01-10';

export async function loadScenario(db: SqlEngine): Promise<void> {
  await addRecords(db, [
    { id: 'r1', parent: 'P1', owner: 'u1', created: '2024-01-02', files: { count: 2, volume: 100 }, items: { resource_types: ['dataset'], subjects: ['s1', 's2'] } },
    { id: 'r2', parent: 'P1', owner: 'u1', created: '2024-01-03', published: '2023-12-30', items: { resource_types: ['dataset'], subjects: ['s1'] } },
    { id: 'r3', parent: 'P3', owner: 'u2', created: '2024-01-03', removed: '2024-01-05', items: { resource_types: ['text'], subjects: ['s3'] } },
  ]);
  await addItemLabel(db, 'resource_types', 'dataset', { en: 'Dataset', fr: 'Jeu de données' });
  await addMemberships(db, [
    ['r1', 'c1', 'added', '2024-01-04'],
    ['r1', 'c1', 'removed', '2024-01-06'],
    ['r1', 'c2', 'added', '2024-01-06'],
    ['r3', 'c1', 'added', '2024-01-03'],
    ['r2', 'c1', 'added', '2024-01-10'],
  ]);
  await addEvents(db, [
    { type: 'view', ts: '2024-01-04T10:00:00Z', record: 'r1', visitor: 'v1', country: 'FR' },
    { type: 'view', ts: '2024-01-04T10:00:10Z', record: 'r1', visitor: 'v1', country: 'FR' }, // double click
    { type: 'view', ts: '2024-01-04T11:00:00Z', record: 'r1', visitor: 'v2', country: 'DE' },
    { type: 'view', ts: '2024-01-04T12:00:00Z', record: 'r1', visitor: 'bot', robot: true },
    { type: 'download', ts: '2024-01-05T09:00:00Z', record: 'r1', visitor: 'v1', file: 'a.pdf', size: 50 },
    { type: 'download', ts: '2024-01-05T09:01:00Z', record: 'r1', visitor: 'v1', file: 'b.pdf', size: 70 },
    { type: 'view', ts: '2024-01-07T08:00:00Z', record: 'r1', visitor: 'v3' },
  ]);
}

/** Every document of every kind and community, and every bundle, as one JSON string. */
export async function snapshotAll(db: SqlEngine, communities = ['global', 'c1', 'c2']): Promise<string> {
  const out: unknown[] = [];
  for (const community of communities) {
    for (const kind of AGGREGATION_KINDS) {
      out.push(kind, community, await getDailyDocs(db, { kind, community, start: '2000-01-01', end: '2100-01-01' }));
    }
    for (const category of CATEGORIES) {
      for (const basis of categoryParts(category).family === 'records' ? BASES : [null]) {
        for (const year of [2023, 2024, 2025]) out.push(await buildBundle(db, { community, category, year, basis }));
      }
    }
  }
  return JSON.stringify(out);
}
