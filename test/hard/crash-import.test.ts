/**
 * Crash safety of the import: `repostats import events FILE` SIGKILLed mid-file (after the first
 * batch reached the database file, plus a seeded random delay), twice, then run again to the end:
 * every event is stored exactly once — the same count and the same event keys as a clean import.
 */
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, seeded, withDb } from './support';
import { spawn } from 'node:child_process';

const EVENTS = 120_000;
let dir: string;
let file: string;

/** Processed events, each distinct (its own visitor and second), so the expected count is exact. */
async function writeEvents(path: string): Promise<void> {
  const out = createWriteStream(path);
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < EVENTS; i++) {
    const e = { type: i % 3 === 0 ? 'download' : 'view', timestamp: new Date(start + i * 61_000).toISOString(), record_id: `rec-${i % 500}`, visitor_id: `v${i}`, ...(i % 3 === 0 ? { file_key: 'data.csv', size: 100 } : {}) };
    if (!out.write(`${JSON.stringify(e)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'repostats-hard-import-'));
  file = join(dir, 'events.ndjson');
  await writeEvents(file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const size = (p: string) => (existsSync(p) ? statSync(p).size : 0) + (existsSync(`${p}.wal`) ? statSync(`${p}.wal`).size : 0);

/** Starts an import and SIGKILLs it `delayMs` after the database file first grows past its size at start-up. */
function importKilledMidFile(db: string, delayMs: number): Promise<{ killed: boolean; output: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [CLI, 'import', 'events', file, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let baseline = -1;
    let killAt = 0;
    const poll = setInterval(() => {
      const now = size(db);
      if (baseline < 0 && now > 0) baseline = now + 1_000_000; // past the schema: events are being written
      if (!killAt && baseline > 0 && now > baseline) killAt = Date.now() + delayMs;
      if (killAt && Date.now() >= killAt) child.kill('SIGKILL');
    }, 10);
    child.on('error', fail);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      ok({ killed: signal === 'SIGKILL', output });
    });
  });
}

async function stored(db: string): Promise<{ count: number; keys: string }> {
  return withDb(db, async (e) => {
    const [row] = await e.query<{ n: unknown; h: unknown }>(`SELECT COUNT(*) AS n, md5(string_agg(event_key, ',' ORDER BY event_key)) AS h FROM events`);
    return { count: Number(row!.n), keys: String(row!.h) };
  });
}

describe('import killed with SIGKILL', () => {
  it('when an import is killed mid-file twice and re-run, then every event is stored exactly once', async () => {
    const random = seeded(7);
    const killedDb = join(dir, 'killed.duckdb');
    const partial: number[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await importKilledMidFile(killedDb, Math.floor(random() * 1_500));
      expect(r.killed, r.output).toBe(true);
      partial.push((await stored(killedDb)).count);
    }
    const finish = await new Promise<number | null>((ok) => spawn(process.execPath, [CLI, 'import', 'events', file, '--db', killedDb], { stdio: 'ignore' }).on('exit', ok));
    expect(finish).toBe(0);
    const cleanDb = join(dir, 'clean.duckdb');
    const clean = await new Promise<number | null>((ok) => spawn(process.execPath, [CLI, 'import', 'events', file, '--db', cleanDb], { stdio: 'ignore' }).on('exit', ok));
    expect(clean).toBe(0);

    // The kills really interrupted the file: something, but not everything, was stored.
    expect(partial.some((n) => n > 0 && n < EVENTS), `stored after each kill: ${partial.join(', ')}`).toBe(true);
    const [after, reference] = [await stored(killedDb), await stored(cleanDb)];
    expect(reference.count).toBe(EVENTS);
    expect(after).toEqual(reference);
  }, 180_000);
});
