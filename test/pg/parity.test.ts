import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../server/storage/port';
import { openDuckDb } from '../../server/storage/duckdb';
import { openPostgres } from '../../server/storage/postgres';
import { migrate } from '../../server/storage/migrate';
import { runAggregation } from '../../server/domain/aggregate/run';
import { freshPgDatabase } from './fresh';
import { loadDataset, makeDataset } from './dataset';

/** Every row of a table as canonical JSON lines (columns by name), in one total order. */
async function allRows(db: SqlEngine, table: string): Promise<string[]> {
  const rows = await db.query(`SELECT * FROM ${table}`);
  return rows.map((row) => JSON.stringify(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1)))).sort();
}

/** The rows only one side has (at most a few), so a failure shows what differs, not two huge arrays. */
function difference(a: readonly string[], b: readonly string[]): { onlyDuckDb: string[]; onlyPostgres: string[] } {
  const inB = new Set(b);
  const inA = new Set(a);
  return { onlyDuckDb: a.filter((r) => !inB.has(r)).slice(0, 5), onlyPostgres: b.filter((r) => !inA.has(r)).slice(0, 5) };
}

async function expectSameTable(duck: SqlEngine, pg: SqlEngine, table: string, minRows = 0): Promise<void> {
  const [a, b] = await Promise.all([allRows(duck, table), allRows(pg, table)]);
  expect(a.length, `${table} rows`).toBeGreaterThan(minRows);
  expect(difference(a, b), table).toEqual({ onlyDuckDb: [], onlyPostgres: [] });
  expect(b.length, `${table} row count`).toBe(a.length);
}

const FACT_TABLES = ['agg_record_facts', 'agg_usage_facts'];

describe('DuckDB and PostgreSQL produce identical aggregations', () => {
  let duck: SqlEngine;
  let pg: SqlEngine;

  beforeAll(async () => {
    duck = await openDuckDb(':memory:');
    pg = await openPostgres(await freshPgDatabase('parity'));
    await Promise.all([migrate(duck), migrate(pg)]);
  });

  afterAll(async () => {
    await duck?.close();
    await pg?.close();
  });

  it('when the same dataset is imported and aggregated on both, then every fact row is identical', { timeout: 180_000 }, async () => {
    const ds = makeDataset({ seed: 7, records: 400, events: 15_000, eventsFrom: '2024-01-01', eventDays: 120 });
    for (const db of [duck, pg]) {
      await loadDataset(db, ds);
      await runAggregation(db, { today: '2024-04-29' });
    }
    for (const table of FACT_TABLES) await expectSameTable(duck, pg, table, 100);
    const marks = 'SELECT kind, community_id, day FROM agg_bookmarks ORDER BY kind, community_id';
    expect(await pg.query(marks)).toEqual(await duck.query(marks));
  });

  it('when more events arrive for past and new days and both re-aggregate incrementally, then they still agree', { timeout: 180_000 }, async () => {
    const more = makeDataset({ seed: 8, records: 400, events: 5_000, eventsFrom: '2024-03-15', eventDays: 60, eventsOnly: true });
    for (const db of [duck, pg]) {
      await loadDataset(db, more);
      // As the importer does: the days that gained events are dirty for every community.
      await db.exec("INSERT INTO dirty_days (scope, community_id, day) SELECT DISTINCT 'usage', '*', day FROM events WHERE day BETWEEN DATE '2024-03-15' AND DATE '2024-04-29' ON CONFLICT DO NOTHING");
      await runAggregation(db, { today: '2024-05-13' });
    }
    for (const table of FACT_TABLES) await expectSameTable(duck, pg, table, 100);
  });
});
