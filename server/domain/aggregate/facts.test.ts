import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACT_KEYS, HISTORY_TABLES } from '../../storage/factSchema';
import { openDatabase } from '../../storage/open';
import type { SqlEngine } from '../../storage/port';
import { FACT_COLUMNS, TABLES, type Family } from './facts';
import { runAggregation } from './run';
import { LAST_DAY, loadScenario } from './scenario';

let db: SqlEngine;
beforeAll(async () => {
  db = await openDatabase(':memory:');
});
afterAll(() => db.close());

const tables = (['records', 'usage'] as const).flatMap((family) => [
  [family, TABLES[family]],
  [family, HISTORY_TABLES[family]],
] as [Family, string][]);

describe('the fact schema', () => {
  it.each(tables)('when the %s fact table %s is migrated, then its columns are the keys and FACT_COLUMNS, in order', async (family, table) => {
    const rows = await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position`,
      [table],
    );
    expect(rows.map((r) => r.column_name)).toEqual([...FACT_KEYS[family], ...FACT_COLUMNS[family]]);
  });

  it('when the hand-built scenario is aggregated, then a builder fills every fact column (none stays zero everywhere)', async () => {
    await loadScenario(db);
    await runAggregation(db, { today: LAST_DAY });
    for (const family of ['records', 'usage'] as const) {
      const sums = FACT_COLUMNS[family].map((c) => `CAST(SUM(ABS(${c})) AS BIGINT) AS ${c}`).join(', ');
      const [row] = await db.query<Record<string, number>>(`SELECT ${sums} FROM ${TABLES[family]}`);
      const empty = FACT_COLUMNS[family].filter((c) => !(Number(row?.[c]) > 0));
      expect(empty, `${family} columns no builder filled`).toEqual([]);
    }
  });
});
