/**
 * The data set from an already imported (and aggregated) DuckDB file instead of a fresh demo: a
 * medium data set takes about half an hour to generate and import on this machine, so serving,
 * the dashboard and the aggregation can be re-measured without it.
 *
 * The file is copied into the bench's temp dir and only the copy is opened. For the aggregation
 * step the copy is put back into the state a fresh import leaves (see `resetAggregation`), with
 * the last day's events held back in a side table, so the full run, the floor and the incremental
 * run after one new day measure the same work as on a generated data set.
 */
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_SIZES, DEMO_SIZE_NAMES, type DemoSizeName } from '../../server/demo/sizes';
import { openDatabase } from '../../server/storage/open';
import type { SqlEngine } from '../../server/storage/port';
import type { Dataset } from './data';

/** Where the last day's events wait while the full run aggregates everything before them. */
export const HELD_EVENTS_TABLE = 'bench_held_events';

/**
 * The aggregation's own state (migrations 002 and 003): facts, bookmarks, run history, dirty
 * days and rendered bundles. Emptying them leaves the inputs as a fresh import does (the
 * import's dirty days only say "everything is new", which an empty bookmark table says too).
 */
export const AGGREGATION_STATE_TABLES = ['agg_record_facts', 'agg_usage_facts', 'agg_bookmarks', 'agg_runs', 'dirty_days', 'bundle_cache'] as const;

export interface FileFacts {
  records: number;
  communities: number;
  memberships: number;
  events: number;
  firstDay: string;
  lastDay: string;
  lastDayEvents: number;
  /** The newest aggregation run recorded in the file, if any. */
  lastRun: { startedAt: string; finishedAt: string | null; status: string } | null;
  bytes: number;
}

/** What the file holds, for the report's data line. */
export async function describeFile(db: SqlEngine, file: string): Promise<FileFacts> {
  const n = async (sql: string) => Number((await db.query<{ n: unknown }>(sql))[0]?.n ?? 0);
  const [span] = await db.query<{ first: string | null; last: string | null }>('SELECT MIN(day) AS first, MAX(day) AS last FROM events');
  if (!span?.first || !span.last) throw new Error(`${file}: no usage events; --db needs an imported data set`);
  const [run] = await db.query<{ started_at: string; finished_at: string | null; status: string }>(
    'SELECT started_at, finished_at, status FROM agg_runs ORDER BY started_at DESC LIMIT 1',
  );
  return {
    records: await n('SELECT COUNT(*) AS n FROM records'),
    communities: await n('SELECT COUNT(DISTINCT community_id) AS n FROM memberships'),
    memberships: await n('SELECT COUNT(*) AS n FROM memberships'),
    events: await n('SELECT COUNT(*) AS n FROM events'),
    firstDay: span.first,
    lastDay: span.last,
    lastDayEvents: await n(`SELECT COUNT(*) AS n FROM events WHERE day = CAST('${span.last}' AS DATE)`),
    lastRun: run ? { startedAt: run.started_at, finishedAt: run.finished_at, status: run.status } : null,
    bytes: statSync(file).size,
  };
}

/** The demo size whose records and communities the file has, or null when it matches none. */
export function demoSizeOf(facts: Pick<FileFacts, 'records' | 'communities'>): DemoSizeName | null {
  return DEMO_SIZE_NAMES.find((s) => DEMO_SIZES[s].records === facts.records && DEMO_SIZES[s].communities === facts.communities) ?? null;
}

/** Whole years of events, as the dashboard's "all time" spans them. */
export function yearsOf(facts: Pick<FileFacts, 'firstDay' | 'lastDay'>): number {
  const days = (Date.parse(facts.lastDay) - Date.parse(facts.firstDay)) / 86_400_000 + 1;
  return Math.max(1, Math.round(days / 365));
}

/**
 * Empty the aggregation state and hold the last day's events back (into HELD_EVENTS_TABLE), so
 * the next run aggregates every other day from scratch and `restoreHeldLastDay` then brings one
 * new day, as the import of a new day would.
 */
export async function resetAggregation(db: SqlEngine, lastDay: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.exec(`CREATE TABLE ${HELD_EVENTS_TABLE} AS SELECT * FROM events WHERE day = CAST($1 AS DATE)`, [lastDay]);
    await tx.exec('DELETE FROM events WHERE day = CAST($1 AS DATE)', [lastDay]);
    for (const table of AGGREGATION_STATE_TABLES) await tx.exec(`DELETE FROM ${table}`);
  });
  await db.exec('CHECKPOINT');
}

/**
 * Put the held-back events in again and mark their day dirty for every community, exactly what
 * `importFile` does for a new day's events (server/ingest/eventStore.ts); the rows are the ones
 * the file's own import stored, so validation, hashing and GeoIP are not re-measured.
 */
export async function restoreHeldLastDay(db: SqlEngine): Promise<{ events: number; durationMs: number }> {
  const t0 = performance.now();
  const events = await db.transaction(async (tx) => {
    const [row] = await tx.query<{ n: unknown; day: string | null }>(`SELECT COUNT(*) AS n, MIN(day) AS day FROM ${HELD_EVENTS_TABLE}`);
    await tx.exec(`INSERT INTO events SELECT * FROM ${HELD_EVENTS_TABLE}`);
    if (row?.day) await tx.exec(`INSERT INTO dirty_days (scope, community_id, day) VALUES ('usage', '*', CAST($1 AS DATE)) ON CONFLICT DO NOTHING`, [row.day]);
    await tx.exec(`DROP TABLE ${HELD_EVENTS_TABLE}`);
    return Number(row?.n ?? 0);
  });
  return { events, durationMs: performance.now() - t0 };
}

/**
 * Copy `file` (and its write-ahead log, when there is one) into `dir` and describe the copy; the
 * original is never opened. With `forAggregation` the copy is reset (see `resetAggregation`);
 * otherwise only its rendered bundles go, so serving renders them on first request as after a run.
 */
export async function datasetFromFile(opts: { file: string; dir: string; forAggregation: boolean; log: (m: string) => void }): Promise<{ dataset: Dataset; facts: FileFacts }> {
  const db = join(opts.dir, 'bench.duckdb');
  opts.log(`copying ${opts.file} into ${opts.dir}`);
  copyFileSync(opts.file, db);
  if (existsSync(`${opts.file}.wal`)) copyFileSync(`${opts.file}.wal`, `${db}.wal`);
  const engine = await openDatabase(db);
  try {
    const facts = await describeFile(engine, db);
    if (opts.forAggregation) {
      opts.log(`emptying the aggregation state, holding back ${facts.lastDayEvents} events of ${facts.lastDay}`);
      await resetAggregation(engine, facts.lastDay);
    } else {
      await engine.exec('DELETE FROM bundle_cache');
    }
    const dataset: Dataset = {
      dir: opts.dir,
      db,
      startDate: facts.firstDay,
      endDate: facts.lastDay,
      records: facts.records,
      memberships: facts.memberships,
      events: facts.events,
      lastDayFile: null,
      lastDayEvents: facts.lastDayEvents,
    };
    return { dataset, facts };
  } finally {
    await engine.close();
  }
}
