/**
 * Open the configured database and bring its schema up to date.
 * `REPOSTATS_DB` (or the `url` argument) selects the engine: a `postgres://` URL opens PostgreSQL,
 * anything else is a DuckDB file path (`./data/repostats.duckdb` by default, or `:memory:`).
 */
import type { SqlEngine } from './port';
import type { DuckDbSettings, MemoryTunable } from './duckdb';
import { migrate } from './migrate';
import { loadStorageConfig } from '../config';

export const DEFAULT_DB_PATH = './data/repostats.duckdb';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export interface OpenOptions {
  /**
   * DuckDB's resources. Default: the environment's work settings (`REPOSTATS_DUCKDB_MEMORY`,
   * `REPOSTATS_DUCKDB_THREADS`), which every CLI command gets; `serve` passes its own.
   */
  duckdb?: DuckDbSettings;
  /** PostgreSQL's `work_mem` in bytes. Default: `REPOSTATS_PG_WORK_MEM` (256mb). */
  pgWorkMemBytes?: number;
}

/** The DuckDB settings of the CLI jobs (import, aggregate, demo, status), from the environment. */
export function workDuckDbSettings(env?: Record<string, string | undefined>): DuckDbSettings {
  const { duckdb } = loadStorageConfig(env);
  return { memoryBytes: duckdb.workMemoryBytes, threads: duckdb.threads };
}

export async function openDatabase(url: string | undefined = loadStorageConfig().db, options: OpenOptions = {}): Promise<SqlEngine> {
  const target = url && url.trim() !== '' ? url.trim() : DEFAULT_DB_PATH;
  let db: SqlEngine;
  if (isPostgresUrl(target)) {
    // Imported lazily so a DuckDB-only deployment never loads `pg` (the server build keeps it a
    // separate chunk); a literal specifier, so the build can see and bundle it.
    const { openPostgres } = await import('./postgres');
    db = await openPostgres(target, { workMemBytes: options.pgWorkMemBytes ?? loadStorageConfig().pgWorkMemBytes });
  } else {
    const { openDuckDb } = await import('./duckdb');
    db = await openDuckDb(target, options.duckdb ?? workDuckDbSettings());
  }
  // Several server processes may start together against one PostgreSQL: migrate one at a time.
  await db.withLock('migrate', () => migrate(db));
  return db;
}

/**
 * Run `fn` with the engine's memory budget raised to `bytes` where the engine has one (DuckDB);
 * PostgreSQL manages its own memory, so there `fn` just runs.
 */
export function withMemoryLimit<T>(db: SqlEngine, bytes: number, fn: () => Promise<T>): Promise<T> {
  const tunable = db as SqlEngine & Partial<MemoryTunable>;
  return typeof tunable.withMemoryLimit === 'function' ? tunable.withMemoryLimit(bytes, fn) : fn();
}
