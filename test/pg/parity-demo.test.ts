/**
 * The parity test: the tiny demo imported (through the real importers) into DuckDB and
 * into PostgreSQL, aggregated on each, then every daily document and every series bundle compared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGGREGATION_KINDS } from '../../src/core/kinds';
import type { SqlEngine } from '../../server/storage/port';
import { openDuckDb } from '../../server/storage/duckdb';
import { openPostgres } from '../../server/storage/postgres';
import { migrate } from '../../server/storage/migrate';
import { loadDemo } from '../../server/demo/load';
import { runAggregation, type AggregationSummary } from '../../server/domain/aggregate/run';
import { buildBundle } from '../../server/domain/bundles/build';
import { bundleKeyId } from '../../server/domain/bundles/key';
import { getDailyDocs } from '../../server/domain/docs/get';
import { freshPgDatabase } from './fresh';

const DEMO = { size: 'tiny', seed: 42, endDate: '2026-06-30' } as const;

/** Where two JSON-able lists first differ, or null when they are identical. */
function firstDifference(a: readonly unknown[], b: readonly unknown[]): { index: number; duckdb: unknown; postgres: unknown } | null {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) return { index: i, duckdb: a[i], postgres: b[i] };
  }
  return null;
}

/** Run `fn` over `items` one at a time (one engine, one query in flight), collecting results in order. */
async function eachInTurn<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}

async function prepare(db: SqlEngine): Promise<AggregationSummary> {
  await migrate(db);
  // One visitor-hash salt for both, so raw hits hash to the same visitors and keys on each engine.
  await db.exec("INSERT INTO ingest_state (key, value) VALUES ('visitor_salt', 'parity-test-salt')");
  await loadDemo(db, DEMO);
  return runAggregation(db);
}

describe('parity: the tiny demo on DuckDB and on PostgreSQL', () => {
  let duck: SqlEngine;
  let pg: SqlEngine;
  let runs: [AggregationSummary, AggregationSummary];

  beforeAll(async () => {
    duck = await openDuckDb(':memory:');
    pg = await openPostgres(await freshPgDatabase('demo'));
    // The engines work side by side (DuckDB in this process's threads, PostgreSQL in its server).
    runs = await Promise.all([prepare(duck), prepare(pg)]);
  }, 900_000);

  afterAll(async () => {
    await duck?.close();
    await pg?.close();
  });

  it('when both have imported the demo, then they hold the same input rows', async () => {
    for (const table of ['records', 'record_items', 'memberships', 'communities', 'events']) {
      const sql = `SELECT count(*) AS n FROM ${table}`;
      expect(await pg.query(sql), table).toEqual(await duck.query(sql));
    }
  });

  it('when both have aggregated, then the runs report the same days, documents and affected bundles', () => {
    const [a, b] = runs;
    expect(a.documents).toBeGreaterThan(0);
    expect({ days: b.days, communities: b.communities, documents: b.documents }).toEqual({
      days: a.days, communities: a.communities, documents: a.documents,
    });
    expect(b.affected.map(bundleKeyId).sort()).toEqual(a.affected.map(bundleKeyId).sort());
  });

  it('when every series bundle is built on both, then each is identical', { timeout: 900_000 }, async () => {
    const keys = runs[0].affected;
    expect(keys.length).toBeGreaterThan(10);
    const [a, b] = await Promise.all([duck, pg].map((db) => eachInTurn(keys, (key) => buildBundle(db, key))));
    keys.forEach((key, i) => {
      expect(a![i], bundleKeyId(key)).not.toBeNull();
      expect(firstDifference([a![i]], [b![i]]), bundleKeyId(key)).toBeNull();
    });
  });

  it('when every daily document of every kind and community is read on both, then each is identical', { timeout: 900_000 }, async () => {
    const communities = (await duck.query<{ id: string }>(
      "SELECT DISTINCT community_id AS id FROM memberships UNION SELECT 'global' AS id",
    )).map((r) => r.id).sort();
    const queries = AGGREGATION_KINDS.flatMap((kind) =>
      communities.map((community) => ({ kind, community, start: '2000-01-01', end: '2100-12-31' })),
    );
    const [a, b] = await Promise.all([duck, pg].map((db) => eachInTurn(queries, (q) => getDailyDocs(db, q))));
    queries.forEach((q, i) => {
      const label = `${q.kind} ${q.community}`;
      expect(b![i]!.length, label).toBe(a![i]!.length);
      expect(firstDifference(a![i]!, b![i]!), label).toBeNull();
    });
    expect(a!.reduce((n, docs) => n + docs.length, 0)).toBeGreaterThan(1000);
  });
});
