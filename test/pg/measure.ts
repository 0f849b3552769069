/**
 * Measure ingest rate and full aggregation time on each engine for docs/scaling.md:
 *   bash scripts/with-pg.sh npx tsx test/pg/measure.ts demo tiny|small|medium [--engine duckdb|postgres|both]
 *   bash scripts/with-pg.sh npx tsx test/pg/measure.ts synthetic [events] [records] [--engine …]
 *   bash scripts/with-pg.sh npx tsx test/pg/measure.ts insert [events] [--engine …]
 * `demo` imports the generated demo through the real importers (loadDemo → importLines: generation,
 * validation, COUNTER rules, idempotency keys, dirty days); `synthetic` loads the parity dataset
 * (test/pg/dataset.ts) straight through insertMany. Each engine gets a fresh database (DuckDB: a
 * file in a temp dir; PostgreSQL: a new database on $REPOSTATS_TEST_PG_URL), then one full
 * aggregation runs. `insert` times insertMany alone: synthetic event rows into the migrated `events`
 * table in 50 000-row transactions with onConflict ignore (as storeEvents does), then the same rows
 * again (all conflicts); no aggregation. `--engine duckdb` needs no PostgreSQL (run it without with-pg.sh).
 *
 * Results go to stdout; progress lines (elapsed time, this process's RSS, load average, each
 * aggregation unit) go to stderr every `--progress-s` seconds (default 30) and at each phase change.
 * Peak RSS is this Node process's (maxRSS): with `--engine both` the second engine's figure
 * includes the first's peak, so measure one engine per process for memory. On PostgreSQL the
 * server's memory is reported too: the sum of PSS (shared buffers counted once) over the
 * postmaster and its children, sampled every 5 s — readable when this runs as root or as the
 * server's user, on the same machine.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDuckDb } from '../../server/storage/duckdb';
import { openPostgres } from '../../server/storage/postgres';
import { migrate } from '../../server/storage/migrate';
import type { SqlEngine } from '../../server/storage/port';
import { runAggregation, type AggregationProgress } from '../../server/domain/aggregate/run';
import { loadDemo } from '../../server/demo/load';
import { freshPgDatabase } from './fresh';
import { EVENT_COLUMNS, loadDataset, makeDataset } from './dataset';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    engine: { type: 'string', default: 'both' },
    'progress-s': { type: 'string', default: '30' },
  },
});
const [mode = 'demo', a, b] = positionals;
const engine = flags.engine;
if (!['duckdb', 'postgres', 'both'].includes(engine)) throw new Error(`--engine: duckdb, postgres or both, not ${engine}`);
const progressEveryMs = Number(flags['progress-s']) * 1000;

const out = (line: string) => process.stdout.write(`${line}\n`);
const started = performance.now();
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function note(line: string): void {
  const s = ((performance.now() - started) / 1000).toFixed(0);
  process.stderr.write(`[${s} s, rss ${mb(process.memoryUsage.rss())}, load ${load()}] ${line}\n`);
}

/** Calls `fn` at most every progressEveryMs, and always when `force`. */
function throttled(): (force: boolean, fn: () => void) => void {
  let last = 0;
  return (force, fn) => {
    const now = performance.now();
    if (force || now - last >= progressEveryMs) {
      last = now;
      fn();
    }
  };
}

interface Loaded {
  rows: number;
  events: number;
  /** Seconds spent importing the events file alone (demo), for an events/s rate. */
  eventsS: number | null;
  label: string;
}

async function loadData(db: SqlEngine): Promise<Loaded> {
  if (mode === 'demo') {
    const size = (a ?? 'tiny') as 'tiny' | 'small' | 'medium';
    const tick = throttled();
    let kind = '';
    const result = await loadDemo(db, {
      size,
      seed: 42,
      endDate: '2026-06-30',
      onProgress: (p) => {
        const changed = p.kind !== kind;
        kind = p.kind;
        tick(changed, () => note(`ingest ${p.kind}: ${fmt(p.lines)} / ~${fmt(p.expected)} lines`));
      },
    });
    const rows = result.summaries.reduce((n, s) => n + s.imported, 0);
    const eventsSummary = result.summaries.find((s) => s.kind === 'events');
    const parts = result.summaries.map((s) => `${fmt(s.imported)} ${s.kind} in ${(s.durationMs / 1000).toFixed(1)} s`);
    return {
      rows,
      events: eventsSummary?.imported ?? 0,
      eventsS: eventsSummary ? eventsSummary.durationMs / 1000 : null,
      label: `${size} demo (seed 42, ending ${result.endDate}): ${parts.join(', ')}`,
    };
  }
  const ds = makeDataset({ seed: 7, records: Number(b ?? 400), events: Number(a ?? 30_000), eventsFrom: '2024-01-01', eventDays: 365 });
  await loadDataset(db, ds);
  const rows = Object.values(ds).reduce((n, t) => n + t.length, 0);
  return { rows, events: ds.events.length, eventsS: null, label: `synthetic: ${fmt(rows)} rows (${fmt(ds.events.length)} events)` };
}

