/**
 * `serve` on a busy port, and a command on a database another process holds: each fails at once
 * with a message naming the cause and the exit status the help promises, and holds nothing after.
 */
import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startServeCli, withDb } from './support';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'repostats-busy-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = { ...process.env, REPOSTATS_ADMIN_TOKEN: 'a-token-long-enough-for-config' };

function occupyPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

describe('serve on a busy port', () => {
  it('when the port is taken, then serve exits non-zero naming the port, and the database is free afterwards', { timeout: 60_000 }, async () => {
    const db = join(dir, 'busy.duckdb');
    const { server, port } = await occupyPort();
    try {
      // On main, serve kept running without listening: killed after 20 s, it fails the test below.
      const out = await runCli(['serve', '--port', String(port), '--db', db], { killAfterMs: 20_000 });
      expect(out.killed).toBe(false);
      expect(out.code).not.toBe(0);
      expect(out.code).not.toBeNull();
      expect(out.output).toContain(`127.0.0.1:${port}`);
      expect(out.output).toMatch(/already in use/);
      expect(out.output).not.toMatch(/TypeError|Cannot destructure/);
    } finally {
      server.close();
    }
    // Another process (this one) can open the database: serve released DuckDB's file lock.
    expect(await withDb(db, async (engine) => engine.query('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
  });
});

describe('a database held by another process', () => {
  it('when serve holds the database, then aggregate and import exit 3 (as the help says) and say who holds it', { timeout: 90_000 }, async () => {
    const db = join(dir, 'held.duckdb');
    const server = await startServeCli(['--db', db], env);
    try {
      const aggregate = await runCli(['aggregate', '--db', db]);
      expect(aggregate.code).toBe(3);
      expect(aggregate.output).toMatch(/Could not set lock on file/);
      expect(aggregate.output).toMatch(/Another process .* has the database open/);
      const imported = await runCli(['import', 'events', join(dir, 'none.ndjson'), '--db', db]);
      expect(imported.code).toBe(3);
      const help = await runCli(['aggregate', '--help']);
      expect(help.output).toMatch(/3 when another run is in progress or another process holds the\s+database/);
    } finally {
      await server.stop();
    }
  });
});
