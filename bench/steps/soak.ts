/**
 * The soak: the real server in a child process with scheduled aggregation (`--aggregate-every`)
 * under everything at once for N minutes — anonymous reads of every kind (series bundles, raw
 * documents, top records, `POST /api/stats`, communities, status), CSV/XLSX exports, and ingests
 * of new usage events — while `/healthz` is probed every 100 ms. Then one last aggregation, and
 * the copy is compared with a second copy given the same event files through the CLI (soakData.ts).
 * Reports errors, events lost, the server's peak RSS and the longest /healthz wait.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { load } from '../machine';
import { fmt, type Section } from '../report';
import type { Dataset } from './data';
import { BENCH_ADMIN_TOKEN, startServerProcess } from './serverProcess';
import type { SoakLoad } from '../args';
import { compareWithReference, soakTargets, writeSoakEvents, type SoakTargets } from './soakData';
import { probeNotes, readProbe } from './soakProbe';

const KINDS = ['records-delta-added', 'records-delta-created', 'records-delta-published', 'records-snapshot-added', 'records-snapshot-created', 'records-snapshot-published', 'usage-delta', 'usage-snapshot'];
const SERIES = ['record-delta?basis=created&', 'record-snapshot?basis=added&', 'usage-delta?', 'usage-snapshot?'];
const READERS = 3;
const INGEST_FILES = 12;
const EVENTS_PER_FILE = 2_000;

type Ask = { what: string; path: string; init?: RequestInit };

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!;
}

/** The n-th anonymous read: every kind of read in turn, over communities and years. */
function read(t: SoakTargets, n: number): Ask {
  const c = pick(t.communities, Math.floor(n / 7));
  const year = pick(c.years, Math.floor(n / 3));
  const month = `${year}-${String((n % 12) + 1).padStart(2, '0')}`;
  const base = `/api/v1/communities/${encodeURIComponent(c.id)}`;
  switch (n % 7) {
    case 0:
      return { what: 'series', path: `${base}/series/${pick(SERIES, n)}year=${year}` };
    case 1:
      return { what: 'raw documents', path: `${base}/aggregations/${pick(KINDS, n)}?start=${year}-01-01&end=${year}-12-31` };
    case 2:
      return { what: 'top records', path: `${base}/top-records?metric=${n % 2 ? 'views' : 'downloads'}&start=${month}-01&end=${month}-28` };
    case 3: {
      const stat = c.id === 'global' ? { stat: 'global-stats', params: {} } : { stat: 'community-stats', params: { community_id: c.id } };
      const body = JSON.stringify({ q: { ...stat, params: { ...stat.params, start_date: `${month}-01`, end_date: `${month}-28` } } });
      return { what: 'api/stats', path: '/api/stats', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body } };
    }
    case 4:
      return { what: 'communities', path: '/api/v1/communities' };
    case 5:
      return { what: 'status', path: '/api/v1/status' };
    default:
      return { what: 'series', path: `${base}/series/${pick(SERIES, n + 1)}year=${year}` };
  }
}

function exportAsk(t: SoakTargets, n: number): Ask {
  const c = pick(t.communities, n);
  return { what: 'export', path: `/api/v1/communities/${encodeURIComponent(c.id)}/series/${pick(SERIES, n).replace('?', n % 2 ? '.xlsx?' : '.csv?')}year=${pick(c.years, n)}` };
}

