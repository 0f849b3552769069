import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FACT_COLUMNS, FACT_KEYS, HISTORY_TABLES, TABLES } from './factSchema';
import { syncFactColumns, type FactColumns } from './factColumns';
import { openDatabase } from './open';
import type { SqlEngine } from './port';

let db: SqlEngine;
beforeEach(async () => {
  db = await openDatabase(':memory:');
});
afterEach(() => db.close());

const columnsOf = async (table: string) =>
  (await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
    [table],
  )).map((r) => r.column_name);

const withNew: FactColumns = { records: FACT_COLUMNS.records, usage: [...FACT_COLUMNS.usage, 'x_new'] };

describe('fact columns without a migration', () => {
  it('when the tables already match FACT_COLUMNS, then migrating adds nothing and marks nothing dirty', async () => {
    expect(await syncFactColumns(db)).toEqual([]);
    expect(await db.query('SELECT * FROM dirty_days')).toEqual([]);
  });

  it('when FACT_COLUMNS gains a usage column, then both usage fact tables get it, 0 on existing rows, and the aggregated days turn dirty', async () => {
    const zeros = FACT_COLUMNS.usage.map(() => '1').join(', ');
    await db.exec(`INSERT INTO ${TABLES.usage} VALUES ('global', DATE '2026-03-02', '', '', ${zeros}), ('c1', DATE '2026-03-05', '', '', ${zeros})`);

    expect(await syncFactColumns(db, withNew)).toEqual([`${TABLES.usage}.x_new`, `${HISTORY_TABLES.usage}.x_new`]);

    expect(await columnsOf(TABLES.usage)).toEqual([...FACT_KEYS.usage, ...withNew.usage]);
    expect(await columnsOf(HISTORY_TABLES.usage)).toEqual([...FACT_KEYS.usage, ...withNew.usage]);
    expect(await columnsOf(TABLES.records)).toEqual([...FACT_KEYS.records, ...FACT_COLUMNS.records]);
    const values = await db.query<{ x_new: number }>(`SELECT x_new FROM ${TABLES.usage}`);
    expect(values.map((r) => Number(r.x_new))).toEqual([0, 0]);
    await expect(db.exec(`UPDATE ${TABLES.usage} SET x_new = NULL`)).rejects.toThrow(/NOT NULL/);
    const dirt = await db.query<{ scope: string; community_id: string; day: string }>(
      `SELECT scope, community_id, CAST(day AS TEXT) AS day FROM dirty_days ORDER BY day`,
    );
    expect(dirt).toEqual([
      { scope: 'usage', community_id: '*', day: '2026-03-02' },
      { scope: 'usage', community_id: '*', day: '2026-03-05' },
    ]);
    expect(await syncFactColumns(db, withNew)).toEqual([]);
  });

  it('when a fact table holds a column FACT_COLUMNS does not name at its place, then the sync stops with an error naming both', async () => {
    const renamed: FactColumns = { records: FACT_COLUMNS.records, usage: ['views', ...FACT_COLUMNS.usage.slice(1)] };
    await expect(syncFactColumns(db, renamed)).rejects.toThrow(/agg_usage_facts has the column v_events where FACT_COLUMNS.usage .* expects views/);
  });
});
