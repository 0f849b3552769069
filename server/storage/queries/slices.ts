/**
 * Statements over long lists, in slices small enough for one statement's parameter limit, and the
 * upsert. Portable across DuckDB and PostgreSQL (`INSERT … ON CONFLICT … DO UPDATE`, positional
 * parameters).
 */
import type { SqlEngine } from '../port';

const MAX_PARAMS = 20_000;

/** `$1,$2,…` placeholders for a list, starting after `offset` parameters. */
export function placeholders(count: number, offset = 0): string {
  return Array.from({ length: count }, (_, i) => `$${offset + i + 1}`).join(',');
}

/** Run `fn` over `items` in slices small enough for one statement's parameter limit. */
export async function inSlices<T>(items: readonly T[], perItem: number, fn: (slice: readonly T[]) => Promise<void>): Promise<void> {
  const size = Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, perItem)));
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}

/** SELECT rows whose `column` is in `values`, in slices. */
export async function selectIn<T>(
  db: SqlEngine,
  sql: (inList: string) => string,
  values: readonly string[],
): Promise<T[]> {
  const out: T[] = [];
  await inSlices(values, 1, async (slice) => {
    out.push(...((await db.query(sql(placeholders(slice.length)), slice)) as T[]));
  });
  return out;
}

/** Run a statement over `values` in slices (e.g. DELETE … WHERE id IN (…)). */
export async function execIn(db: SqlEngine, sql: (inList: string) => string, values: readonly string[]): Promise<void> {
  await inSlices(values, 1, async (slice) => db.exec(sql(placeholders(slice.length)), slice));
}

/** Insert rows, replacing the non-key columns of rows whose key already exists. Rows must have distinct keys. */
export async function upsertRows(
  db: SqlEngine,
  table: string,
  columns: readonly string[],
  keys: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const updates = columns.filter((c) => !keys.includes(c)).map((c) => `${c} = excluded.${c}`);
  const action = updates.length ? `DO UPDATE SET ${updates.join(', ')}` : 'DO NOTHING';
  await inSlices(rows, columns.length, async (slice) => {
    const params: unknown[] = [];
    const tuples = slice.map((row) => {
      const start = params.length;
      params.push(...row);
      return `(${placeholders(row.length, start)})`;
    });
    await db.exec(
      `INSERT INTO ${table} (${columns.join(',')}) VALUES ${tuples.join(',')} ON CONFLICT (${keys.join(',')}) ${action}`,
      params,
    );
  });
}
