/**
 * Ingest while aggregating loses nothing: `repostats serve --aggregate-every` (the normal
 * deployment) plus a loop of POST /api/v1/aggregate, while the tiny demo's memberships, records
 * and events arrive through the ingest API in many NDJSON requests. After one last aggregate the
 * stored facts equal those of a CLI import of the same files and a single aggregate. On main
 * (bcf09a8) a unit of the run cleared every dirty day up to its month's end, including days that
 * ingest had marked after the run read them: their events never reached the aggregates.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../server/storage/port';
import { importAll, runCli, startServeCli, withDb, writeTinyDemo } from './support';

const TOKEN = 'a-token-long-enough-for-config';
let dir: string;
let files: Awaited<ReturnType<typeof writeTinyDemo>>['files'];

beforeAll(async () => {
  const demo = await writeTinyDemo();
  dir = demo.dir;
  files = demo.files;
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The aggregation state that decides every served figure. */
async function facts(db: SqlEngine): Promise<{ usage: unknown[]; records: unknown[]; bookmarks: unknown[]; dirty: unknown[] }> {
  return {
    usage: await db.query('SELECT * FROM agg_usage_facts ORDER BY ALL'),
    records: await db.query('SELECT * FROM agg_record_facts ORDER BY ALL'),
    bookmarks: await db.query('SELECT kind, community_id, CAST(day AS TEXT) AS day FROM agg_bookmarks ORDER BY ALL'),
    dirty: await db.query('SELECT scope, community_id, CAST(day AS TEXT) AS day FROM dirty_days ORDER BY ALL'),
  };
}

function chunks(path: string, n: number): string[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const size = Math.ceil(lines.length / n);
  return Array.from({ length: n }, (_, i) => lines.slice(i * size, (i + 1) * size).join('\n')).filter((c) => c !== '');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ingest overlapped with aggregation', () => {
  it('when events, records and memberships arrive while runs are in progress, then the final facts equal a CLI import and one aggregate', { timeout: 600_000 }, async () => {
    const reference = join(dir, 'reference.duckdb');
    await importAll(reference, files);
    const cli = await runCli(['aggregate', '--db', reference]);
    expect(cli.code, cli.output).toBe(0);

    const served = join(dir, 'served.duckdb');
    // Aggregation every 0.3 s inside the server, as `--aggregate-every` runs it in production.
    const server = await startServeCli(['--db', served, '--aggregate-every', '0.005'], { ...process.env, REPOSTATS_ADMIN_TOKEN: TOKEN });
    const { url } = server;
    try {
      const auth = { Authorization: `Bearer ${TOKEN}` };
      const aggregate = () => fetch(`${url}/api/v1/aggregate`, { method: 'POST', headers: auth });

      // And a client triggering runs every 0.5 s besides (409 while one is in progress).
      let ingesting = true;
      const runs: number[] = [];
      const trigger = (async () => {
        while (ingesting) {
          const res = await aggregate();
          await res.arrayBuffer();
          runs.push(res.status);
          await sleep(500);
        }
      })();
      const post = async (kind: string, body: string) => {
        const res = await fetch(`${url}/api/v1/ingest/${kind}`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/x-ndjson' }, body });
        expect(res.status, await res.clone().text()).toBe(200);
        const summary = (await res.json()) as { rejected: number };
        expect(summary.rejected).toBe(0);
      };
      for (const body of chunks(files.memberships, 3)) await post('memberships', body);
      for (const body of chunks(files.records, 5)) await post('records', body);
      for (const body of chunks(files.events, 40)) {
        await post('events', body);
        await sleep(100);
      }
      ingesting = false;
      await trigger;
      expect(runs.length).toBeGreaterThan(3);
      expect(runs.every((s) => s === 200 || s === 409)).toBe(true);
      // One more run once none is in progress.
      for (;;) {
        const res = await aggregate();
        await res.arrayBuffer();
        if (res.status === 200) break;
        expect(res.status).toBe(409);
        await sleep(200);
      }
      expect(server.log()).not.toMatch(/aggregation failed/);
    } finally {
      await server.stop();
    }
    const expected = await withDb(reference, facts);
    const actual = await withDb(served, facts);
    expect(expected.usage.length).toBeGreaterThan(1000);
    expect(actual.dirty).toEqual([]);
    expect(actual.bookmarks).toEqual(expected.bookmarks);
    expect(actual.records).toEqual(expected.records);
    expect(actual.usage.length).toBe(expected.usage.length);
    expect(actual.usage).toEqual(expected.usage);
  });
});
