import { describe, expect, it } from 'vitest';
import { openDuckDb } from './duckdb';
import { migrate } from './migrate';

describe('DuckDB engine', () => {
  it('when migrated twice, then applies each migration once', async () => {
    const db = await openDuckDb(':memory:');
    const first = await migrate(db);
    const second = await migrate(db);
    expect(first).toContain('001_inputs');
    expect(second).toEqual([]);
    await db.close();
  });

  it('when rows are inserted with onConflict ignore, then duplicates are skipped and types come back as JS values', async () => {
    const db = await openDuckDb(':memory:');
    await db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, d DATE, n BIGINT, ts TIMESTAMP)');
    const rows = [
      ['a', '2024-01-02', 5, '2024-01-02T03:04:05Z'],
      ['b', '2024-02-03', 6, '2024-02-03T00:00:00Z'],
    ];
    expect(await db.insertMany('t', ['k', 'd', 'n', 'ts'], rows, { onConflict: 'ignore' })).toBe(2);
    expect(await db.insertMany('t', ['k', 'd', 'n', 'ts'], rows, { onConflict: 'ignore' })).toBe(0);
    const out = await db.query('SELECT * FROM t ORDER BY k');
    expect(out[0]).toEqual({ k: 'a', d: '2024-01-02', n: 5, ts: '2024-01-02T03:04:05.000Z' });
    await db.close();
  });

  it('when many rows are inserted (appender path), then types survive, duplicates are skipped, and error mode rejects them', async () => {
    const db = await openDuckDb(':memory:');
    await db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, d DATE, n BIGINT, ts TIMESTAMP, b BOOLEAN, j TEXT)');
    const rows = Array.from({ length: 500 }, (_, i) => [`k${i}`, '2024-01-02', i * 1000, '2024-01-02T03:04:05Z', i % 2 === 0, i === 0 ? { a: 1 } : null]);
    const cols = ['k', 'd', 'n', 'ts', 'b', 'j'];
    expect(await db.insertMany('t', cols, rows, { onConflict: 'ignore' })).toBe(500);
    expect(await db.insertMany('t', cols, [...rows, ['new', null, null, null, null, null]], { onConflict: 'ignore' })).toBe(1);
    expect(await db.query("SELECT * FROM t WHERE k IN ('k0', 'k499') ORDER BY n")).toEqual([
      { k: 'k0', d: '2024-01-02', n: 0, ts: '2024-01-02T03:04:05.000Z', b: true, j: '{"a":1}' },
      { k: 'k499', d: '2024-01-02', n: 499000, ts: '2024-01-02T03:04:05.000Z', b: false, j: null },
    ]);
    await expect(db.insertMany('t', cols, rows)).rejects.toThrow();
    expect(await db.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 501 }]);
    await db.close();
  });

  it('when a transaction throws, then none of it lands', async () => {
    const db = await openDuckDb(':memory:');
    await db.exec('CREATE TABLE t (k TEXT PRIMARY KEY)');
    await expect(
      db.transaction(async (tx) => {
        await tx.exec("INSERT INTO t VALUES ('x')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 0 }]);
    await db.close();
  });

  it('when a lock is held and the caller will not wait, then it gets null', async () => {
    const db = await openDuckDb(':memory:');
    let release!: () => void;
    const held = db.withLock('aggregate', () => new Promise<void>((r) => (release = r)));
    expect(await db.withLock('aggregate', async () => 'ran', { wait: false })).toBeNull();
    release();
    await held;
    expect(await db.withLock('aggregate', async () => 'ran', { wait: false })).toBe('ran');
    await db.close();
  });
});
