import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openPostgres } from '../../server/storage/postgres';
import { freshPgDatabase } from './fresh';

const run = promisify(execFile);
const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/** Start a separate Node process (a stand-in for one `repostats serve`) and read its JSON report. */
async function worker(...args: (string | number)[]): Promise<Record<'imported' | 'skipped' | 'rejected' | 'runs', number>> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', WORKER, ...args.map(String)], {
    env: { ...process.env, REPOSTATS_DB: '' },
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Record<'imported' | 'skipped' | 'rejected' | 'runs', number>;
}

describe('several server processes on one PostgreSQL database', () => {
  it('when two processes import overlapping event files at once, then every event is stored exactly once', async () => {
    const url = await freshPgDatabase('mp');
    // Events 0–11 999 and 6 000–17 999: 6 000 shared, 18 000 distinct, the same days dirtied by both.
    const [a, b] = await Promise.all([worker('ingest', url, 0, 12_000), worker('ingest', url, 6_000, 12_000)]);
    expect(a.rejected + b.rejected).toBe(0);
    expect(a.imported + b.imported).toBe(18_000);
    const db = await openPostgres(url);
    const [stored] = await db.query<{ n: number; keys: number; lo: string; hi: string }>(
      "SELECT count(*) AS n, count(DISTINCT event_key) AS keys, min(day) AS lo, max(day) AS hi FROM events",
    );
    expect(stored).toEqual({ n: 18_000, keys: 18_000, lo: '2024-01-01', hi: '2024-02-14' });
    const dirty = await db.query("SELECT count(*) AS n FROM dirty_days WHERE scope = 'usage'");
    expect(dirty).toEqual([{ n: 45 }]);
    await db.close();
  });

  it('when two processes take the aggregation lock repeatedly, then only one holds it at any time', async () => {
    const url = await freshPgDatabase('mp');
    await Promise.all([worker('lock', url, 15), worker('lock', url, 15)]);
    const db = await openPostgres(url);
    expect(await db.query('SELECT active, max_seen, runs FROM lock_probe')).toEqual([{ active: 0, max_seen: 1, runs: 30 }]);
    await db.close();
  });
});
