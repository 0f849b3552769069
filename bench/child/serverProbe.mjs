/**
 * A probe preloaded into the soak's server process (`node --import bench/child/serverProbe.mjs`,
 * output file in REPOSTATS_PROBE_OUT): what holds its memory and what blocks its event loop,
 * measured from inside, without changing the server.
 *
 * Every second it appends one JSON line: `process.memoryUsage()` (rss, heapUsed, external,
 * arrayBuffers), the longest event-loop delay of that second, the requests in flight (method and
 * path), and every 2 s DuckDB's own view (`duckdb_memory()` by tag, `memory_limit`, `threads`) on a
 * connection of its own to the server's instance (found by wrapping `DuckDBInstance.create`).
 * Event-loop stalls over 100 ms get a line of their own with what was in flight when they ended.
 * Plain JavaScript, because it loads before the CLI registers tsx.
 */
/* global process, performance, setInterval */
import { appendFileSync } from 'node:fs';
import { Server } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import duckdb from '@duckdb/node-api';

const out = process.env.REPOSTATS_PROBE_OUT;
if (!out) throw new Error('serverProbe: set REPOSTATS_PROBE_OUT');
const write = (o) => appendFileSync(out, `${JSON.stringify({ t: Date.now(), ...o })}\n`);
const MB = 1024 ** 2;
const mb = (n) => Math.round(n / MB);

/** The server's DuckDB instances (the latest is the live one after a reopen). */
const instances = [];
const create = duckdb.DuckDBInstance.create.bind(duckdb.DuckDBInstance);
duckdb.DuckDBInstance.create = async (...args) => {
  const instance = await create(...args);
  instances.push(instance);
  return instance;
};

/** Requests in flight: method, URL and since when. */
const inFlight = new Map();
let nextId = 0;
const emit = Server.prototype.emit;
Server.prototype.emit = function (event, req, res) {
  if (event === 'request') {
    const id = nextId++;
    inFlight.set(id, { url: `${req.method} ${req.url}`, since: Date.now() });
    res.once('close', () => inFlight.delete(id));
  }
  return emit.apply(this, arguments);
};
const flying = () => [...inFlight.values()].map((r) => `${r.url.slice(0, 120)} (${Date.now() - r.since} ms)`);

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();

// Stalls: a 20 ms timer that fires late by more than 100 ms.
let last = performance.now();
setInterval(() => {
  const now = performance.now();
  const late = now - last - 20;
  last = now;
  if (late > 100) write({ stall: Math.round(late), inFlight: flying() });
}, 20).unref();

let conn = null;
let connOf = null;
async function duckdbView() {
  const instance = instances.at(-1);
  if (!instance) return null;
  if (connOf !== instance) {
    conn = await instance.connect();
    connOf = instance;
  }
  const tags = (await (await conn.run('SELECT tag, memory_usage_bytes AS m, temporary_storage_bytes AS s FROM duckdb_memory() WHERE memory_usage_bytes > 0 OR temporary_storage_bytes > 0')).getRowObjects());
  const settings = (await (await conn.run("SELECT current_setting('memory_limit') AS l, current_setting('threads') AS th")).getRowObjects())[0];
  return {
    limit: settings.l,
    threads: Number(settings.th),
    totalMB: mb(tags.reduce((a, r) => a + Number(r.m), 0)),
    tempMB: mb(tags.reduce((a, r) => a + Number(r.s), 0)),
    tags: Object.fromEntries(tags.filter((r) => Number(r.m) >= MB).map((r) => [r.tag, mb(Number(r.m))])),
  };
}

let tick = 0;
setInterval(async () => {
  const m = process.memoryUsage();
  const line = { rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), loopMaxMs: Math.round(delay.max / 1e6), inFlight: flying() };
  delay.reset();
  if (tick++ % 2 === 0) {
    try {
      line.duckdb = await duckdbView();
    } catch (error) {
      line.duckdbError = String(error?.message ?? error).split('\n')[0];
    }
  }
  write(line);
}, 1000).unref();
