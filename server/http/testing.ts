/**
 * Test support: the real server (real domain modules, real DuckDB file in a temp dir) on a
 * loopback port, and a small dataset put in through the real importer and aggregation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerConfig } from '../config';
import { importLines } from '../ingest';
import { runAggregation } from '../domain/aggregate/run';
import type { SqlEngine } from '../storage/port';
import { startServer, type RunningServer } from './server';

export const ADMIN = 'admin-token-for-tests-0123456789';
export const SECRET_TOKEN = 'community-secret-token';

export interface TestServer extends RunningServer {
  db: SqlEngine;
  dir: string;
  stop(): Promise<void>;
}

export async function startTestServer(config: Partial<ServerConfig> = {}, staticDir?: string, now?: () => Date): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'repostats-http-'));
  const server = await startServer({
    env: {},
    config: { port: 0, host: '127.0.0.1', db: join(dir, 'test.duckdb'), adminToken: ADMIN, ...config },
    staticDir,
    now,
  });
  return {
    ...server,
    db: server.app.ctx.db,
    dir,
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const record = (id: string, day: string, communities: string[], title: string, resourceType: string) => ({
  id,
  created: `${day}T10:00:00Z`,
  updated: `${day}T10:00:00Z`,
  parent: { id: `p-${id}`, communities: { ids: communities }, access: { owned_by: { user: `u-${id}` } } },
  metadata: {
    title,
    publication_date: day,
    resource_type: { id: resourceType, title: { en: resourceType === 'dataset' ? 'Dataset' : 'Article' } },
  },
  files: { enabled: true, entries: { 'data.csv': { key: 'data.csv', ext: 'csv', size: 1000 } } },
});

/** Views and downloads on distinct minutes so the double-click rule keeps them all. */
function events(recordId: string, day: string, views: number, downloads: number): object[] {
  const out: object[] = [];
  for (let i = 0; i < views; i++) {
    out.push({ type: 'view', timestamp: `${day}T0${i % 10}:${String(i % 60).padStart(2, '0')}:00Z`, record_id: recordId, visitor_id: `v${i}` });
  }
  for (let i = 0; i < downloads; i++) {
    out.push({
      type: 'download',
      timestamp: `${day}T1${i % 10}:${String(i % 60).padStart(2, '0')}:00Z`,
      record_id: recordId,
      visitor_id: `v${i}`,
      file_key: 'data.csv',
      size: 1000,
    });
  }
  return out;
}

/**
 * Communities: `open` (public), `secret` (restricted, own token), `off` (dashboard disabled).
 * r1, r2 in open; r3 in secret; r4 in off. Data in 2024.
 */
export async function seed(db: SqlEngine): Promise<void> {
  const { hashToken } = await import('./access');
  await db.exec(`INSERT INTO communities (community_id, slug, title, restricted, enabled, token_hash) VALUES
    ('open', 'open-science', 'Open Science', false, true, NULL),
    ('secret', 'secret-lab', 'Secret Lab', true, true, '${hashToken(SECRET_TOKEN)}'),
    ('off', 'switched-off', 'Switched Off', false, false, NULL)`);
  const records = [
    record('r1', '2024-01-10', ['open'], 'Most viewed open record', 'dataset'),
    record('r2', '2024-02-01', ['open'], 'Second open record', 'article'),
    record('r3', '2024-01-15', ['secret'], 'Secret record', 'dataset'),
    record('r4', '2024-03-01', ['off'], 'Record of a disabled community', 'dataset'),
  ];
  await importLines(db, { kind: 'records', lines: records.map((r) => JSON.stringify(r)), source: 'seed' });
  const usage = [
    ...events('r1', '2024-03-05', 5, 2),
    ...events('r2', '2024-03-05', 2, 1),
    ...events('r3', '2024-03-06', 9, 0),
    ...events('r4', '2024-03-06', 1, 0),
  ];
  await importLines(db, { kind: 'events', lines: usage.map((e) => JSON.stringify(e)), source: 'seed' });
}

export async function seedAndAggregate(db: SqlEngine): Promise<void> {
  await seed(db);
  await runAggregation(db, { today: '2024-03-10' });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exact headers and the undecoded body (fetch would negotiate and decompress itself). */
export async function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