/** kB of a `Field:   123 kB` line in a /proc file, 0 when absent. */
function procKb(text: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

/** Sum of PSS over the PostgreSQL server's processes, in bytes; null when /proc cannot tell. */
function pgServerPss(postmaster: number): number | null {
  try {
    let kb = procKb(readFileSync(`/proc/${postmaster}/smaps_rollup`, 'utf8'), 'Pss');
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === postmaster) kb += procKb(readFileSync(`/proc/${entry}/smaps_rollup`, 'utf8'), 'Pss');
      } catch {
        // The process ended between listing and reading.
      }
    }
    return kb * 1024;
  } catch {
    return null;
  }
}

/** Print the server's version and the settings that matter here; sample its memory until stopped. */
async function watchPostgres(db: SqlEngine): Promise<() => string> {
  const settings = await db.query<{ name: string; setting: string; unit: string | null }>(
    `SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'shared_buffers', 'work_mem',
       'maintenance_work_mem', 'effective_cache_size', 'max_wal_size', 'max_parallel_workers_per_gather', 'jit',
       'fsync', 'synchronous_commit', 'full_page_writes') ORDER BY name`,
  );
  out(`PostgreSQL settings: ${settings.map((r) => `${r.name}=${r.setting}${r.unit ? ` ${r.unit}` : ''}`).join(', ')}`);
  let postmaster: number | null = null;
  try {
    const [dir] = await db.query<{ d: string }>('SELECT current_setting($1) AS d', ['data_directory']);
    postmaster = Number(readFileSync(`${dir!.d}/postmaster.pid`, 'utf8').split('\n')[0]);
  } catch {
    postmaster = null;
  }
  let peak = 0;
  const sample = () => {
    const pss = postmaster === null ? null : pgServerPss(postmaster);
    if (pss !== null) peak = Math.max(peak, pss);
  };
  sample();
  const timer = setInterval(sample, 5_000);
  timer.unref();
  return () => {
    sample();
    return peak > 0 ? `; PostgreSQL server peak PSS (5 s samples) ${mb(peak)}` : '; PostgreSQL server memory not readable here';
  };
}

async function measureInsert(name: string, db: SqlEngine): Promise<void> {
  const ds = makeDataset({ seed: 3, records: 400, events: Number(a ?? 1_000_000), eventsFrom: '2024-01-01', eventDays: 365 });
  const batch = 50_000;
  for (const pass of ['new rows', 'same rows again (all conflicts)']) {
    const t = performance.now();
    let inserted = 0;
    for (let i = 0; i < ds.events.length; i += batch) {
      const rows = ds.events.slice(i, i + batch);
      inserted += await db.transaction((tx) => tx.insertMany('events', EVENT_COLUMNS, rows, { onConflict: 'ignore' }));
    }
    const s = (performance.now() - t) / 1000;
    out(`${name}: insertMany ${fmt(ds.events.length)} event rows, ${pass}: ${s.toFixed(1)} s = ${fmt(ds.events.length / s)} rows/s ` +
      `(${fmt(inserted)} inserted; load ${load()})`);
  }
}

async function measure(name: string, db: SqlEngine): Promise<void> {
  note(`${name}: start`);
  const serverPeak = db.dialect === 'postgres' ? await watchPostgres(db) : () => '';
  await migrate(db);
  if (mode === 'insert') {
    await measureInsert(name, db);
    await db.close();
    return;
  }
  let t = performance.now();
  const loaded = await loadData(db);
  const loadS = (performance.now() - t) / 1000;
  const ingestPeak = peakRss();
  const eventsRate = loaded.eventsS ? ` — events ${fmt(loaded.events / loaded.eventsS)}/s` : '';
  out(`${name}: ingest ${loadS.toFixed(1)} s, ${fmt(loaded.rows / loadS)} lines/s overall${eventsRate}; ` +
    `${loaded.label}; peak RSS so far ${mb(ingestPeak)}${serverPeak()}`);
  note(`${name}: ingest done; aggregation starts`);
  t = performance.now();
  const tick = throttled();
  let phase = '';
  const summary = await runAggregation(db, {
    onProgress: (p: AggregationProgress) => {
      const changed = p.phase !== phase || p.done === p.total;
      phase = p.phase;
      tick(changed, () => note(`aggregate ${p.phase}: ${p.done}/${p.total} units, ${((performance.now() - t) / 1000).toFixed(0)} s in`));
    },
  });
  const aggS = (performance.now() - t) / 1000;
  out(`${name}: full aggregation ${aggS.toFixed(1)} s (${fmt(summary.documents)} documents, ${fmt(summary.days)} days, ` +
    `${summary.communities} communities); peak RSS ${mb(peakRss())}${serverPeak()}`);
  await db.close();
}

out(`measure ${positionals.join(' ')} --engine ${engine}; load average at start ${load()}`);
const dir = mkdtempSync(join(tmpdir(), 'repostats-measure-'));
try {
  if (engine !== 'postgres') await measure('DuckDB (file)', await openDuckDb(join(dir, 'measure.duckdb')));
  if (engine !== 'duckdb') await measure('PostgreSQL', await openPostgres(await freshPgDatabase('measure')));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
