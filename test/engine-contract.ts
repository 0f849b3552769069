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

    it('when thousands of rows of every type are bulk inserted over existing keys, then each reads back exactly and conflicts are skipped', async () => {
      await using(open, async (db) => {
        await db.exec(
          `CREATE TABLE t (k TEXT PRIMARY KEY, d DATE, n BIGINT, ts TIMESTAMP, b BOOLEAN, x ${doubleType(db)}, j TEXT, s TEXT)`,
        );
        const cols = ['k', 'd', 'n', 'ts', 'b', 'x', 'j', 's'];
        // Text that array literals, CSV and quoting get wrong when escaped badly.
        const awkward = ['a"b', 'back\\slash', '{braces}', 'comma,here', 'NULL', '', 'ünïcode ✓', 'new\nline', ' padded ', "it's"];
        const row = (i: number, version: number) => [
          `k${String(i).padStart(5, '0')}`,
          i % 7 === 0 ? null : `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
          i % 5 === 0 ? null : i === 1 ? 9_007_199_254_740_991 : i === 2 ? BigInt(-123) : i * 1_000_003 * version,
          i % 11 === 0 ? null : i % 2 === 0 ? new Date(Date.UTC(2025, 0, 1, 0, 0, 0, i)) : `2024-02-29T12:34:56.${String(i % 1000).padStart(3, '0')}Z`,
          i % 13 === 0 ? null : i % 3 === 0,
          i % 17 === 0 ? null : i / 8 + version,
          i % 19 === 0 ? null : { i, v: version, tags: ['x', 'y'] },
          i % 23 === 0 ? null : `${awkward[i % awkward.length]}${version}`,
        ];
        const expected = (i: number, version: number) => {
          const [k, d, n, ts, b, x, j, s] = row(i, version);
          return { k, d, n: n === null ? null : Number(n), ts: ts instanceof Date ? ts.toISOString() : ts, b, x, j: j === null ? null : JSON.stringify(j), s };
        };
        const first = Array.from({ length: 5_000 }, (_, i) => row(i, 1));
        expect(await db.insertMany('t', cols, first)).toBe(5_000);
        // 12 000 rows: 5 000 keys that exist (different values, which must not win), 7 000 new ones.
        const second = Array.from({ length: 12_000 }, (_, i) => row(i, 2));
        expect(await db.insertMany('t', cols, second, { onConflict: 'ignore' })).toBe(7_000);
        const out = await db.query('SELECT k, d, n, ts, b, x, j, s FROM t ORDER BY k');
        expect(out).toHaveLength(12_000);
        expect(out).toEqual(Array.from({ length: 12_000 }, (_, i) => expected(i, i < 5_000 ? 1 : 2)));
      });
    });

    it('when a bulk insert meets an existing key without onConflict, then it fails and none of it lands', async () => {
      await using(open, async (db) => {
        await db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)');
        await db.insertMany('t', ['k', 'v'], [['k250', 0]]);
        const rows = Array.from({ length: 500 }, (_, i) => [`k${i}`, i]);
        await expect(db.insertMany('t', ['k', 'v'], rows)).rejects.toThrow();
        expect(await db.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 1 }]);
      });
    });

    it('when bytes are bound as parameters and bulk inserted, then the same bytes are stored', async () => {
      await using(open, async (db) => {
        await db.exec(`CREATE TABLE t (k TEXT PRIMARY KEY, bin ${blobType(db)})`);
        const bytes = (i: number) => Uint8Array.from({ length: i % 9 }, (_, j) => (i * 31 + j * 97) % 256);
        await db.exec('INSERT INTO t (k, bin) VALUES ($1, $2)', ['param', new Uint8Array([0, 1, 2, 0x5c, 0x22, 255])]);
        await db.insertMany('t', ['k', 'bin'], [['small', Buffer.from('hi\\"')]]);
        await db.insertMany('t', ['k', 'bin'], Array.from({ length: 300 }, (_, i) => [`bulk${i}`, i === 7 ? null : bytes(i)]));
        // Read back as hex text (the engines return BLOB/BYTEA values in different JS shapes).
        const hex = db.dialect === 'postgres' ? "encode(bin, 'hex')" : 'lower(hex(bin))';
        const rows = await db.query<{ k: string; h: string | null; len: number | null }>(
          `SELECT k, ${hex} AS h, octet_length(bin) AS len FROM t`,
        );
        const got = new Map(rows.map((r) => [r.k, r]));
        expect(got.get('param')).toEqual({ k: 'param', h: '0001025c22ff', len: 6 });
        expect(got.get('small')).toEqual({ k: 'small', h: Buffer.from('hi\\"').toString('hex'), len: 4 });
        expect(got.get('bulk7')).toEqual({ k: 'bulk7', h: null, len: null });
        for (let i = 0; i < 300; i += 1) {
          if (i === 7) continue;
          expect(got.get(`bulk${i}`)).toEqual({ k: `bulk${i}`, h: Buffer.from(bytes(i)).toString('hex'), len: i % 9 });
        }
        // Read back as values, both engines give a Buffer of the stored bytes.
        const [param] = await db.query<{ bin: unknown }>(`SELECT bin FROM t WHERE k = 'param'`);
        expect(Buffer.isBuffer(param?.bin)).toBe(true);
        expect([...(param?.bin as Buffer)]).toEqual([0, 1, 2, 0x5c, 0x22, 255]);
        // Bytes also bind in a comparison.
        expect(await db.query('SELECT k FROM t WHERE bin = $1', [new Uint8Array([0, 1, 2, 0x5c, 0x22, 255])])).toEqual([{ k: 'param' }]);
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
