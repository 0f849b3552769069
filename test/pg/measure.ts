/**
 * Measure ingest rate and full aggregation time on each engine for docs/scaling.md:
 *   bash scripts/with-pg.sh npx tsx test/pg/measure.ts demo tiny|small|medium
 *   bash scripts/with-pg.sh npx tsx test/pg/measure.ts synthetic [events] [records]
 * `demo` imports the generated demo through the real importers (loadDemo → importLines);
 * `synthetic` loads the parity dataset (test/pg/dataset.ts) straight through insertMany. Each
 * engine gets a fresh database (DuckDB: a file in a temp dir; PostgreSQL: a new database), then
 * one full aggregation runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDb } from '../../server/storage/duckdb';
import { openPostgres } from '../../server/storage/postgres';
import { migrate } from '../../server/storage/migrate';
import type { SqlEngine } from '../../server/storage/port';
import { runAggregation } from '../../server/domain/aggregate/run';
import { loadDemo } from '../../server/demo/load';
import { freshPgDatabase } from './fresh';
import { loadDataset, makeDataset } from './dataset';

const [mode = 'demo', a, b] = process.argv.slice(2);
const out = (line: string) => process.stdout.write(`${line}\n`);

async function load(db: SqlEngine): Promise<{ rows: number; label: string }> {
  if (mode === 'demo') {
    const size = (a ?? 'tiny') as 'tiny' | 'small' | 'medium';
    const result = await loadDemo(db, { size, seed: 42, endDate: '2026-06-30' });
    const rows = result.summaries.reduce((n, s) => n + s.imported, 0);
    const events = result.summaries.find((s) => s.kind === 'events')?.imported ?? 0;
    return { rows, label: `${size} demo: ${rows} lines stored (${events} events)` };
  }
  const ds = makeDataset({ seed: 7, records: Number(b ?? 400), events: Number(a ?? 30_000), eventsFrom: '2024-01-01', eventDays: 365 });
  await loadDataset(db, ds);
  const rows = Object.values(ds).reduce((n, t) => n + t.length, 0);
  return { rows, label: `synthetic: ${rows} rows` };
}

async function measure(name: string, db: SqlEngine): Promise<void> {
  await migrate(db);
  let t = performance.now();
  const { rows, label } = await load(db);
  const loadS = (performance.now() - t) / 1000;
  t = performance.now();
  const summary = await runAggregation(db);
  const aggS = (performance.now() - t) / 1000;
  out(`${name}: ${label}; ingest ${loadS.toFixed(1)} s (${Math.round(rows / loadS)} lines/s); ` +
    `full aggregation ${aggS.toFixed(1)} s (${summary.documents} documents, ${summary.days} days)`);
  await db.close();
}

const dir = mkdtempSync(join(tmpdir(), 'repostats-measure-'));
try {
  await measure('DuckDB (file)', await openDuckDb(join(dir, 'measure.duckdb')));
  await measure('PostgreSQL 15', await openPostgres(await freshPgDatabase('measure')));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
