/**
 * The fact tables follow `FACT_COLUMNS` without a migration. After the migrations (`migrate` calls it), `syncFactColumns`
 * adds each number column the list names and a fact table lacks (`BIGINT`, 0 on existing rows), so
 * a new fact column is one entry in `factSchema.ts`. When an aggregated fact table gains a column,
 * every day it holds facts for is marked dirty for its family, so the next aggregation fills the
 * column; imported history keeps 0 there (the reference documents have no such number).
 *
 * Columns are only ever added, at the end of the list: a table whose number columns are not a
 * prefix of the list (a column renamed, removed or moved) stops the start with an error naming it.
 */
import { FACT_COLUMNS, FACT_KEYS, HISTORY_TABLES, TABLES, type Family } from './factSchema';
import type { SqlEngine } from './port';

export type FactColumns = Record<Family, readonly string[]>;

/** Adds the missing fact columns; returns them as `table.column`. */
export async function syncFactColumns(db: SqlEngine, columns: FactColumns = FACT_COLUMNS): Promise<string[]> {
  const added: string[] = [];
  await db.transaction(async (tx) => {
    for (const family of ['records', 'usage'] as const) {
      for (const table of [TABLES[family], HISTORY_TABLES[family]]) {
        const present = await columnsOf(tx, table);
        // A table the migrations applied so far have not created has nothing to follow yet.
        if (present.length === 0) continue;
        const numbers = present.slice(FACT_KEYS[family].length);
        const wanted = columns[family];
        const stray = numbers.find((c, i) => wanted[i] !== c);
        if (stray !== undefined) {
          throw new Error(
            `${table} has the column ${stray} where FACT_COLUMNS.${family} (server/storage/factSchema.ts) expects ` +
              `${wanted[numbers.indexOf(stray)] ?? 'none'}: fact columns are only added, at the end of the list`,
          );
        }
        const missing = wanted.slice(numbers.length);
        for (const c of missing) {
          // DuckDB adds no column with a constraint: the default first, then NOT NULL.
          await tx.exec(`ALTER TABLE ${table} ADD COLUMN ${c} BIGINT DEFAULT 0`);
          await tx.exec(`ALTER TABLE ${table} ALTER COLUMN ${c} SET NOT NULL`);
        }
        added.push(...missing.map((c) => `${table}.${c}`));
        if (missing.length > 0 && table === TABLES[family]) {
          await tx.exec(
            `INSERT INTO dirty_days (scope, community_id, day)
             SELECT DISTINCT '${family}', '*', day FROM ${table}
             ON CONFLICT DO NOTHING`,
          );
        }
      }
    }
  });
  return added;
}

async function columnsOf(db: SqlEngine, table: string): Promise<string[]> {
  const rows = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_name = $1 AND table_schema = current_schema()
     ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.column_name);
}
