/**
 * The query API (issue 14) against `repostats serve` on the data set, in a process of its own
 * started for this step, so its response cache starts empty (it is warmed only after an
 * aggregation run in the process: server/http/warmLayouts.ts):
 *
 * - uncached: each first-view query's first answer (`X-Cache: miss`), then each again with one
 *   filter on another field (bench/steps/queryList.ts), one at a time;
 * - the brotli size of each first-view answer (the "typical widget response");
 * - cached: the first-view queries under 50 connections, autocannon and the plain client.
 */
import { request } from 'node:http';
import { brotliCompressSync } from 'node:zlib';
import autocannon from 'autocannon';
import type { QueryRequest } from '../../src/api/query';
import { load } from '../machine';
import { percentiles, type Percentiles } from '../percentiles';
import { fmt, type Figure, type Section } from '../report';
import { bareServerLoad } from './http';
import { plainLoad } from './plainClient';
import { firstViewQueries, queryPath, withOtherFieldFilter } from './queryList';
import { startServerProcess } from './serverProcess';

interface Answer {
  ms: number;
  status: number;
  cache: string;
  encoding: string;
  bytes: number;
}

/** One GET on its own connection, timed to the last byte of the body (undecoded). */
function timedGet(url: string): Promise<Answer> {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const req = request(url, { headers: { 'accept-encoding': 'br, gzip' }, agent: false }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () =>
        ok({
          ms: performance.now() - t0,
          status: res.statusCode ?? 0,
          cache: String(res.headers['x-cache'] ?? ''),
          encoding: String(res.headers['content-encoding'] ?? 'identity'),
          bytes,
        }),
      );
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/** "views delta by field:countries, filtered by field:resource_types": a query in a few words. */
export function describeQuery(q: QueryRequest): string {
  const by = q.dimensions.length > 0 ? `by ${q.dimensions.join(' × ')}` : 'over the range';
  const filters = q.filters.length > 0 ? `, filtered by ${q.filters.map(([, f]) => f).join(', ')}` : '';
  return `${q.metrics.join(', ')} ${q.mode} ${by}${filters}`;
}

/** Each query once, in order, on a server that has not answered it yet. */
async function firstAnswers(url: string, queries: readonly QueryRequest[]): Promise<{ q: QueryRequest; a: Answer; load: number }[]> {
  const out: { q: QueryRequest; a: Answer; load: number }[] = [];
  for (const q of queries) {
    const a = await timedGet(`${url}${queryPath(q)}`);
    if (a.status !== 200) throw new Error(`${describeQuery(q)}: HTTP ${a.status}`);
    if (a.cache !== 'miss') throw new Error(`${describeQuery(q)}: expected an uncached answer, got X-Cache: ${a.cache}`);
    out.push({ q, a, load: load() });
  }
  return out;
}

const spread = (p: Percentiles) => `${fmt.ms(p.p50)} / ${fmt.ms(p.p95)} / ${fmt.ms(p.max)}`;
const slowest = (rows: { q: QueryRequest; a: Answer }[], n: number) =>
  [...rows].sort((x, y) => y.a.ms - x.a.ms).slice(0, n).map((r) => `${describeQuery(r.q)} ${fmt.ms(r.a.ms)}`).join('; ');

export async function benchQueryApi(db: string, opts: { log: (m: string) => void; seconds: number; today: string }): Promise<Section> {
  const started = load();
  const plain = firstViewQueries('global', opts.today);
  const filtered = plain.map(withOtherFieldFilter);
  const server = await startServerProcess(db);
  try {
    // The process's first database reads (communities, data state) are not any query's.
    await (await fetch(`${server.url}/api/v1/communities`)).arrayBuffer();

    opts.log(`query API: ${plain.length} first-view queries, uncached`);
    const loadPlain = load();
    const plainRows = await firstAnswers(server.url, plain);
    opts.log(`query API: the same ${filtered.length} with a filter on another field, uncached`);
    const loadFiltered = load();
    const filteredRows = await firstAnswers(server.url, filtered);
    const unfilteredP = percentiles(plainRows.map((r) => r.a.ms));
    const filteredP = percentiles(filteredRows.map((r) => r.a.ms));

    const notBrotli = plainRows.filter((r) => r.a.encoding !== 'br').length;
    if (notBrotli > 0) throw new Error(`${notBrotli} answers were not brotli-encoded although asked with Accept-Encoding: br, gzip`);
    const sizes = percentiles(plainRows.map((r) => r.a.bytes));
    const filteredSizes = percentiles(filteredRows.map((r) => r.a.bytes));

    const urls = plain.map((q) => `${server.url}${queryPath(q)}`);
    const headers = { 'accept-encoding': 'br, gzip' };
    opts.log(`query API: cached, autocannon 50 connections, ${opts.seconds} s`);
    const loadCannon = load();
    const base = new URL(server.url);
    const cannon = await autocannon({
      url: server.url,
      connections: 50,
      duration: opts.seconds,
      headers,
      requests: plain.map((q) => ({ method: 'GET', path: `${base.pathname.replace(/\/$/, '')}${queryPath(q)}` })),
    });
    const cannonErrors = cannon.errors + cannon.timeouts + cannon.non2xx;
    opts.log(`query API: cached, plain client 50 connections, ${opts.seconds} s`);
    const loadPlainClient = load();
    const p = await plainLoad(urls, { connections: 50, seconds: opts.seconds, headers });
    const stillCached = (await Promise.all(urls.map((u) => timedGet(u)))).filter((a) => a.cache === 'hit').length;
    // The floor, side by side: a bare node:http server sending the median answer's bytes to the
    // same client. What it cannot reach on this machine, no server can.
    const median = [...plainRows].sort((x, y) => x.a.bytes - y.a.bytes)[Math.floor(plainRows.length / 2)]!;
    const medianBody = brotliCompressSync(Buffer.from(await (await fetch(`${server.url}${queryPath(median.q)}`)).arrayBuffer()));
    opts.log(`query API: floor, bare node:http server with a ${medianBody.length} B body, 50 connections, ${opts.seconds} s`);
    const loadFloor = load();
    const floor = (await bareServerLoad(medianBody, { seconds: opts.seconds })).body;
    const atLoad = (n: number) => ` (load ${n})`;

    const figures: Figure[] = [
      {
        metric: `typical widget response: median brotli size of the ${plain.length} first-view answers (largest)`,
        value: `${fmt.kb(sizes.p50)} (${fmt.kb(sizes.max)})`,
        target: '≤ 10 KB brotli',
        met: sizes.p50 <= 10 * 1024,
        ratio: sizes.p50 / (10 * 1024),
      },
      { metric: 'the same, filtered by another field: median brotli size (largest)', value: `${fmt.kb(filteredSizes.p50)} (${fmt.kb(filteredSizes.max)})` },
      {
        metric: `uncached query, unfiltered (${unfilteredP.count} first-view queries, one at a time): p50 / p95 / max`,
        value: spread(unfilteredP) + atLoad(loadPlain),
        target: 'p95 ≤ 100 ms',
        met: unfilteredP.p95 <= 100,
        ratio: unfilteredP.p95 / 100,
      },
      {
        metric: `uncached query, filtered by another field (the same ${filteredP.count} with one filter): p50 / p95 / max`,
        value: spread(filteredP) + atLoad(loadFiltered),
        target: 'p95 ≤ 500 ms',
        met: filteredP.p95 <= 500,
        ratio: filteredP.p95 / 500,
      },
      {
        metric: `cached first-view queries, 50 connections, autocannon: p50 / p95(≈p97.5) / p99`,
        value: `${cannon.latency.p50} / ${cannon.latency.p97_5} / ${cannon.latency.p99} ms${atLoad(loadCannon)}`,
        target: 'p95 ≤ 10 ms',
        met: cannon.latency.p97_5 <= 10,
        ratio: cannon.latency.p97_5 / 10,
      },
      { metric: 'cached, autocannon: throughput', value: `${fmt.int(cannon.requests.average)} req/s (${fmt.int(cannon.requests.total)} requests, ${cannonErrors} errors/timeouts/non-2xx)` },
      {
        metric: 'cached first-view queries, 50 connections, plain node:http client: p50 / p95 / p99',
        value: `${fmt.ms(p.p50)} / ${fmt.ms(p.p95)} / ${fmt.ms(p.p99)}${atLoad(loadPlainClient)}`,
        target: 'p95 ≤ 10 ms',
        met: p.p95 <= 10,
        ratio: p.p95 / 10,
      },
      { metric: 'cached, plain client: throughput', value: `${fmt.int(p.perSecond)} req/s, ${p.mbPerSecond.toFixed(1)} MB/s (${fmt.int(p.requests)} requests, ${p.errors} errors)` },
      {
        metric: `floor: bare node:http server sending the median answer (${fmt.int(medianBody.length)} B brotli), same client: p50 / p95 / p99, throughput`,
        value: `${fmt.ms(floor.p50)} / ${fmt.ms(floor.p95)} / ${fmt.ms(floor.p99)}, ${fmt.int(floor.perSecond)} req/s${atLoad(loadFloor)}`,
      },
      { metric: 'cached query API ÷ floor: p95, throughput', value: `${(p.p95 / floor.p95).toFixed(1)} ×, ${(p.perSecond / floor.perSecond).toFixed(2)} ×` },
    ];
    const mem = server.memory();
    return {
      title: 'Query API (issue 14)',
      command: `GET /api/v1/query?q=<JSON> (Accept-Encoding: br, gzip) against \`repostats serve\` started for this step; autocannon and bench/steps/plainClient.ts -c 50 -d ${opts.seconds} over the first-view queries`,
      load: started,
      figures,
      notes: [
        `Queries: those a first view of global's default layout sends at the default view (last 12 months resolved on ${opts.today}, by month, basis added), built by the dashboard's code (\`layoutQueries\`, every tab, as the server's warm-up after a run asks them); "filtered" adds \`["is","field:resource_types",["dataset"]]\` to record queries and \`["is","field:countries",["US"]]\` to usage ones (another field when the query breaks down by that one): bench/steps/queryList.ts.`,
        `Uncached: a fresh server process (its response cache is warmed only after an aggregation run in the process, none here), every answer checked \`X-Cache: miss\`; the time is the client's, to the last byte, so it includes computing the answer and rendering its identity, gzip and brotli forms once (server/cache/queryCache.ts). Unfiltered first, then filtered, so the filtered ones find DuckDB's buffers as the unfiltered ones left them.`,
        `Slowest uncached, unfiltered: ${slowest(plainRows, 3)}. Filtered: ${slowest(filteredRows, 3)}.`,
        `Cached: every connection cycles through the ${plain.length} first-view queries; ${stillCached} of ${urls.length} still answered \`X-Cache: hit\` after the load runs. autocannon reports p97.5, not p95 (p97.5 ≥ p95: conservative). The clients run on the same 2 cores as the server.`,
        `Server RSS after the step: ${fmt.mb(mem.rssMB)} (peak ${fmt.mb(mem.peakMB)}).`,
      ],
    };
  } catch (error) {
    opts.log(`server output:\n${server.output()}`);
    throw error;
  } finally {
    await server.stop();
  }
}
