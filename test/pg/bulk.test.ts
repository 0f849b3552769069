/**
 * The PostgreSQL bulk-insert path (server/storage/postgres-bulk.ts): one array per column through
 * unnest, with column types read from the catalog and cached. The engine contract
 * (test/engine-contract.ts) checks values and conflicts at size; these check what is specific to
 * PostgreSQL: that the path is taken, that cached types follow schema changes, and that the array
 * casts do not loosen the column's own checks.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { openPostgres } from '../../server/storage/postgres';
import type { SqlEngine } from '../../server/storage/port';
import { freshPgDatabase } from './fresh';

const opened: SqlEngine[] = [];

async function open(): Promise<{ db: SqlEngine; url: string }> {
  const url = await freshPgDatabase('bulk');
  const db = await openPostgres(url);
  opened.push(db);
  return { db, url };
}

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

const rowsOf = (n: number, value: (i: number) => unknown) => Array.from({ length: n }, (_, i) => [`k${i}`, value(i)]);

describe('PostgreSQL bulk insert (unnest)', () => {
  it('when a large batch is inserted, then it goes as one array per column, and a small one as VALUES', async () => {
    const { db } = await open();
    await db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)');
    const query = vi.spyOn(pg.Client.prototype, 'query');
    const sqlSent = () => query.mock.calls.map(([q]) => (typeof q === 'string' ? q : (q as { text: string }).text));
    expect(await db.insertMany('t', ['k', 'v'], rowsOf(25_000, (i) => i), { onConflict: 'ignore' })).toBe(25_000);
    const bulk = sqlSent().filter((sql) => sql.startsWith('INSERT INTO t'));
    expect(bulk).toEqual(Array(3).fill('INSERT INTO t (k,v) SELECT * FROM unnest($1::text[], $2::integer[]) ON CONFLICT DO NOTHING'));
    query.mockClear();
    await db.insertMany('t', ['k', 'v'], [['small', 1]]);
    expect(sqlSent().filter((sql) => sql.startsWith('INSERT INTO t'))).toEqual(['INSERT INTO t (k,v) VALUES ($1,$2)']);
  });

  it('when a table is recreated with other column types, then bulk inserts use the new types', async () => {
    const { db } = await open();
    await db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)');
    expect(await db.insertMany('t', ['k', 'v'], rowsOf(100, (i) => i))).toBe(100);
    await db.exec('DROP TABLE t; CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)');
    expect(await db.insertMany('t', ['k', 'v'], rowsOf(100, (i) => `text ${i}`))).toBe(100);
    expect(await db.query("SELECT v FROM t WHERE k = 'k99'")).toEqual([{ v: 'text 99' }]);
  });

  it('when a transaction that created a table rolls back, then types read inside it are forgotten', async () => {
    const { db, url } = await open();
    const failing = db.transaction(async (tx) => {
      await tx.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)');
      await tx.insertMany('t', ['k', 'v'], rowsOf(100, (i) => i));
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    // Another process creates the table with other types; this engine ran no DDL since.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query('CREATE TABLE t (k TEXT PRIMARY KEY, v DATE)');
    } finally {
      await other.end();
    }
    expect(await db.insertMany('t', ['k', 'v'], rowsOf(100, () => '2024-02-29'))).toBe(100);
    expect(await db.query("SELECT count(*) AS n, min(v) AS d FROM t")).toEqual([{ n: 100, d: '2024-02-29' }]);
  });

  it('when a value exceeds the column type modifier, then the bulk path rejects it as VALUES does (no silent truncation)', async () => {
    const { db } = await open();
    await db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v VARCHAR(3))');
    const rows = rowsOf(100, (i) => (i === 50 ? 'toolong' : 'ok'));
    await expect(db.insertMany('t', ['k', 'v'], rows)).rejects.toThrow(/too long/);
    await expect(db.insertMany('t', ['k', 'v'], rows.slice(45, 55))).rejects.toThrow(/too long/);
    expect(await db.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 0 }]);
  });

  it('when a column is unknown, then the insert fails with the database error', async () => {
    const { db } = await open();
    await db.exec('CREATE TABLE t (k TEXT PRIMARY KEY)');
    await expect(db.insertMany('t', ['k', 'nope'], rowsOf(100, () => 1))).rejects.toThrow(/nope/);
    await expect(db.insertMany('missing', ['k'], rowsOf(100, () => 1).map(([k]) => [k]))).rejects.toThrow(/missing/);
  });
});
