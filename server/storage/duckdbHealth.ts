/**
 * How the DuckDB engine tells a lost database from an ordinary failed statement, and how it asks
 * whether the instance still answers (see `health` and `reopen` in duckdb.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * DuckDB invalidates an instance after a fatal error (e.g. "Failed to rollback transaction. Cannot
 * continue operation" when a rollback runs out of memory): from then on every statement fails
 * with "database has been invalidated" until the file is opened again.
 */
export function isFatalDuckDbError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /database has been invalidated|^FATAL Error|Cannot continue operation/i.test(message);
}

/** A trivial statement: fails at once on an invalidated instance. */
export async function probe(conn: DuckDBConnection): Promise<void> {
  await conn.run('SELECT 1');
}
