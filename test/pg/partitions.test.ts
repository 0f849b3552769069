import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../server/storage/postgres';
import { openDatabase } from '../../server/storage/open';
import type { SqlEngine } from '../../server/storage/port';
import { freshPgDatabase } from './fresh';
import { EVENT_COLUMNS } from './dataset';
import { migrate } from '../../server/storage/migrate';
import { MIGRATIONS } from '../../server/storage/migrations/index';

function event(key: string, day: string): unknown[] {
  return [key, 'view', `${day}T10:00:00Z`, day, 'rec-1', null, null, 'v1', 's1', 'DE', null, false, true];
}

async function partitionsOf(db: SqlEngine): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass('events') ORDER BY 1",
  );
  return rows.map((r) => r.name);
}

describe('events partitioned by month on PostgreSQL', () => {
  it('when events of three months arrive, then each month lands in its own partition and duplicates are still skipped', async () => {
    const db = await openDatabase(await freshPgDatabase('part'));
    const rows = [event('a', '2024-01-31'), event('b', '2024-02-01'), event('c', '2024-02-29'), event('d', '2024-12-31')];
    expect(await db.insertMany('events', EVENT_COLUMNS, rows, { onConflict: 'ignore' })).toBe(4);
    expect(await db.transaction((tx) => tx.insertMany('events', EVENT_COLUMNS, [...rows, event('e', '2025-01-01')], { onConflict: 'ignore' }))).toBe(1);
    expect(await partitionsOf(db)).toEqual(['events_2024_01', 'events_2024_02', 'events_2024_12', 'events_2025_01', 'events_default']);
    const perPartition = await db.query(
      "SELECT tableoid::regclass::text AS part, count(*) AS n FROM events GROUP BY 1 ORDER BY 1",
    );
    expect(perPartition).toEqual([
      { part: 'events_2024_01', n: 1 }, { part: 'events_2024_02', n: 2 }, { part: 'events_2024_12', n: 1 }, { part: 'events_2025_01', n: 1 },
    ]);
    await db.close();
  });

  it('when a database with events is upgraded, then its events move into monthly partitions', async () => {
    const db = await openPostgres(await freshPgDatabase('part'));
    await migrate(db, MIGRATIONS.filter((m) => m.id < '004'));
    await db.insertMany('events', EVENT_COLUMNS, [event('a', '2022-07-01'), event('b', '2022-08-31')]);
    await migrate(db);
    expect(await partitionsOf(db)).toEqual(['events_2022_07', 'events_2022_08', 'events_default']);
    expect(await db.query('SELECT event_key, day FROM events ORDER BY event_key')).toEqual([
      { event_key: 'a', day: '2022-07-01' }, { event_key: 'b', day: '2022-08-31' },
    ]);
    await db.close();
  });

  it('when a day range is queried, then PostgreSQL reads only that month\'s partition', async () => {
    const db = await openDatabase(await freshPgDatabase('part'));
    await db.insertMany('events', EVENT_COLUMNS, [event('a', '2024-01-15'), event('b', '2024-03-15')]);
    const plan = await db.query<{ 'QUERY PLAN': string }>(
      "EXPLAIN SELECT count(*) FROM events WHERE day BETWEEN DATE '2024-03-01' AND DATE '2024-03-31'",
    );
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('events_2024_03');
    expect(text).not.toContain('events_2024_01');
    await db.close();
  });

  it('when two processes add the same new month at once, then both imports succeed', async () => {
    const url = await freshPgDatabase('part');
    await (await openDatabase(url)).close();
    const [a, b] = await Promise.all([openPostgres(url), openPostgres(url)]);
    const inserted = await Promise.all([
      a.transaction((tx) => tx.insertMany('events', EVENT_COLUMNS, [event('x', '2023-05-05')], { onConflict: 'ignore' })),
      b.insertMany('events', EVENT_COLUMNS, [event('y', '2023-05-06')], { onConflict: 'ignore' }),
    ]);
    expect(inserted).toEqual([1, 1]);
    expect(await a.query("SELECT count(*) AS n FROM events_2023_05")).toEqual([{ n: 2 }]);
    await Promise.all([a.close(), b.close()]);
  });
});
