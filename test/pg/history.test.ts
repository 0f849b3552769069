/**
 * The imported history (`repostats migrate` of the reference's daily aggregation indices) on
 * PostgreSQL: the same synthetic export, migrated and aggregated on both engines, serves the same
 * daily documents of every kind, and a re-run changes nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AGGREGATION_KINDS } from '../../src/core/kinds';
import { runAggregation } from '../../server/domain/aggregate/run';
import { getDailyDocs } from '../../server/domain/docs/get';
import { freshDb } from '../../server/ingest/testDb';
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
});
