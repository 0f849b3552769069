/**
 * Starts the real server for the end-to-end tests: a tiny demo repository generated into a
 * fresh DuckDB file, aggregated by the real CLI, served on a free loopback port.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'server/bin/repostats.js');
export const DEMO_END_DATE = '2026-11-30';
export const DEMO_TODAY = '2026-12-01';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminToken: string;
    /** The demo's fixed last day + 1: the "today" screenshots pin the page's clock to. */
    today: string;
    /** The community the screenshot suite shows (the first enabled one, by id). */
    screenshotCommunity: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => ok(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer ${url} within 60 s:\n${log()}`);
}

export default async function setup(project: TestProject) {
  if (!existsSync(join(root, 'server/dist/demo/index.html'))) {
    throw new Error('server/dist/demo is missing: run `npm run build:demo-page` before the end-to-end tests');
  }
  const dir = mkdtempSync(join(tmpdir(), 'repostats-e2e-'));
  const adminToken = 'e2e-admin-token-0123456789';
  const env = { ...process.env, REPOSTATS_DB: join(dir, 'e2e.duckdb'), REPOSTATS_ADMIN_TOKEN: adminToken };
  // A fixed repository (seed and last day), so screenshots are the same on any day.
  execFileSync(process.execPath, [cli, 'demo', '--size', 'tiny', '--seed', '7', '--end-date', DEMO_END_DATE], { env, stdio: 'inherit' });
  execFileSync(process.execPath, [cli, 'aggregate'], { env, stdio: 'inherit' });

  const port = await freePort();
  let output = '';
  const server = spawn(process.execPath, [cli, 'serve', '--port', String(port), '--host', '127.0.0.1'], { env });
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/healthz`, server, () => output);

  project.provide('baseUrl', baseUrl);
  project.provide('adminToken', adminToken);
  project.provide('today', DEMO_TODAY);
  const { communities } = (await (await fetch(`${baseUrl}/api/v1/communities`)).json()) as { communities: { id: string; enabled: boolean }[] };
  const shown = communities.filter((c) => c.id !== 'global' && c.enabled).map((c) => c.id).sort()[0];
  if (!shown) throw new Error('the demo has no enabled community to screenshot');
  project.provide('screenshotCommunity', shown);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  };
}
