/**
 * Measure ingest rate and full aggregation time on each engine for docs/scaling.md:
 *   bash scripts/with-pg.sh npx tsx test/pg/measure.ts [events] [records]
 * Loads the parity dataset (test/pg/dataset.ts) through the storage port into an in-memory DuckDB
 * and a fresh PostgreSQL database, then runs one full aggregation on each.
 */
import { openDuckDb } from '../../server/storage/duckdb';
import { openPostgres } from '../../server/storage/postgres';
import { migrate } from '../../server/storage/migrate';
import type { SqlEngine } from '../../server/storage/port';
import { runAggregation } from '../../server/domain/aggregate/run';
import { freshPgDatabase } from './fresh';
import { loadDataset, makeDataset } from './dataset';

const events = Number(process.argv[2] ?? 30_000);
const records = Number(process.argv[3] ?? 400);
const ds = makeDataset({ seed: 7, records, events, eventsFrom: '2024-01-01', eventDays: 365 });
const rows = Object.values(ds).reduce((n, t) => n + t.length, 0);

async function measure(name: string, db: SqlEngine): Promise<void> {
  await migrate(db);
  let t = performance.now();
  await loadDataset(db, ds);
  const load = performance.now() - t;
  t = performance.now();
  const summary = await runAggregation(db, { today: '2024-12-31' });
  const agg = performance.now() - t;
  process.stdout.write(
    `${name}: load ${rows} rows in ${(load / 1000).toFixed(1)} s (${Math.round(rows / (load / 1000))} rows/s); ` +
      `full aggregation ${(agg / 1000).toFixed(1)} s (${summary.documents} documents, ${summary.days} days)\n`,
  );
  await db.close();
}

process.stdout.write(`dataset: ${records} records, ${events} events, ${rows} input rows\n`);
await measure('DuckDB (in-memory)', await openDuckDb(':memory:'));
await measure('PostgreSQL 15', await openPostgres(await freshPgDatabase('measure')));
