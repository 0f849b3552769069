/**
 * Metadata history on DuckDB and PostgreSQL: a record whose resource type changes mid-month
 * (server/domain/aggregate/metadataHistoryScenario.ts), re-imported between two aggregation runs,
 * gives the same daily usage documents and query answers on both engines, split at the change.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { QueryRequestSchema, type QueryRequestInput } from '../../src/api/query';
import { USAGE_METRIC_IDS } from '../../src/core/metrics';
import { loadMetadataHistory } from '../../server/domain/aggregate/metadataHistoryScenario';
import { getDailyDocs } from '../../server/domain/docs/get';
import { dataState } from '../../server/query/dataState';
import { runQuery } from '../../server/query/engine';
import { openDuckDb } from '../../server/storage/duckdb';
import { migrate } from '../../server/storage/migrate';
import { openPostgres } from '../../server/storage/postgres';
import type { SqlEngine } from '../../server/storage/port';
import { freshPgDatabase } from './fresh';

let duck: SqlEngine;
let pg: SqlEngine;
beforeAll(async () => {
  duck = await openDuckDb(':memory:');
  pg = await openPostgres(await freshPgDatabase('history'));
  await Promise.all([migrate(duck), migrate(pg)]);
  for (const db of [duck, pg]) await loadMetadataHistory(db, true);
}, 120_000);
afterAll(async () => {
  await duck?.close();
  await pg?.close();
});

async function answer(db: SqlEngine, input: QueryRequestInput) {
  const q = QueryRequestSchema.parse(input);
  return runQuery(db, q, await dataState(db, q.community));
}

/** Documents without their build timestamps. */
const docs = async (db: SqlEngine, kind: 'usage-delta' | 'usage-snapshot') =>
  (await getDailyDocs(db, { kind, community: 'c1', start: '2024-03-01', end: '2024-03-31' })).map((d) => ({ ...d, timestamp: '', updated_timestamp: '' }));

it('when a record changes type mid-month, then both engines give the same daily usage documents', async () => {
  for (const kind of ['usage-delta', 'usage-snapshot'] as const) expect(await docs(pg, kind)).toEqual(await docs(duck, kind));
  const last = (await docs(pg, 'usage-snapshot')).at(-1) as unknown as { subcounts: { resource_types: { id: string; view: { total_events: number } }[] } };
  expect(Object.fromEntries(last.subcounts.resource_types.map((i) => [i.id, i.view.total_events]))).toEqual({ dataset: 2, software: 2, image: 1 });
});

it('when a record changes type mid-month, then both engines answer the same queries, split at the change', async () => {
  const range: [string, string] = ['2024-03-01', '2024-03-31'];
  const queries: QueryRequestInput[] = [
    { community: 'c1', metrics: USAGE_METRIC_IDS, date_range: range, dimensions: ['field:resource_types', 'time:week'] },
    { community: 'global', metrics: USAGE_METRIC_IDS, date_range: range, dimensions: ['time:day'], filters: [['is', 'field:resource_types', ['dataset']]] },
    { community: 'c1', metrics: ['views'], mode: 'cumulative', date_range: range, dimensions: ['field:resource_types'], filters: [['is_not', 'field:resource_types', ['image']]] },
  ];
  for (const q of queries) expect(await answer(pg, q), JSON.stringify(q)).toEqual(await answer(duck, q));
  const byType = await answer(pg, { community: 'c1', metrics: ['views'], date_range: range, dimensions: ['field:resource_types'] });
  expect(Object.fromEntries(byType.results.map((r) => [r.dimensions[0], r.metrics[0]]))).toEqual({ dataset: 2, software: 2, image: 1 });
});
