/**
 * COUNTER reports on PostgreSQL: the hand-built month gives the same hand-counted figures and the
 * same JSON and TSV as on DuckDB, and a random dataset gives identical monthly metrics on both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../server/storage/port';
import { openDuckDb } from '../../server/storage/duckdb';
import { openPostgres } from '../../server/storage/postgres';
import { migrate } from '../../server/storage/migrate';
import { runAggregation } from '../../server/domain/aggregate/run';
import { loadConfig } from '../../server/config';
import { monthlyItemMetrics, type MonthlyQuery } from '../../server/storage/counter';
import { EXPECTED, NOW, loadHandBuiltMonth } from '../../server/domain/counter/fixture';
import { counterJson } from '../../server/domain/counter/json';
import { REPORT_SCHEMAS } from '../../server/domain/counter/schemas';
import { computeReport, prepareReport, type CounterCustomer } from '../../server/domain/counter/service';
import { REPORTS, REPORT_PATHS } from '../../server/domain/counter/spec';
import { toTable, toTsv } from '../../server/domain/counter/tabular';
import { freshPgDatabase } from './fresh';
import { loadDataset, makeDataset } from './dataset';

const counter = loadConfig({}).counter;
const WORLD: CounterCustomer = { customerId: 'global', community: 'global', institutionName: 'The World', includeRestricted: false };
const LAB: CounterCustomer = { customerId: 'lab', community: 'lab', institutionName: 'The Lab', includeRestricted: false };

async function both(): Promise<[SqlEngine, SqlEngine]> {
  const duck = await openDuckDb(':memory:');
  const pg = await openPostgres(await freshPgDatabase('counter'));
  await Promise.all([migrate(duck), migrate(pg)]);
  return [duck, pg];
}

describe('COUNTER reports on DuckDB and PostgreSQL', () => {
  let duck: SqlEngine;
  let pg: SqlEngine;
  beforeAll(async () => {
    [duck, pg] = await both();
    await loadHandBuiltMonth(duck);
    await loadHandBuiltMonth(pg);
  });
  afterAll(async () => {
    await duck?.close();
    await pg?.close();
  });

  it('when the hand-built month is counted on PostgreSQL, then every item has its hand-counted figures', async () => {
    const rows = await monthlyItemMetrics(pg, { community: 'global', includeRestricted: true, from: '2024-03-01', to: '2024-03-31', by: 'item' });
    expect(Object.fromEntries(rows.map((r) => [r.record_id, [r.tii, r.tir, r.uii, r.uir]]))).toEqual(EXPECTED.items);
    const book = (await monthlyItemMetrics(pg, { community: 'lab', includeRestricted: false, from: '2024-03-01', to: '2024-03-31', by: 'data_type' }))
      .find((r) => r.data_type === 'Book_Segment');
    expect({ uti: book?.uti, utr: book?.utr }).toEqual(EXPECTED.bookTitle);
  });

  it.each(REPORT_PATHS)('when %s is built on both engines, then the JSON and the TSV are identical and valid', async (path) => {
    for (const customer of [WORLD, LAB]) {
      const query = { begin_date: '2024-01', end_date: '2024-04', ...(REPORTS[path].preset ? {} : { attributes_to_show: REPORTS[path].kind === 'item' ? 'YOP|Access_Type|Authors' : 'Access_Method' }) };
      const [a, b] = await Promise.all(
        [duck, pg].map(async (db) => computeReport(db, await prepareReport(db, { report: REPORTS[path], query, customer, counter, now: NOW }), { counter, now: NOW })),
      );
      expect(REPORT_SCHEMAS[path].safeParse(counterJson(b!)).error).toBeUndefined();
      expect(counterJson(b!)).toEqual(counterJson(a!));
      expect(toTsv(toTable(b!))).toBe(toTsv(toTable(a!)));
    }
  });
});

describe('COUNTER metrics of a random dataset', () => {
  let duck: SqlEngine;
  let pg: SqlEngine;
  beforeAll(async () => {
    [duck, pg] = await both();
    const ds = makeDataset({ seed: 11, records: 300, events: 12_000, eventsFrom: '2024-01-01', eventDays: 90 });
    for (const db of [duck, pg]) {
      await loadDataset(db, ds);
      await runAggregation(db, { today: '2024-04-15' });
    }
  }, 180_000);
  afterAll(async () => {
    await duck?.close();
    await pg?.close();
  });

  it.each([
    ['global by item', { community: 'global', includeRestricted: false, by: 'item' }],
    ['global by Data_Type', { community: 'global', includeRestricted: true, by: 'data_type' }],
    ['a community by item', { community: 'c-beta', includeRestricted: false, by: 'item' }],
  ] as const)('when %s is counted on both engines, then every row is identical', async (_case, q) => {
    const query: MonthlyQuery = { ...q, from: '2024-01-01', to: '2024-03-31' };
    const [a, b] = await Promise.all([monthlyItemMetrics(duck, query), monthlyItemMetrics(pg, query)]);
    expect(a.length).toBeGreaterThan(0);
    const sorted = (rows: typeof a) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sorted(b)).toEqual(sorted(a));
  });
});
