/**
 * The storage port. Domain code speaks SQL through this interface; the engines (DuckDB embedded,
 * PostgreSQL for multi-process deployments) implement it. Write SQL in the subset both engines
 * share; where they differ, ask `dialect` in the engine adapter, never in domain logic.
 *
 * Parameters are positional `$1, $2, …` (both engines accept them).
 */
export type Dialect = 'duckdb' | 'postgres';

export type Row = Record<string, unknown>;

export interface SqlEngine {
  readonly dialect: Dialect;
  /** Run a statement that returns rows. Dates come back as 'YYYY-MM-DD' strings, BIGINTs as numbers. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Run one or more statements that return nothing. */
  exec(sql: string, params?: readonly unknown[]): Promise<void>;
  /** Run `fn` inside one transaction: all of it lands, or none. */
  transaction<T>(fn: (tx: SqlEngine) => Promise<T>): Promise<T>;
  /**
   * Bulk insert rows into a table (fast path: DuckDB appender, PostgreSQL one array per column through unnest).
   * `onConflict: 'ignore'` skips rows whose primary key exists (idempotent re-import).
   */
  insertMany(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
    options?: { onConflict?: 'ignore' | 'error' },
  ): Promise<number>;
  /**
   * Hold a named exclusive lock while `fn` runs (file lock / PostgreSQL advisory lock), so two
   * aggregation runs never overlap, also across processes. Returns null without running `fn`
   * when `wait` is false and the lock is held elsewhere.
   */
  withLock<T>(name: string, fn: () => Promise<T>, options?: { wait?: boolean }): Promise<T | null>;
  /**
   * Whether the database answers now, without waiting behind queued work (`/healthz`). Engines
   * that can lose their database (DuckDB invalidates an instance after a fatal error) also start
   * reopening it here. Absent: the engine has no such state.
   */
  health?(): Promise<EngineHealth>;
  close(): Promise<void>;
}

export interface EngineHealth {
  ok: boolean;
  /** Why not, in words (e.g. "the database was invalidated by a fatal error; reopening"). */
  message?: string;
}

/** A versioned schema migration. Applied in `id` order, each once, recorded in `schema_migrations`. */
export interface Migration {
  id: string;
  up: (dialect: Dialect) => string;
}
