/**
 * Import-rate benchmark: writes N processed usage events (default 1,000,000) to an NDJSON file,
 * imports them into a fresh DuckDB file, then imports the same file again (idempotency path).
 *
 *   npx tsx bench/import.ts [--events N] [--dir DIR] [--gzip]
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { parseArgs } from 'node:util';
import { openDatabase } from '../server/storage/open';
import { importFile } from '../server/ingest';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    dir: { type: 'string' },
    gzip: { type: 'boolean', default: false },
    /** DuckDB's WAL size that triggers a checkpoint (e.g. '1GB'); its default is 16MB. */
    'checkpoint-threshold': { type: 'string' },
    'skip-reimport': { type: 'boolean', default: false },
  },
});
const total = Number(values.events);
const dir = values.dir ?? mkdtempSync(join(tmpdir(), 'repostats-bench-'));
const file = join(dir, values.gzip ? 'events.ndjson.gz' : 'events.ndjson');

/** Deterministic pseudo-random numbers (mulberry32), so every run imports the same file. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function generate(): Promise<void> {
  const random = rng(42);
  const out = createWriteStream(values.gzip ? `${file}.tmp` : file);
  const sink = values.gzip ? createGzip() : out;
  if (values.gzip) (sink as ReturnType<typeof createGzip>).pipe(out);
  const start = Date.UTC(2023, 0, 1);
  const span = 2 * 365 * 86_400_000;
  const countries = ['US', 'DE', 'FR', 'GB', 'BR', 'IN', 'JP', 'CA', null];
  for (let i = 0; i < total; i++) {
    const download = random() < 0.3;
    const record = Math.floor(random() ** 3 * 50_000);
    const event = {
      type: download ? 'download' : 'view',
      timestamp: new Date(start + Math.floor(random() * span)).toISOString(),
      record_id: `rec-${record}`,
      ...(download ? { file_key: `file-${record % 3}.pdf`, size: 1000 + record } : {}),
      visitor_id: `v${Math.floor(random() * 200_000)}`,
      country: countries[Math.floor(random() * countries.length)],
      referrer: random() < 0.2 ? 'https://www.google.com/' : null,
      is_robot: random() < 0.05,
    };
    if (!sink.write(`${JSON.stringify(event)}\n`)) await once(sink, 'drain');
  }
  sink.end();
  await once(out, 'finish');
  if (values.gzip) (await import('node:fs')).renameSync(`${file}.tmp`, file);
}

const t0 = Date.now();
await generate();
console.log(`generated ${total.toLocaleString('en')} events (${(statSync(file).size / 1e6).toFixed(0)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const dbPath = join(dir, 'bench.duckdb');
rmSync(dbPath, { force: true });
const db = await openDatabase(dbPath);
if (values['checkpoint-threshold']) await db.exec(`SET checkpoint_threshold = '${values['checkpoint-threshold']}'`);
const passes = values['skip-reimport'] ? ['first import'] : ['first import', 're-import (all duplicates)'];
for (const pass of passes) {
  const cpu = process.cpuUsage();
  const summary = await importFile(db, { kind: 'events', path: file });
  const { user, system } = process.cpuUsage(cpu);
  const cpuSeconds = (user + system) / 1e6;
  const rate = Math.round(summary.lines / (summary.durationMs / 1000));
  // CPU time (all threads, DuckDB's included) alongside wall time: on a shared machine the wall
  // clock measures the neighbours as much as the importer.
  console.log(
    `${pass}: ${summary.imported.toLocaleString('en')} imported, ${summary.skipped.toLocaleString('en')} skipped in ` +
      `${(summary.durationMs / 1000).toFixed(1)} s = ${rate.toLocaleString('en')} events/s ` +
      `(CPU ${cpuSeconds.toFixed(1)} s, load average ${loadavg()[0]!.toFixed(1)})`,
  );
}
await db.close();
if (!values.dir) rmSync(dir, { recursive: true, force: true });
