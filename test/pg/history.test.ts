/**
 * The imported history (`repostats migrate` of the reference's daily aggregation indices) on
 * PostgreSQL: the same synthetic export, migrated and aggregated on both engines, serves the same
 * daily documents of every kind, and a re-run changes nothing; and the query API answers the same
 * on both over history and raw days.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { QueryRequestSchema, type QueryRequestInput } from '../../src/api/query';
import { AGGREGATION_KINDS } from '../../src/core/kinds';
import { RECORD_METRIC_IDS, USAGE_METRIC_IDS } from '../../src/core/metrics';
import { runAggregation } from '../../server/domain/aggregate/run';
import { getDailyDocs } from '../../server/domain/docs/get';
import { freshDb } from '../../server/ingest/testDb';
import { dataState } from '../../server/query/dataState';
import { runQuery } from '../../server/query/engine';
import { BOTH, C, writeExport } from '../../server/migrate/historyFixture';
import { runMigration } from '../../server/migrate/migrate';
import { migrate } from '../../server/storage/migrate';
import { openPostgres } from '../../server/storage/postgres';
import type { SqlEngine } from '../../server/storage/port';
import { freshPgDatabase } from './fresh';

const opened: SqlEngine[] = [];
afterAll(async () => Promise.all(opened.map((db) => db.close())));

async function servedAfterMigration(db: SqlEngine, dir: string) {
  const report = await runMigration(db, { dir, salt: 's', now: new Date(`${BOTH}T12:00:00Z`) });
  await runAggregation(db, { today: BOTH });
  const docs = [];
  for (const kind of AGGREGATION_KINDS) {
    for (const community of [C, 'global']) docs.push(...(await getDailyDocs(db, { kind, community, start: '2025-05-01', end: BOTH })));
  }
  return { report, docs };
}

describe('imported history on PostgreSQL', () => {
  it('when the same export is migrated and aggregated on both engines, then every daily document is the same, and a re-run changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repostats-history-pg-'));
    writeExport(dir);
    const duck = await freshDb();
    const pg = await openPostgres(await freshPgDatabase('history'));
    opened.push(duck, pg);
    await migrate(pg);
    const a = await servedAfterMigration(duck, dir);
    const b = await servedAfterMigration(pg, dir);
    expect(a.docs.length).toBeGreaterThan(40);
    expect(b.report.history).toEqual(a.report.history);
    expect(b.docs).toEqual(a.docs);
    const again = await servedAfterMigration(pg, dir);
    expect(again.report.changed).toBe(false);
    expect(again.docs).toEqual(b.docs);
  });

  it('when the export is migrated and aggregated on both engines, then the query API answers the same over history and raw days', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repostats-history-query-pg-'));
    writeExport(dir);
    const duck = await freshDb();
    const pg = await openPostgres(await freshPgDatabase('history_query'));
    opened.push(duck, pg);
    await migrate(pg);
    for (const db of [duck, pg]) await servedAfterMigration(db, dir);
    const range: [string, string] = ['2025-05-30', BOTH];
    const queries: QueryRequestInput[] = [];
    for (const mode of ['delta', 'cumulative'] as const) {
      for (const basis of ['added', 'published'] as const) {
        queries.push({ community: C, metrics: RECORD_METRIC_IDS, mode, basis, date_range: range, dimensions: ['time:day'], include: { totals: true } });
      }
      queries.push({ community: C, metrics: USAGE_METRIC_IDS, mode, date_range: range, dimensions: ['time:day'] });
      queries.push({ community: C, metrics: USAGE_METRIC_IDS, mode, date_range: range, dimensions: ['field:countries'], include: { other: true } });
      queries.push({ community: C, metrics: ['records', 'views', 'views_unique_records'], mode, date_range: range, filters: [['is', 'field:resource_types', ['textDocument-journalArticle']]] });
    }
    const answer = async (db: SqlEngine, input: QueryRequestInput) => {
      const q = QueryRequestSchema.parse(input);
      return runQuery(db, q, await dataState(db, q.community));
    };
    for (const q of queries) {
      const [a, b] = await Promise.all([answer(duck, q), answer(pg, q)]);
      expect(b, JSON.stringify(q)).toEqual(a);
    }
    // Not vacuous: 2025-05-30 is a document-only day with two records added.
    const first = await answer(pg, { community: C, metrics: ['records'], dimensions: ['time:day'], date_range: range });
    expect(first.results[0]).toEqual({ dimensions: ['2025-05-30'], metrics: [2] });
  });
});
