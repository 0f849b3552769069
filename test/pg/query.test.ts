/**
 * The query API answers identically on DuckDB and PostgreSQL: the hand-computed repository and a
 * generated one, every metric in every mode with time and field dimensions, filters, top-N with
 * Other, totals and comparison.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryRequestSchema, type QueryRequestInput } from '../../src/api/query';
import { RECORD_METRIC_IDS, USAGE_METRIC_IDS } from '../../src/core/metrics';
import { runAggregation } from '../../server/domain/aggregate/run';
import { dataState } from '../../server/query/dataState';
import { runQuery } from '../../server/query/engine';
import { loadQueryScenario } from '../../server/query/scenario';
import { openDuckDb } from '../../server/storage/duckdb';
import { migrate } from '../../server/storage/migrate';
import { openPostgres } from '../../server/storage/postgres';
import type { SqlEngine } from '../../server/storage/port';
import { loadDataset, makeDataset } from './dataset';
import { freshPgDatabase } from './fresh';

async function answer(db: SqlEngine, input: QueryRequestInput) {
  const q = QueryRequestSchema.parse(input);
  return runQuery(db, q, await dataState(db, q.community));
}

function queries(community: string, range: [string, string]): QueryRequestInput[] {
  const out: QueryRequestInput[] = [];
  for (const mode of ['delta', 'removed', 'net', 'cumulative'] as const) {
    for (const basis of ['added', 'created', 'published'] as const) {
      out.push({ community, metrics: RECORD_METRIC_IDS, mode, basis, date_range: range, dimensions: ['time:month'], include: { totals: true } });
    }
    out.push({
      community, metrics: ['records', 'uploaders', 'parents', 'data_volume'], mode, date_range: range,
      dimensions: ['field:resource_types'], filters: [['is_not', 'field:languages', ['eng']]], limit: 2, include: { other: true },
    });
  }
  for (const mode of ['delta', 'cumulative'] as const) {
    out.push({ community, metrics: USAGE_METRIC_IDS, mode, date_range: range, dimensions: ['time:week'], include: { totals: true, comparison: 'previous_period' } });
    out.push({
      community, metrics: USAGE_METRIC_IDS, mode, date_range: range, dimensions: ['field:countries', 'time:quarter'],
      filters: [['is', 'field:resource_types', ['dataset']]], limit: 3, include: { other: true, comparison: 'previous_year' },
    });
  }
  // Top records, filtered by country (global also leaves out records a restricted community held).
  out.push({
    community, metrics: ['views', 'views_unique_visitors', 'downloads'], date_range: range, dimensions: ['record'],
    filters: [['is_not', 'field:countries', ['GB']]], order_by: [['views', 'desc']], limit: 3, include: { other: true },
  });
  return out;
}

describe('the query API on DuckDB and PostgreSQL', () => {
  let duck: SqlEngine;
  let pg: SqlEngine;
  beforeAll(async () => {
    duck = await openDuckDb(':memory:');
    pg = await openPostgres(await freshPgDatabase('query'));
    await Promise.all([migrate(duck), migrate(pg)]);
  });
  afterAll(async () => {
    await duck?.close();
    await pg?.close();
  });

  it('when the hand-computed repository is loaded on both, then every query answers the same', { timeout: 120_000 }, async () => {
    for (const db of [duck, pg]) {
      await loadQueryScenario(db);
      await runAggregation(db);
    }
    for (const community of ['c1', 'global']) {
      for (const q of queries(community, ['2024-01-01', '2024-03-31'])) {
        const [a, b] = await Promise.all([answer(duck, q), answer(pg, q)]);
        expect(b, JSON.stringify(q)).toEqual(a);
      }
    }
    // Not vacuous: the scenario's known figure.
    expect((await answer(pg, { community: 'c1', metrics: ['uploaders'], date_range: ['2024-01-01', '2024-03-31'] })).results[0]!.metrics).toEqual([3]);
  });

  it('when a generated repository is loaded on both, then every query answers the same', { timeout: 240_000 }, async () => {
    for (const db of [duck, pg]) {
      // A fresh start: the inputs, and what the first test's aggregation left (its facts, bookmarks and counted events).
      const tables = ['records', 'record_items', 'memberships', 'events', 'communities', 'item_labels', 'counted_events', 'agg_record_facts', 'agg_usage_facts', 'agg_bookmarks', 'dirty_days'];
      for (const t of tables) await db.exec(`DELETE FROM ${t}`);
      await loadDataset(db, makeDataset({ seed: 11, records: 150, events: 4000, eventsFrom: '2024-01-01', eventDays: 90 }));
      await runAggregation(db);
    }
    const [row] = await duck.query<{ c: string }>(`SELECT community_id AS c FROM memberships GROUP BY community_id ORDER BY COUNT(*) DESC, community_id LIMIT 1`);
    for (const community of ['global', row!.c]) {
      for (const q of queries(community, ['2023-10-01', '2024-03-31'])) {
        const [a, b] = await Promise.all([answer(duck, q), answer(pg, q)]);
        expect(b, JSON.stringify(q)).toEqual(a);
        expect(a.results.length, JSON.stringify(q)).toBeGreaterThan(0);
      }
    }
  });
});
