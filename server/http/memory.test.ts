import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryTunable } from '../storage/duckdb';
import { runAndRefresh } from './aggregate';
import { ADMIN, bearer, seedAndAggregate, startTestServer, type TestServer } from './testing';

const MiB = 1024 ** 2;
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ duckdb: { workMemoryBytes: 512 * MiB, serveMemoryBytes: 96 * MiB, serveWorkMemoryBytes: 512 * MiB, threads: undefined, serveThreads: 1 }, cacheMemoryBytes: 4 * MiB });
  await seedAndAggregate(s.db);
});
afterAll(async () => s?.stop());

/** The server hands the work budget back 10 s after the last heavy request; tests do not wait. */
const handBack = () => (s.db as unknown as MemoryTunable).releaseMemory();
const memoryLimit = async () => String((await s.db.query<{ v: string }>("SELECT CAST(current_setting('memory_limit') AS TEXT) AS v"))[0]?.v);

describe('serve memory budgets', () => {
  it('when serving, then DuckDB runs with the serving limit and thread count and the bundle LRU with its byte bound', async () => {
    expect(await memoryLimit()).toBe('96.0 MiB');
    // One DuckDB worker (REPOSTATS_DUCKDB_SERVE_THREADS), whatever the cores: DuckDB's own default is one per core.
    expect(await s.db.query("SELECT CAST(current_setting('threads') AS INTEGER) AS n")).toEqual([{ n: 1 }]);
    await fetch(`${s.url}/api/v1/communities/open/series/usage-delta?year=2024`, { headers: { 'Accept-Encoding': 'br' } });
    expect(s.app.ctx.cache.memory.bundles).toBe(1);
    expect(s.app.ctx.cache.memory.bytes).toBeLessThanOrEqual(4 * MiB);
  });

  it('when an aggregation runs in the server, then it has the work limit and serving gets its own back when it is handed back', async () => {
    const ctx = s.app.ctx;
    let during = '';
    await runAndRefresh({
      ...ctx,
      domain: {
        ...ctx.domain,
        runAggregation: async (db, options) => {
          during = await memoryLimit();
          return ctx.domain.runAggregation(db, options);
        },
      },
    });
    expect(during).toBe('512.0 MiB');
    await handBack();
    expect(await memoryLimit()).toBe('96.0 MiB');
  });

  it('when top records are asked, then they run with the work limit, which goes back to the serving one when handed back', async () => {
    const res = await fetch(`${s.url}/api/v1/communities/global/top-records?metric=views&start=2024-01-01&end=2024-12-31`);
    expect(res.status).toBe(200);
    expect(await memoryLimit()).toBe('512.0 MiB'); // kept for the next heavy request a while
    await handBack();
    expect(await memoryLimit()).toBe('96.0 MiB');
  });

  it('when events are ingested over HTTP, then they are imported with the work limit, handed back after', async () => {
    const event = { type: 'view', timestamp: '2024-03-09T10:00:00Z', record_id: 'r1', visitor_id: 'memory-test' };
    const res = await fetch(`${s.url}/api/v1/ingest/events`, {
      method: 'POST',
      headers: { ...bearer(ADMIN), 'Content-Type': 'application/x-ndjson' },
      body: JSON.stringify(event),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ imported: 1 });
    await handBack();
    expect(await memoryLimit()).toBe('96.0 MiB');
  });
});
