/**
 * `npm run bench [-- --size small|medium] [--only import,aggregate,serve,query,browser,library] [--seconds N] [--out FILE] [--keep]`
 * `npm run bench -- --db FILE --db-note "how FILE was made" [--only aggregate,serve,query,browser,library] [--out FILE]`
 * `npm run bench -- --db FILE --db-note "…" --only soak [--soak-minutes N]` (bench/steps/soak.ts; only when asked)
 * `npm run bench -- --only aggregate-pg --ndjson DIR --pg postgres://…` (bench/steps/aggregatePg.ts; only when asked)
 *
 * Generates the demo repository at the chosen size into a temp DuckDB file — or copies an already
 * imported and aggregated one (`--db`; the original is never opened) — and measures import,
 * aggregation (full, floor, incremental, peak memory), serving (bundle sizes, cached latency and
 * throughput, server memory), the query API (answer sizes, uncached and cached latency: bench/steps/queryApi.ts), the dashboard in headless Chromium and the library's size.
 * Writes BENCHMARKS.md (a full generated run), FILE (--out) or prints the sections (with --only or --db).
 * Progress on stderr.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_SIZES } from '../server/demo/sizes';
import { loadConfig } from '../server/config';
import { BenchArgsError, parseBenchArgs, type Step } from './args';
import { load, machine } from './machine';
import { missesSection } from './misses';
import { extrapolation } from './extrapolate';
import { renderReport, type BenchReport, type Section } from './report';
import { buildDataset, type Dataset } from './steps/data';
import { datasetFromFile, demoSizeOf, yearsOf, type FileFacts } from './steps/fromFile';
import { benchAggregation } from './steps/aggregate';
import { benchServing } from './steps/http';
import { benchBrowser } from './steps/browser';
import { benchLibrary } from './steps/library';
import { startServerProcess } from './steps/serverProcess';
import { benchSoak } from './steps/soak';
import { benchAggregationPg } from './steps/aggregatePg';
import { benchQueryApi } from './steps/queryApi';
import { addDays } from '../src/core/dates';

let args;
try {
  args = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof BenchArgsError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
const { only } = args;
const wants = (s: Step) => only.includes(s);
const root = resolve(import.meta.dirname, '..');
const log = (m: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
// Yesterday (UTC) by default, as the demo does; stated in the report.
const endDate = args.endDate ?? new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** The serving process's memory settings as the environment gives them (server/config.ts defaults). */
function serveSettingsText(): string {
  const c = loadConfig({ ...process.env, PORT: undefined, HOST: undefined });
  const mb = (b: number) => `${Math.round(b / 2 ** 20)} MB`;
  return `DuckDB memory_limit ${mb(c.duckdb.serveMemoryBytes)} between runs (REPOSTATS_DUCKDB_SERVE_MEMORY), ${mb(c.duckdb.serveWorkMemoryBytes)} for aggregation runs, ingests and top-records queries (REPOSTATS_DUCKDB_SERVE_WORK_MEMORY), ${c.duckdb.serveThreads} DuckDB thread(s) (REPOSTATS_DUCKDB_SERVE_THREADS), bundle LRU ${mb(c.cacheMemoryBytes)} (REPOSTATS_CACHE_MEMORY)`;
}

