/**
 * DuckDB values to and from JS, and the appender path of `insertMany` (see duckdb.ts).
 */
import {
  DuckDBDateValue,
  DuckDBTimestampValue,
  DuckDBTimestampTZValue,
  DuckDBDecimalValue,
  DuckDBBlobValue,
  blobValue,
  type DuckDBConnection,
  type DuckDBResult,
  type DuckDBValue,
} from '@duckdb/node-api';

/** From this many rows on, insertMany goes through the appender (see appendThroughStage). */
export const APPENDER_MIN_ROWS = 64;

/** A short, identifier-safe name for a column list, so each (table, columns) pair has its own stage. */
function stageSuffix(columns: readonly string[]): string {
  let h = 0;
  for (const ch of columns.join(',')) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return (h >>> 0).toString(36);
}

export function toJs(value: DuckDBValue): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'bigint' ? Number(value) : value;
  }
  if (value instanceof DuckDBDateValue) return value.toString();
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue) {
    return new Date(Number(value.micros / 1000n)).toISOString();
  }
  if (value instanceof DuckDBDecimalValue) return Number(value.toString());
  // BLOBs come back as a Buffer, as PostgreSQL's BYTEA does (toString would give escaped text).
  if (value instanceof DuckDBBlobValue) return Buffer.from(value.bytes);
  return value.toString();
}

/**
 * A result's rows as objects, converted straight from its vectors (no intermediate row objects of
 * DuckDB values), one chunk of ≈ 2,048 rows at a time. Each fetch is a turn of the event loop, so
 * a large result (a year of a medium repository's global facts: hundreds of thousands of rows)
 * never holds it for the whole conversion, as `runAndReadAll(…).convertRowObjects` did.
 */
export async function readRowObjects(result: DuckDBResult): Promise<Record<string, unknown>[]> {
  const names = result.deduplicatedColumnNames();
  const rows: Record<string, unknown>[] = [];
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    for (let i = 0; i < chunk.rowCount; i++) {
      const row: Record<string, unknown> = {};
      chunk.visitRowValues(i, (value, _row, column) => {
        row[names[column]!] = toJs(value);
      });
      rows.push(row);
    }
  }
  return rows;
}

export function toParam(value: unknown): DuckDBValue {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  // A bare Uint8Array cannot be bound ("Cannot create values of type ANY"); a BLOB value can.
  if (value instanceof Uint8Array) return blobValue(value);
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return value as DuckDBValue;
}

/**
 * The bulk path: the appender fills a temporary table shaped like the target (no constraints,
 * so duplicates cannot fail the append), then one INSERT … SELECT moves the rows, applying the
 * conflict rule. Parameterised multi-row INSERTs run at ~1 k rows/s here; this at ~100 k+.
 */
export async function appendThroughStage(
  conn: DuckDBConnection,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  conflict: string,
): Promise<number> {
  const stage = `stage_${table}_${stageSuffix(columns)}`;
  const cols = columns.join(',');
  await conn.run(`CREATE TEMP TABLE IF NOT EXISTS ${stage} AS SELECT ${cols} FROM ${table} LIMIT 0`);
  await conn.run(`DELETE FROM ${stage}`);
  const appender = await conn.createAppender(stage, null, 'temp');
  try {
    for (const row of rows) {
      for (const value of row) {
        // Typed appends for the common JS types skip the generic value conversion (a hot loop).
        if (value === null || value === undefined) appender.appendNull();
        else if (typeof value === 'string') appender.appendVarchar(value);
        else if (typeof value === 'boolean') appender.appendBoolean(value);
        else if (typeof value === 'number') appender.appendDouble(value);
        else {
          const v = toParam(value);
          if (typeof v === 'string') appender.appendVarchar(v);
          else appender.appendValue(v);
        }
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const result = await conn.run(`INSERT INTO ${table} (${cols}) SELECT ${cols} FROM ${stage}${conflict}`);
  await conn.run(`DELETE FROM ${stage}`);
  return Number(result.rowsChanged);
}
