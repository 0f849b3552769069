/**
 * Open the configured database and bring its schema up to date.
 * `REPOSTATS_DB` (or the `url` argument) selects the engine: a `postgres://` URL opens PostgreSQL,
 * anything else is a DuckDB file path (`./data/repostats.duckdb` by default, or `:memory:`).
 */
import type { SqlEngine } from './port';
import { migrate } from './migrate';

interface PostgresModule {
  openPostgres(url: string): Promise<SqlEngine>;
}

export const DEFAULT_DB_PATH = './data/repostats.duckdb';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export async function openDatabase(url: string | undefined = process.env.REPOSTATS_DB): Promise<SqlEngine> {
  const target = url && url.trim() !== '' ? url.trim() : DEFAULT_DB_PATH;
  let db: SqlEngine;
  if (isPostgresUrl(target)) {
    // Imported lazily so a DuckDB-only deployment never loads `pg`; the specifier is a variable so
    // this file type-checks whether or not the PostgreSQL engine is built into this tree.
    const specifier = './postgres';
    const engine = (await import(/* @vite-ignore */ specifier)) as PostgresModule;
    db = await engine.openPostgres(target);
  } else {
    const { openDuckDb } = await import('./duckdb');
    db = await openDuckDb(target);
  }
  // Several server processes may start together against one PostgreSQL: migrate one at a time.
  await db.withLock('migrate', () => migrate(db));
  return db;
}
