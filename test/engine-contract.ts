/**
 * The storage-port contract, run against every engine so their behaviour cannot drift:
 * server/storage/duckdb (test/engine-contract.duckdb.test.ts) and server/storage/postgres
 * (test/pg/engine.test.ts). `open` must return an engine on an empty database each call.
 */
import { describe, expect, it } from 'vitest';
import type { SqlEngine } from '../server/storage/port';
import { migrate } from '../server/storage/migrate';
import {
  addDays,
  blobType,
  dateParam,
  dateSeries,
  daysBetween,
  doubleType,
  intDiv,
  orderText,
  periodStart,
  ratio,
  upsert,
} from '../server/storage/dialect';

type Open = () => Promise<SqlEngine>;

async function using<T>(open: Open, fn: (db: SqlEngine) => Promise<T>): Promise<T> {
  const db = await open();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** [what, SQL built from the dialect helpers, expected rows] */
const DIALECT_CASES: [string, (db: SqlEngine) => string, unknown[], unknown[]][] = [
  ['dateSeries lists every day inclusive', (db) => `SELECT s.day FROM ${dateSeries(db, dateParam(1), dateParam(2))} AS s ORDER BY s.day`,
    ['2024-02-27', '2024-03-01'], [{ day: '2024-02-27' }, { day: '2024-02-28' }, { day: '2024-02-29' }, { day: '2024-03-01' }]],
  ['intDiv truncates', (db) => `SELECT ${intDiv(db, '7', '2')} AS q`, [], [{ q: 3 }]],
  ['ratio is a fraction and NULL over zero', (db) => `SELECT ${ratio(db, '1', '4')} AS r, ${ratio(db, '1', '0')} AS z`, [], [{ r: 0.25, z: null }]],
  ['addDays crosses months', (db) => `SELECT ${addDays(db, dateParam(1), '$2')} AS d`, ['2024-02-28', 2], [{ d: '2024-03-01' }]],
  ['daysBetween counts days', (db) => `SELECT ${daysBetween(db, dateParam(1), dateParam(2))} AS n`, ['2024-01-30', '2024-03-01'], [{ n: 31 }]],
  ['periodStart gives ISO week, month, quarter, year', (db) =>
    `SELECT ${periodStart(db, 'week', dateParam(1))} AS w, ${periodStart(db, 'month', dateParam(1))} AS m, ` +
    `${periodStart(db, 'quarter', dateParam(1))} AS q, ${periodStart(db, 'year', dateParam(1))} AS y`,
    ['2024-03-17'], [{ w: '2024-03-11', m: '2024-03-01', q: '2024-01-01', y: '2024-01-01' }]],
  ['orderText sorts by code point', (db) =>
    `SELECT v FROM (VALUES ('b'), ('B'), ('a'), ('_')) AS t(v) ORDER BY ${orderText(db, 'v')}`,
    [], [{ v: 'B' }, { v: '_' }, { v: 'a' }, { v: 'b' }]],
  ['explicit NULLS LAST orders alike', () => `SELECT v FROM (VALUES (1), (NULL), (2)) AS t(v) ORDER BY v DESC NULLS LAST`,
    [], [{ v: 2 }, { v: 1 }, { v: null }]],
  ['aggregates come back as plain numbers', () =>
    `SELECT count(*) AS n, sum(v) AS s, avg(v) AS a, count(DISTINCT v) AS d FROM (VALUES (1), (2), (2), (4)) AS t(v)`,
    [], [{ n: 4, s: 9, a: 2.25, d: 3 }]],
];

export function engineContract(name: string, open: Open): void {
  describe(`${name} engine contract`, () => {
    it('when migrated twice, then each migration applies once and the input tables exist', async () => {
      await using(open, async (db) => {
        expect(await migrate(db)).toContain('001_inputs');
        expect(await migrate(db)).toEqual([]);
        expect(await db.query('SELECT count(*) AS n FROM events')).toEqual([{ n: 0 }]);
      });
    });

    it('when rows round-trip, then dates, bigints, timestamps, booleans, and nulls read back as JS values', async () => {
      await using(open, async (db) => {
        await db.exec(
          `CREATE TABLE t (k TEXT PRIMARY KEY, d DATE, n BIGINT, ts TIMESTAMP, b BOOLEAN, x ${doubleType(db)}, bin ${blobType(db)})`,
        );
        const rows = [
          ['a', '2024-01-02', 9_007_199_254_740_991, '2024-01-02T03:04:05.678Z', true, 0.5, null],
          ['b', '2024-02-29', 6, new Date('2024-02-29T23:59:59Z'), false, null, null],
        ];
        expect(await db.insertMany('t', ['k', 'd', 'n', 'ts', 'b', 'x', 'bin'], rows)).toBe(2);
        const out = await db.query('SELECT k, d, n, ts, b, x FROM t ORDER BY k');
        expect(out).toEqual([
          { k: 'a', d: '2024-01-02', n: 9_007_199_254_740_991, ts: '2024-01-02T03:04:05.678Z', b: true, x: 0.5 },
          { k: 'b', d: '2024-02-29', n: 6, ts: '2024-02-29T23:59:59.000Z', b: false, x: null },
        ]);
      });
    });

    it('when the same rows are inserted twice with onConflict ignore, then the second insert adds none', async () => {
      await using(open, async (db) => {
        await db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)');
        const rows = Array.from({ length: 25_000 }, (_, i) => [`k${i}`, i]);
        expect(await db.insertMany('t', ['k', 'v'], rows, { onConflict: 'ignore' })).toBe(25_000);
        expect(await db.insertMany('t', ['k', 'v'], [...rows.slice(0, 10), ['new', 1]], { onConflict: 'ignore' })).toBe(1);
        expect(await db.query('SELECT count(*) AS n, sum(v) AS s FROM t')).toEqual([{ n: 25_001, s: 312_487_501 }]);
      });
    });

    it('when a duplicate key is inserted without onConflict, then the insert fails', async () => {
      await using(open, async (db) => {
        await db.exec('CREATE TABLE t (k TEXT PRIMARY KEY)');
        await db.insertMany('t', ['k'], [['a']]);
        await expect(db.insertMany('t', ['k'], [['a']])).rejects.toThrow();
      });
    });

    it('when a transaction throws, then none of it lands; when it returns, all of it does', async () => {
      await using(open, async (db) => {
        await db.exec('CREATE TABLE t (k TEXT PRIMARY KEY)');
        const failing = db.transaction(async (tx) => {
          await tx.exec("INSERT INTO t VALUES ('x')");
          await tx.insertMany('t', ['k'], [['y']]);
          throw new Error('boom');
        });
        await expect(failing).rejects.toThrow('boom');
        expect(await db.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 0 }]);
        const result = await db.transaction(async (tx) => {
          await tx.insertMany('t', ['k'], [['y'], ['z']]);
          return tx.query('SELECT count(*) AS n FROM t');
        });
        expect(result).toEqual([{ n: 2 }]);
      });
    });

    it('when exec is given several statements, then all run', async () => {
      await using(open, async (db) => {
        await db.exec("CREATE TABLE t (k TEXT); INSERT INTO t VALUES ('a'); INSERT INTO t VALUES ('b')");
        expect(await db.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 2 }]);
      });
    });

    it('when a lock is held and the caller will not wait, then it gets null; once released, it runs', async () => {
      await using(open, async (db) => {
        let release!: () => void;
        let entered!: () => void;
        const inside = new Promise<void>((r) => (entered = r));
        const held = db.withLock('aggregate', async () => {
          entered();
          await new Promise<void>((r) => (release = r));
          return 'first';
        });
        await inside;
        expect(await db.withLock('aggregate', async () => 'second', { wait: false })).toBeNull();
        expect(await db.withLock('other', async () => 'other lock', { wait: false })).toBe('other lock');
        release();
        expect(await held).toBe('first');
        expect(await db.withLock('aggregate', async () => 'third', { wait: false })).toBe('third');
      });
    });

    it('when the locked function throws, then the lock is released', async () => {
      await using(open, async (db) => {
        await expect(db.withLock('aggregate', async () => Promise.reject(new Error('fail')))).rejects.toThrow('fail');
        expect(await db.withLock('aggregate', async () => 'ok', { wait: false })).toBe('ok');
      });
    });

    it('when upsert runs twice on one key, then the row holds the second values', async () => {
      await using(open, async (db) => {
        await db.exec('CREATE TABLE t (k TEXT, d DATE, v INTEGER, PRIMARY KEY (k, d))');
        const sql = upsert(db, 't', ['k', 'd', 'v'], ['k', 'd']);
        await db.exec(sql, ['a', '2024-01-01', 1]);
        await db.exec(sql, ['a', '2024-01-01', 2]);
        expect(await db.query('SELECT k, d, v FROM t')).toEqual([{ k: 'a', d: '2024-01-01', v: 2 }]);
      });
    });

    it.each(DIALECT_CASES)('when the dialect helper case "%s" runs, then both engines agree', async (_what, sql, params, expected) => {
      await using(open, async (db) => {
        expect(await db.query(sql(db), params)).toEqual(expected);
      });
    });
  });
}
