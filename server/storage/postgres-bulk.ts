/**
 * The PostgreSQL bulk-insert path: one array parameter per column,
 * `INSERT INTO t (a, b) SELECT * FROM unnest($1::text[], $2::date[]) ON CONFLICT DO NOTHING`.
 * A statement carries thousands of rows in as many parameters as there are columns, so PostgreSQL
 * parses and plans it once per chunk instead of binding tens of thousands of `$n` slots, and the
 * 65 535-parameter limit no longer caps the rows per statement. Same INSERT, same conflict rule as
 * the multi-row VALUES path (valuesInsert.ts), so both give the same results.
 *
 * The array casts need each column's type: read from the catalog once per table and cached
 * (ColumnTypes). The cache is dropped whenever the engine runs DDL or a transaction rolls back.
 */
import type pg from 'pg';

/** Rows per unnest statement: a few MB of parameter text for the widest tables (records' raw JSON). */
export const UNNEST_CHUNK_ROWS = 10_000;

type Queryable = Pick<pg.PoolClient, 'query'>;

/** Statements that may change a table's columns, so cached column types may be stale after them. */
const DDL = /\b(?:create|alter|drop)\b/i;

export function mayChangeColumns(sql: string): boolean {
  return DDL.test(sql);
}

/** Column name → type name as a cast accepts it (no type modifier), per table. */
export class ColumnTypes {
  private readonly tables = new Map<string, Map<string, string>>();

  forget(): void {
    this.tables.clear();
  }

  /**
   * The types of `columns` of `table` in order, or null when unnest cannot carry them: the table or
   * a column is unknown (the VALUES path then reports the real error), or a column is itself an
   * array (unnest would flatten it).
   */
  async of(db: Queryable, table: string, columns: readonly string[]): Promise<string[] | null> {
    let types = this.tables.get(table);
    if (!types || columns.some((c) => !types!.has(c))) {
      types = await readColumnTypes(db, table);
      this.tables.set(table, types);
    }
    const out: string[] = [];
    for (const c of columns) {
      const type = types.get(c);
      if (type === undefined || type.endsWith(']')) return null;
      out.push(type);
    }
    return out;
  }
}

async function readColumnTypes(db: Queryable, table: string): Promise<Map<string, string>> {
  // format_type without the type modifier: `character varying`, not `character varying(10)`, so
  // the array cast never truncates or rounds; the INSERT's assignment cast applies the modifier
  // (and its errors) exactly as it does for VALUES. to_regclass follows search_path (temp tables too).
  const result = await db.query(
    `SELECT a.attname AS name, format_type(a.atttypid, NULL) AS type
       FROM pg_attribute a
      WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped`,
    [table],
  );
  return new Map((result.rows as { name: string; type: string }[]).map((r) => [r.name, r.type]));
}

export interface UnnestChunk {
  sql: string;
  /** One array per column. */
  params: unknown[][];
}

/** The unnest INSERT statements for `rows`, `UNNEST_CHUNK_ROWS` rows each. */
export function* unnestInsertChunks(
  table: string,
  columns: readonly string[],
  types: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: { onConflict?: 'ignore' | 'error'; toParam: (value: unknown) => unknown; chunkRows?: number },
): Generator<UnnestChunk> {
  const arrays = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
  const conflict = options.onConflict === 'ignore' ? ' ON CONFLICT DO NOTHING' : '';
  const sql = `INSERT INTO ${table} (${columns.join(',')}) SELECT * FROM unnest(${arrays})${conflict}`;
  const chunkRows = options.chunkRows ?? UNNEST_CHUNK_ROWS;
  for (let start = 0; start < rows.length; start += chunkRows) {
    const chunk = rows.slice(start, start + chunkRows);
    const params = columns.map((_, c) => chunk.map((row) => options.toParam(row[c])));
    yield { sql, params };
  }
}
