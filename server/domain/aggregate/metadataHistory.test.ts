/**
 * Usage subcounts follow the record's metadata at the event's time: a record whose resource type
 * changes on 2024-03-15 keeps its earlier views under the earlier type, in the daily documents and
 * in the query API (scenario in metadataHistoryScenario.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../storage/port';
import { freshDb } from './testing';
import { getDailyDocs } from '../docs/get';
import { ask } from '../../query/testing';
import type { QueryRequestInput } from '../../../src/api/query';
import { loadMetadataHistory } from './metadataHistoryScenario';

let db: SqlEngine;
afterEach(async () => db.close());

/** The views per resource type in a usage document's subcounts. */
function viewsByType(doc: unknown): Record<string, number> {
  const items = (doc as { subcounts: { resource_types: { id: string; view: { total_events: number } }[] } }).subcounts.resource_types;
  return Object.fromEntries(items.map((i) => [i.id, i.view.total_events]));
}

describe.each([
  ['re-imported after a first aggregation', true],
  ['both versions in one import', false],
])('a record whose resource type changes mid-month, %s', (_, stepwise) => {
  it('then the daily documents split its views between the two types at the change', async () => {
    db = await freshDb();
    await loadMetadataHistory(db, stepwise);
    const deltas = await getDailyDocs(db, { kind: 'usage-delta', community: 'c1', start: '2024-03-01', end: '2024-03-31' });
    const byDay = Object.fromEntries(deltas.map((d) => [(d as { period_start: string }).period_start.slice(0, 10), viewsByType(d)]));
    expect(byDay).toMatchObject({
      '2024-03-05': { dataset: 1 },
      '2024-03-10': { dataset: 1 },
      '2024-03-15': { software: 1 },
      '2024-03-20': { software: 1, image: 1 },
    });
    expect(byDay['2024-03-15']).not.toHaveProperty('dataset');
    const [snapshot] = await getDailyDocs(db, { kind: 'usage-snapshot', community: 'c1', start: '2024-03-31', end: '2024-03-31' });
    expect(viewsByType(snapshot)).toEqual({ dataset: 2, software: 2, image: 1 });
  });

  it('then the query API splits its views the same way, by dimension and by filter', async () => {
    db = await freshDb();
    await loadMetadataHistory(db, stepwise);
    const base: QueryRequestInput = { community: 'c1', metrics: ['views'], date_range: ['2024-03-01', '2024-03-31'] };
    const byType = await ask(db, { ...base, dimensions: ['field:resource_types'], order_by: [['views', 'desc']] });
    expect(Object.fromEntries(byType.results.map((r) => [r.dimensions[0], r.metrics[0]]))).toEqual({ dataset: 2, software: 2, image: 1 });
    const datasets = await ask(db, { ...base, metrics: ['views', 'views_unique_records'], filters: [['is', 'field:resource_types', ['dataset']]] });
    expect(datasets.results[0]!.metrics).toEqual([2, 1]);
    const notSoftware = await ask(db, { ...base, dimensions: ['time:day'], filters: [['is_not', 'field:resource_types', ['software']]] });
    expect(notSoftware.results.filter((r) => r.metrics[0] !== 0).map((r) => [r.dimensions[0], r.metrics[0]])).toEqual([
      ['2024-03-05', 1], ['2024-03-10', 1], ['2024-03-20', 1],
    ]);
  });
});
