import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { duckDbSize, openDuckDb } from './duckdb';
import { openDatabase, withMemoryLimit, workDuckDbSettings } from './open';
import type { SqlEngine } from './port';

const MiB = 1024 ** 2;

async function setting(db: SqlEngine, name: string): Promise<string> {
  const [row] = await db.query<{ v: string }>(`SELECT CAST(current_setting('${name}') AS TEXT) AS v`);
  return String(row?.v);
}

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'repostats-duckdb-settings-'));
  dirs.push(dir);
  return join(dir, 'db.duckdb');
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('DuckDB resources', () => {
  it('when opened with a memory limit and threads, then DuckDB runs with them and spills beside the file', async () => {
    const file = tempFile();
    const db = await openDuckDb(file, { memoryBytes: 256 * MiB, threads: 1 });
    expect(await setting(db, 'memory_limit')).toBe('256.0 MiB');
    expect(await setting(db, 'threads')).toBe('1');
    expect(await setting(db, 'temp_directory')).toBe(`${file}.tmp`);
    expect(await setting(db, 'allocator_background_threads')).toBe('true');
    await db.close();
  });

  it('when a limit is raised for some work, then it holds during the work and the base limit comes back after, also on failure', async () => {
    const db = await openDuckDb(':memory:', { memoryBytes: 128 * MiB });
    const during = await db.withMemoryLimit(512 * MiB, () => setting(db, 'memory_limit'));
    expect(during).toBe('512.0 MiB');
    expect(await setting(db, 'memory_limit')).toBe('128.0 MiB');
    await expect(db.withMemoryLimit(512 * MiB, () => Promise.reject(new Error('run failed')))).rejects.toThrow('run failed');
    expect(await setting(db, 'memory_limit')).toBe('128.0 MiB');
    await db.close();
  });

  it('when the work wrote to an indexed table, then the index leaves memory when the work ends', async () => {
    const db = await openDuckDb(tempFile(), { memoryBytes: 128 * MiB });
    const indexBytes = async () =>
      Number((await db.query<{ b: number }>("SELECT CAST(COALESCE(SUM(memory_usage_bytes), 0) AS BIGINT) AS b FROM duckdb_memory() WHERE tag = 'ART_INDEX'"))[0]?.b);
    await db.exec('CREATE TABLE t (k TEXT PRIMARY KEY)');
    let during = 0;
    await db.withMemoryLimit(512 * MiB, async () => {
      await db.exec("INSERT INTO t SELECT 'key-' || CAST(i AS TEXT) FROM range(300000) r(i)");
      during = await indexBytes();
    });
    expect(during).toBeGreaterThan(MiB);
    expect(await indexBytes()).toBe(0);
    await db.close();
  });

  it('when a release delay is set, then the raised limit outlives the work by that delay, and new work in between keeps it', async () => {
    // Margins of ±300 ms around a 1 s delay: enough for a loaded machine.
    const db = await openDuckDb(':memory:', { memoryBytes: 128 * MiB, memoryReleaseDelayMs: 1_000 });
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await db.withMemoryLimit(512 * MiB, async () => undefined);
    expect(await setting(db, 'memory_limit')).toBe('512.0 MiB');
    await pause(500);
    await db.withMemoryLimit(512 * MiB, async () => undefined); // restarts the delay
    await pause(700); // 1.2 s after the first work, 0.7 s after the second
    expect(await setting(db, 'memory_limit')).toBe('512.0 MiB');
    await pause(1_300);
    expect(await setting(db, 'memory_limit')).toBe('128.0 MiB');
    await db.close();
  });

  it('when work starts while the memory is being handed back, then it runs with the raised limit', async () => {
    const db = await openDuckDb(':memory:', { memoryBytes: 128 * MiB, memoryReleaseDelayMs: 10_000 });
    await db.withMemoryLimit(512 * MiB, async () => undefined);
    const release = db.releaseMemory();
    const during = await db.withMemoryLimit(512 * MiB, () => setting(db, 'memory_limit'));
    await release;
    expect(during).toBe('512.0 MiB');
    await db.releaseMemory();
    expect(await setting(db, 'memory_limit')).toBe('128.0 MiB');
    await db.close();
  });

  it('when two pieces of work overlap, then the base limit comes back only after the last', async () => {
    const db = await openDuckDb(':memory:', { memoryBytes: 128 * MiB });
    let release!: () => void;
    const first = db.withMemoryLimit(512 * MiB, () => new Promise<void>((r) => (release = r)));
    await db.withMemoryLimit(512 * MiB, async () => undefined);
    expect(await setting(db, 'memory_limit')).toBe('512.0 MiB');
    release();
    await first;
    expect(await setting(db, 'memory_limit')).toBe('128.0 MiB');
    await db.close();
  });

  it('when the engine has no memory budget (PostgreSQL), then withMemoryLimit just runs the work', async () => {
    const engine = { dialect: 'postgres' } as unknown as SqlEngine;
    expect(await withMemoryLimit(engine, 512 * MiB, async () => 'ran')).toBe('ran');
  });

  it('when the CLI opens a database, then the environment sets the work limit (1 GB unless REPOSTATS_DUCKDB_MEMORY says otherwise)', async () => {
    expect(workDuckDbSettings({})).toEqual({ memoryBytes: 1024 * MiB, threads: undefined });
    expect(workDuckDbSettings({ REPOSTATS_DUCKDB_MEMORY: '768mb', REPOSTATS_DUCKDB_THREADS: '2' })).toEqual({ memoryBytes: 768 * MiB, threads: 2 });
    const db = await openDatabase(tempFile(), { duckdb: workDuckDbSettings({ REPOSTATS_DUCKDB_MEMORY: '768mb' }) });
    expect(await setting(db, 'memory_limit')).toBe('768.0 MiB');
    await db.close();
  });

  it.each([
    [64 * MiB, '65536KiB'],
    [1024 ** 3, '1048576KiB'],
    [1000, '1KiB'],
  ])('when %d bytes are given to DuckDB, then they are written as %s (DuckDB reads MB as 10^6)', (bytes, text) => {
    expect(duckDbSize(bytes)).toBe(text);
  });
});
