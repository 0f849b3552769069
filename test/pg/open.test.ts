import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/storage/open';
import { freshPgDatabase } from './fresh';
import { syncFactColumns } from '../../server/storage/factColumns';
import { FACT_COLUMNS, TABLES } from '../../server/storage/factSchema';

describe('openDatabase on PostgreSQL', () => {
  it('when REPOSTATS_DB is a postgres URL, then it opens a migrated PostgreSQL database', async () => {
    const db = await openDatabase(await freshPgDatabase());
    expect(db.dialect).toBe('postgres');
    expect(await db.query('SELECT count(*) AS n FROM records')).toEqual([{ n: 0 }]);
    await db.close();
  });

  it('when opened, then every session has repostats\u2019 work_mem (REPOSTATS_PG_WORK_MEM, 256mb by default), not PostgreSQL\u2019s 4MB', async () => {
    const url = await freshPgDatabase();
    const byDefault = await openDatabase(url);
    const smaller = await openDatabase(url, { pgWorkMemBytes: 64 * 1024 ** 2 });
    // Inside a transaction too: the aggregation's statements run on a pooled client of their own.
    expect(await byDefault.transaction((tx) => tx.query('SHOW work_mem'))).toEqual([{ work_mem: '256MB' }]);
    expect(await smaller.query('SHOW work_mem')).toEqual([{ work_mem: '64MB' }]);
    await Promise.all([byDefault.close(), smaller.close()]);
  });

  it('when several processes open one fresh database at once, then the schema is migrated exactly once', async () => {
    const url = await freshPgDatabase();
    const engines = await Promise.all([openDatabase(url), openDatabase(url), openDatabase(url)]);
    const rows = await engines[0]!.query<{ id: string; n: number }>(
      'SELECT id, count(*) AS n FROM schema_migrations GROUP BY id ORDER BY id',
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    await Promise.all(engines.map((db) => db.close()));
  });

  it('when PostgreSQL answers, then health is ok; when the engine points at a server that is gone, then health says so', async () => {
    const url = await freshPgDatabase();
    const db = await openDatabase(url);
    expect(await db.health?.()).toEqual({ ok: true });
    // The same database through a port nothing listens on: the probe fails with the driver's reason.
    const closed = new URL(url);
    closed.port = '1';
    const { openPostgres } = await import('../../server/storage/postgres');
    const engine = await openPostgres(url);
    (engine as unknown as { url: string }).url = closed.toString();
    const down = await engine.health?.();
    expect(down?.ok).toBe(false);
    expect(down?.message).toMatch(/PostgreSQL does not answer: .*ECONNREFUSED/);
    await engine.close();
    await db.close();
  });

  it('when FACT_COLUMNS gains a records column, then PostgreSQL adds it NOT NULL with 0 and marks the aggregated days dirty', async () => {
    const db = await openDatabase(await freshPgDatabase());
    const ones = FACT_COLUMNS.records.map(() => '1').join(', ');
    await db.exec(`INSERT INTO ${TABLES.records} VALUES ('added', 'global', DATE '2026-01-07', '', '', ${ones})`);
    const added = await syncFactColumns(db, { records: [...FACT_COLUMNS.records, 'x_new'], usage: FACT_COLUMNS.usage });
    expect(added).toEqual(['agg_record_facts.x_new', 'history_record_facts.x_new']);
    expect(await db.query(`SELECT x_new FROM ${TABLES.records}`)).toEqual([{ x_new: 0 }]);
    await expect(db.exec(`UPDATE ${TABLES.records} SET x_new = NULL`)).rejects.toThrow(/null/i);
    expect(await db.query(`SELECT scope, community_id, CAST(day AS TEXT) AS day FROM dirty_days`)).toEqual([
      { scope: 'records', community_id: '*', day: '2026-01-07' },
    ]);
    await db.close();
  });
});