export async function benchSoak(dataset: Dataset, opts: { minutes: number; mix: readonly SoakLoad[]; dir: string; log: (m: string) => void }): Promise<Section> {
  const startLoad = load();
  const targets = await soakTargets(dataset.db);
  const files = writeSoakEvents(opts.dir, targets, INGEST_FILES, EVENTS_PER_FILE);
  const reference = join(opts.dir, 'soak-reference.duckdb');
  copyFileSync(dataset.db, reference);
  const everyMinutes = Math.max(0.25, opts.minutes / 8);
  const probeOut = join(opts.dir, 'soak-probe.jsonl');
  const server = await startServerProcess(dataset.db, { REPOSTATS_AGGREGATE_EVERY: String(everyMinutes), REPOSTATS_INGEST_RATE: '100000' }, { probeOut });
  opts.log(`soak: server probe samples in ${probeOut}`);
  const errors = new Map<string, number>();
  const counts = new Map<string, number>();
  const fail = (what: string, detail: string) => {
    errors.set(`${what}: ${detail}`, (errors.get(`${what}: ${detail}`) ?? 0) + 1);
  };
  const ask = async ({ what, path, init }: Ask, ok: (status: number) => boolean = (s) => s === 200 || s === 304): Promise<Response | null> => {
    counts.set(what, (counts.get(what) ?? 0) + 1);
    try {
      const res = await fetch(`${server.url}${path}`, init);
      await res.arrayBuffer();
      if (!ok(res.status)) fail(what, `${res.status} ${path.split('?')[0]}`);
      return res;
    } catch (error) {
      fail(what, (error as Error).message);
      return null;
    }
  };

  const deadline = Date.now() + opts.minutes * 60_000;
  const running = () => Date.now() < deadline;
  let longestHealthz = 0;
  let probes = 0;
  const healthz = (async () => {
    while (running()) {
      const t0 = performance.now();
      const res = await ask({ what: 'healthz', path: '/healthz' });
      if (res) longestHealthz = Math.max(longestHealthz, performance.now() - t0);
      probes += 1;
      await sleep(100);
    }
  })();
  let n = 0;
  const readers = Array.from({ length: opts.mix.includes('reads') ? READERS : 0 }, async () => {
    // 404 no_data is a right answer for a community-year without data.
    while (running()) await ask(read(targets, n++), (s) => s === 200 || s === 304 || s === 404);
  });
  let e = 0;
  const exporter = (async () => {
    while (running() && opts.mix.includes('exports')) await ask(exportAsk(targets, e++), (s) => s === 200 || s === 404);
  })();
  const ingester = (async () => {
    const spacing = (opts.minutes * 60_000 * 0.7) / files.length;
    for (const file of opts.mix.includes('ingest') ? files : []) {
      if (!running()) break;
      const res = await ask({
        what: 'ingest',
        path: '/api/v1/ingest/events',
        init: { method: 'POST', headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${BENCH_ADMIN_TOKEN}` }, body: readFileSync(file) },
      });
      if (res?.status === 200) opts.log(`soak: posted ${file}`);
      await sleep(spacing);
    }
  })();
  await Promise.all([healthz, ...readers, exporter, ingester]);

  // The last run: the scheduled one may be under way (409), so ask until one is ours.
  for (;;) {
    const res = await fetch(`${server.url}/api/v1/aggregate`, { method: 'POST', headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` } });
    await res.arrayBuffer();
    if (res.status === 200) break;
    if (res.status !== 409) fail('final aggregate', String(res.status));
    if (res.status !== 409) break;
    await sleep(1000);
  }
  const memory = server.memory();
  // What the server logged about failures (request errors, failed scheduled runs), for the notes.
  const serverErrors = [...new Set(server.output().split('\n').filter((l) => /failed|error/i.test(l)).map((l) => l.trim().slice(0, 240)))];
  await server.stop();
  const posted = counts.get('ingest') ?? 0;

  opts.log(`soak: importing the ${posted} posted files into the reference copy with the CLI`);
  const cli = resolve(import.meta.dirname, '../../server/bin/repostats.js');
  for (const args of [...(posted > 0 ? [['import', 'events', ...files.slice(0, posted)]] : []), ['aggregate']]) {
    execFileSync(process.execPath, [cli, ...args], { env: { ...process.env, REPOSTATS_DB: reference }, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const loss = await compareWithReference(dataset.db, reference);
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  const requests = [...counts.values()].reduce((a, b) => a + b, 0);
  const eventsLost = loss.eventsReference - loss.eventsServed;
  return {
    title: `Soak: ${opts.minutes} min of reads, exports, ingest and scheduled aggregation together`,
    command: `npm run bench -- --db FILE --only soak --soak-minutes ${opts.minutes}${opts.mix.length < 3 ? ` --soak-mix ${opts.mix.join(',')}` : ''}`,
    load: startLoad,
    figures: [
      { metric: 'requests', value: `${fmt.int(requests)} (${[...counts].map(([k, v]) => `${k} ${fmt.int(v)}`).join(', ')})` },
      { metric: 'errors', value: fmt.int(errorCount), target: '0', met: errorCount === 0 },
      { metric: 'events lost (stored: CLI import − served)', value: `${fmt.int(eventsLost)} of ${fmt.int(posted * EVENTS_PER_FILE)} posted`, target: '0', met: eventsLost === 0 },
      { metric: 'events lost (aggregated: global views + downloads, CLI − served)', value: fmt.int(loss.aggregatedLost), target: '0', met: loss.aggregatedLost === 0 },
      { metric: 'usage fact rows differing from the CLI copy', value: fmt.int(loss.factRowsDiffering), target: '0', met: loss.factRowsDiffering === 0 },
      { metric: 'server peak RSS (VmHWM)', value: fmt.mb(memory.peakMB), target: '≤ 600 MB', met: memory.peakMB <= 600 },
      { metric: `longest /healthz wait (${fmt.int(probes)} probes, one every 100 ms)`, value: fmt.ms(longestHealthz), target: '≤ 200 ms', met: longestHealthz <= 200 },
    ],
    notes: [
      `${READERS} readers in turn over series bundles, raw documents (a year), top records (a month), POST /api/stats (a month of community-stats / global-stats), the community list and status; one client exporting CSV and XLSX of series; ${posted} ingests of ${fmt.int(EVENTS_PER_FILE)} new events spread over the first 70 % of the run; \`serve --aggregate-every ${everyMinutes}\`, then one POST /api/v1/aggregate.`,
      'Events lost are checked against a copy of the same file given the same event files by `repostats import events` and `repostats aggregate`: stored events counted, and every usage fact row compared.',
      ...[...errors].slice(0, 10).map(([k, v]) => `error: ${k} × ${v}`),
      ...serverErrors.slice(0, 5).map((l) => `server log: \`${l.replace(/`/g, "'")}\``),
      ...probeNotes(readProbe(probeOut)),
    ],
  };
}