/** An argument as a POSIX shell would need it quoted, for the report's command line. */
function shellQuote(arg: string): string {
  return /^[\w./,:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

function fileDatasetText(file: string, note: string, facts: FileFacts, reset: boolean): string {
  const run = facts.lastRun ? `last aggregated by a run that ${facts.lastRun.status === 'done' ? 'finished' : `ended (${facts.lastRun.status})`} ${facts.lastRun.finishedAt ?? facts.lastRun.startedAt}` : 'never aggregated';
  return (
    `copied from the already imported DuckDB file \`${file}\` (${(facts.bytes / 2 ** 30).toFixed(1)} GB; ${run}), made by: ${note}. ` +
    `${facts.firstDay} … ${facts.lastDay}: ${facts.records.toLocaleString('en')} records, ${facts.communities.toLocaleString('en')} communities, ` +
    `${facts.memberships.toLocaleString('en')} membership events, ${facts.events.toLocaleString('en')} usage events ` +
    `(${facts.lastDayEvents.toLocaleString('en')} on the last day). Not re-imported: ` +
    (reset
      ? "the copy's aggregation state (facts, bookmarks, runs, dirty days, rendered bundles) was emptied and the last day's events held back for the incremental run (bench/steps/fromFile.ts); the later sections serve the copy as this run aggregated it."
      : "the copy is served as the file's own aggregation left it, its rendered bundles removed so they render on first request as after a run (bench/steps/fromFile.ts).")
  );
}

const sections: Section[] = [];
const dir = mkdtempSync(join(tmpdir(), 'repostats-bench-'));
let datasetText = 'none (library size only)';
// The size the targets' marks refer to: the generated one, or the demo size the --db file matches.
let sizeLabel: string = args.size ?? 'custom';
try {
  // Steps that bring their own data: the library (none) and aggregate-pg (its NDJSON files).
  if (only.some((s) => s !== 'library' && s !== 'aggregate-pg')) {
    let dataset: Dataset;
    let importSection: Section | null = null;
    let years: number;
    if (args.db) {
      const fromFile = await datasetFromFile({ file: args.db.file, dir, forAggregation: wants('aggregate'), log });
      dataset = fromFile.dataset;
      sizeLabel = demoSizeOf(fromFile.facts) ?? 'custom';
      years = yearsOf(fromFile.facts);
      datasetText = fileDatasetText(args.db.file, args.db.note, fromFile.facts, wants('aggregate'));
    } else {
      const size = args.size ?? 'small';
      const built = await buildDataset({ size, seed: args.seed, endDate, dir, log });
      dataset = built.dataset;
      importSection = built.section;
      years = DEMO_SIZES[size].years;
      datasetText =
        `demo \`--size ${size} --seed ${args.seed}\`, ${dataset.startDate} … ${dataset.endDate}: ${dataset.records.toLocaleString('en')} records, ` +
        `${DEMO_SIZES[size].communities} communities, ${dataset.memberships.toLocaleString('en')} membership events, ${dataset.events.toLocaleString('en')} usage events ` +
        `(${dataset.lastDayEvents.toLocaleString('en')} on the last day, imported for the incremental run), DuckDB file in a temp dir.`;
      if (wants('import')) sections.push(importSection);
    }
    // A generated data set must be aggregated before it can be served; a --db file already is.
    if (wants('aggregate') || !args.db) {
      const agg = await benchAggregation(dataset, { log });
      if (wants('aggregate')) sections.push(...agg.sections);
      if (wants('aggregate') && args.size !== null && args.size !== 'medium' && importSection) {
        sections.push(extrapolation({ size: args.size, dataset, agg: agg.figures, importSection }));
      }
    }
    if (wants('serve') || wants('browser')) {
      if (wants('browser') && !existsSync(join(root, 'server/dist/demo/index.html'))) {
        log('building the demo page (npm run build:demo-page)');
        execFileSync('npm', ['run', 'build:demo-page'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
      }
      const server = await startServerProcess(dataset.db);
      try {
        if (wants('serve')) sections.push(...(await benchServing(server, { log, seconds: args.seconds, serverSettings: serveSettingsText() })));
        if (wants('browser')) sections.push(await benchBrowser(server.url, { log, years }));
      } catch (error) {
        log(`server output:\n${server.output()}`);
        throw error;
      } finally {
        await server.stop();
      }
    }
    // The query API in a server process of its own, so its response cache starts empty; "today" is
    // the day after the data's last day, as for a reader the morning after the nightly run.
    if (wants('query')) sections.push(await benchQueryApi(dataset.db, { log, seconds: args.seconds, today: addDays(dataset.endDate, 1) }));
    if (wants('soak')) sections.push(await benchSoak(dataset, { minutes: args.soakMinutes, mix: args.soakMix, dir, log }));
  }
  if (wants('aggregate-pg') && args.pg) {
    const pg = await benchAggregationPg({ ndjson: args.pg.ndjson, pg: args.pg.url, dir, log });
    sections.push(pg.section);
    sizeLabel = pg.size ?? 'custom';
    datasetText = `the NDJSON files in \`${args.pg.ndjson}\` (see the section for what they hold), imported into a fresh DuckDB file in a temp dir and into the empty PostgreSQL database given.`;
  }
  if (wants('library')) {
    if (!existsSync(join(root, 'dist/lib/index.js'))) {
      log('building the library (npm run build:lib)');
      execFileSync('npm', ['run', 'build:lib'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    sections.push(await benchLibrary());
  }
} finally {
  if (args.keep) log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

const misses = missesSection(sections, load());
if (misses) sections.push(misses);

const report: BenchReport = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  size: sizeLabel,
  invocation: ['npm run bench', ...(process.argv.length > 2 ? ['--'] : []), ...process.argv.slice(2).map(shellQuote)].join(' '),
  dataset: datasetText,
  machine: machine(),
  sections,
  preface: [
    `Targets are the issue's (#9), set for the **medium** data set; marks (✅/❌) compare this run's figures with them as they are${sizeLabel === 'medium' ? '' : ` (at ${sizeLabel} size${args.db || args.pg ? '' : ': see the extrapolation section for medium'})`}.`,
  ],
};
const markdown = renderReport(report);
if (args.out) {
  writeFileSync(args.out, markdown);
  log(`wrote ${args.out}`);
} else if (args.partial || args.db) process.stdout.write(markdown);
else {
  writeFileSync(join(root, 'BENCHMARKS.md'), markdown);
  log('wrote BENCHMARKS.md');
}
