/**
 * Anonymous browsing never invalidates the database: every community × year × category bundle of
 * the small demo, requested once each, uncached, one at a time, from `repostats serve` with its
 * default settings (64 MB of DuckDB memory for reads). On main (bcf09a8) the 105th render's cache
 * write ran out of memory at commit, its rollback failed, and DuckDB invalidated the database:
 * every later read answered 500 while /healthz said ok. The second case invalidates the instance
 * on purpose (main's cache writes, at the read limit) and checks /healthz and the reopen.
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../server/domain/bundles/build';
import { startServer } from '../../server/http/server';
import { runCli, startServeCli } from './support';

let dir: string;
let db: string;
let fresh: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'repostats-renders-'));
  db = join(dir, 'small.duckdb');
  const demo = await runCli(['demo', '--size', 'small', '--end-date', '2026-11-22', '--db', db]);
  expect(demo.code, demo.output).toBe(0);
  const aggregate = await runCli(['aggregate', '--db', db]);
  expect(aggregate.code, aggregate.output).toBe(0);
  fresh = join(dir, 'fresh.duckdb');
  copyFileSync(db, fresh);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CATEGORIES = ['usage-delta', 'usage-snapshot', 'record-delta?basis=added', 'record-snapshot?basis=published'];

describe('uncached renders on the small demo', () => {
  it('when every community × year × category is rendered once, then each answers 200 or 404, and reads and /healthz still work after', { timeout: 600_000 }, async () => {
    const sizeBefore = statSync(db).size;
    // Only the environment's defaults: no memory settings of the test's own.
    const env = { ...process.env };
    delete env.REPOSTATS_DUCKDB_MEMORY;
    delete env.REPOSTATS_DUCKDB_SERVE_MEMORY;
    const server = await startServeCli(['--db', db], env);
    const { url } = server;
    const log = () => server.log();
    try {
      const list = (await (await fetch(`${url}/api/v1/communities`)).json()) as { communities: { id: string }[] };
      const ids = [...new Set(['global', ...list.communities.map((c) => c.id)])];
      expect(ids.length).toBe(21); // global and its 20 communities
      const statuses = new Map<number, number>();
      const failures: string[] = [];
      for (const id of ids) {
        for (const year of [2024, 2025, 2026]) {
          for (const c of CATEGORIES) {
            const [category, query] = c.split('?');
            const res = await fetch(`${url}/api/v1/communities/${id}/series/${category}?year=${year}${query ? `&${query}` : ''}`);
            await res.arrayBuffer();
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (res.status !== 200 && res.status !== 404) failures.push(`${id} ${year} ${c}: ${res.status}`);
          }
        }
      }
      expect(failures.slice(0, 5), log().slice(0, 2000)).toEqual([]);
      expect(statuses.get(200)).toBeGreaterThan(150); // 195 on this demo; the rest have no data that year
      expect(log()).not.toMatch(/invalidated|Out of Memory/);
      // The database still reads after the loop, and the server says it is healthy.
      expect((await fetch(`${url}/api/v1/communities`)).status).toBe(200);
      expect((await fetch(`${url}/api/v1/communities/global/series/usage-delta?year=2025`)).status).toBe(200);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
    // The cache stores compressed bundles only: 252 of them grow the file by well under its size.
    expect(statSync(db).size - sizeBefore).toBeLessThan(sizeBefore);
  });
});

describe('a database DuckDB has invalidated', () => {
  it('when the instance is invalidated, then /healthz answers 503 naming it, and the server reopens the database by itself', { timeout: 300_000 }, async () => {
    const server = await startServer({ config: { port: 0, db: fresh }, env: { REPOSTATS_ADMIN_TOKEN: 'a-token-long-enough-for-config' } });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const engine = server.app.ctx.db;
      // What main's cache did at the 64 MB read limit: store each bundle's identity form in a
      // transaction of its own, until a commit runs out of memory and its rollback fails.
      const json = JSON.stringify(await buildBundle(engine, { community: 'global', category: 'usage-delta', year: 2025, basis: null }));
      let fatal: unknown = null;
      for (let i = 0; i < 1000 && fatal === null; i++) {
        await engine
          .transaction((tx) =>
            tx.exec('INSERT INTO bundle_cache VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [`c${i}`, 'usage-delta', '', 2025, 'e', json, json.slice(0, 100_000), json.slice(0, 100_000), 'now']),
          )
          .catch((e: unknown) => (fatal = e));
      }
      expect(String(fatal)).toMatch(/Failed to rollback transaction|invalidated/);
      const down = await fetch(`${server.url}/healthz`);
      expect(down.status).toBe(503);
      expect(((await down.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: 'database_unavailable',
        message: expect.stringMatching(/invalidated/),
      });
      // No hand-run command: the server reopens the file, and reads answer again.
      let status = 503;
      for (let i = 0; i < 300 && status !== 200; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, 100));
        status = (await fetch(`${server.url}/healthz`)).status;
      }
      expect(status).toBe(200);
      expect((await fetch(`${server.url}/api/v1/communities`)).status).toBe(200);
      expect((await fetch(`${server.url}/api/v1/communities/global/series/usage-delta?year=2025`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
