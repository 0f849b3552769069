/**
 * The server engine: PostgreSQL, for deployments that run several server processes against one
 * database. Values come back exactly as the DuckDB engine returns them (dates 'YYYY-MM-DD',
 * BIGINT/NUMERIC as numbers, timestamps as ISO strings in UTC), so domain code and the parity test
 * see no difference between engines.
 */
import pg from 'pg';
import type { EngineHealth, Row, SqlEngine } from './port';
import { lockKey, parseTimestamp, toPgParam } from './postgres-values';
import { MonthlyPartitions } from './partitions';
import { valuesInsertChunks } from './valuesInsert';
import { ColumnTypes, mayChangeColumns, unnestInsertChunks } from './postgres-bulk';

/** From this many rows on, insertMany sends one array per column (postgres-bulk.ts) instead of VALUES tuples. */
const UNNEST_MIN_ROWS = 64;

/** Deadlocks and serialization failures: the statement or transaction can simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 6;

const OID = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  json: 114,
  jsonb: 3802,
} as const;

/** Per-pool parsers (not pg's global registry, which other code in the process may rely on). */
const PARSERS: Record<number, (text: string) => unknown> = {
  [OID.int8]: Number,
  [OID.numeric]: Number,
  [OID.date]: (text) => text,
  [OID.timestamp]: parseTimestamp,
  [OID.timestamptz]: parseTimestamp,
  // DuckDB hands JSON back as text; so do we.
  [OID.json]: (text) => text,
  [OID.jsonb]: (text) => text,
};

const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = format === 'binary' ? undefined : PARSERS[oid];
    return parser ?? pg.types.getTypeParser(oid, format ?? 'text');
  },
} as pg.CustomTypesConfig;

type Queryable = Pick<pg.PoolClient, 'query'>;

function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && RETRYABLE.has((error as { code?: string }).code ?? '');
}

async function retrying<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      if (!isRetryable(error) || attempt >= MAX_ATTEMPTS) throw error;
      // Back off a little, with jitter, so the two deadlocked sides do not collide again.
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
    }
  }
}

function lastRows(result: pg.QueryResult | pg.QueryResult[]): Row[] {
  // A parameterless multi-statement string comes back as one result per statement.
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  return (last?.rows ?? []) as Row[];
}

/** How long one health probe's answer serves later callers. */
const HEALTH_REUSE_MS = 1_000;

class PgEngine implements SqlEngine {
  readonly dialect = 'postgres' as const;

  constructor(
    private readonly pool: pg.Pool,
    private readonly partitions: MonthlyPartitions,
    private readonly columnTypes: ColumnTypes,
    /** Set inside a transaction: every statement runs on this one client. */
    private readonly client: pg.PoolClient | null = null,
    /** Where the pool connects (the health probe opens its own connection there). */
    private readonly url = '',
  ) {}

  private get target(): Queryable {
    return this.client ?? this.pool;
  }

  async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const result = params.length
      ? await this.target.query(sql, params.map(toPgParam))
      : await this.target.query(sql);
    if (mayChangeColumns(sql)) this.columnTypes.forget();
    return lastRows(result) as T[];
  }

  async exec(sql: string, params: readonly unknown[] = []): Promise<void> {
    await this.query(sql, params);
  }

  async transaction<T>(fn: (tx: SqlEngine) => Promise<T>): Promise<T> {
    if (this.client) return fn(this);
    // A deadlock against another process aborts the whole transaction; run it again from the start.
    return retrying(async () => {
      const client = await this.pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        try {
          const result = await fn(new PgEngine(this.pool, this.partitions, this.columnTypes, client, this.url));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          // Column types read inside the transaction may describe tables it created or altered.
          this.columnTypes.forget();
          await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
          throw error;
        }
      } finally {
        client.release(broken);
      }
    });
  }

  async insertMany(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
    options: { onConflict?: 'ignore' | 'error' } = {},
  ): Promise<number> {
    if (rows.length === 0) return 0;
    await this.withClient((db) => this.partitions.ensure(db, table, columns, rows, { inTransaction: this.client !== null }));
    const types = rows.length >= UNNEST_MIN_ROWS ? await this.columnTypes.of(this.target, table, columns) : null;
    const chunks = types
      ? unnestInsertChunks(table, columns, types, rows, { onConflict: options.onConflict, toParam: toPgParam })
      : valuesInsertChunks(table, columns, rows, { onConflict: options.onConflict, toParam: toPgParam });
    let inserted = 0;
    for (const { sql, params } of chunks) {
      // Outside a transaction each chunk commits alone, so a deadlocked chunk can run again.
      const run = () => this.target.query(sql, params);
      const result = this.client ? await run() : await retrying(run);
      inserted += result.rowCount ?? 0;
    }
    return inserted;
  }

  /** Run `fn` on the transaction's client, or on one pooled client (multi-statement work). */
  private async withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    if (this.client) return fn(this.client);
    const client = await this.pool.connect();
    try {
      return await fn(client);
    } finally {
      client.release();
    }
  }

  async withLock<T>(name: string, fn: () => Promise<T>, options: { wait?: boolean } = {}): Promise<T | null> {
    // Advisory locks belong to a session, so hold one dedicated client for the lock's lifetime.
    const client = await this.pool.connect();
    const key = lockKey(name);
    let broken: Error | undefined;
    try {
      if (options.wait === false) {
        const [row] = (await client.query('SELECT pg_try_advisory_lock($1::bigint) AS ok', [key])).rows as {
          ok: boolean;
        }[];
        if (!row?.ok) return null;
      } else {
        await client.query('SELECT pg_advisory_lock($1::bigint)', [key]);
      }
      try {
        return await fn();
      } finally {
        await client
          .query('SELECT pg_advisory_unlock($1::bigint)', [key])
          .catch((unlockError: Error) => (broken = unlockError));
      }
    } finally {
      // A client whose unlock failed may still hold the lock: destroy it rather than reuse it.
      client.release(broken);
    }
  }

  /**
   * See SqlEngine.health: a `SELECT 1` on a connection of its own, so a busy pool does not delay
   * it. Callers at the same time share one probe, and its answer serves for a second, so requests
   * to /healthz (anonymous) never open more than one connection at a time.
   */
  health(): Promise<EngineHealth> {
    const now = Date.now();
    if (this.lastHealth && now - this.lastHealth.at < HEALTH_REUSE_MS) return Promise.resolve(this.lastHealth.value);
    this.probing ??= this.probe()
      .then((value) => {
        this.lastHealth = { at: Date.now(), value };
        return value;
      })
      .finally(() => {
        this.probing = null;
      });
    return this.probing;
  }

  private probing: Promise<EngineHealth> | null = null;
  private lastHealth: { at: number; value: EngineHealth } | null = null;

  private async probe(): Promise<EngineHealth> {
    const probe = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5_000 });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.query('SELECT 1');
      return { ok: true };
    } catch (error) {
      return { ok: false, message: `PostgreSQL does not answer: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` };
    } finally {
      await probe.end().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (this.client) throw new Error('close() inside a transaction: close the engine that opened it');
    await this.pool.end();
  }
}

export interface PostgresOptions {
  /** Pool size; each withLock holder and open transaction takes one connection. */
  maxConnections?: number;
  /** `work_mem` of every session, in bytes (PostgreSQL's own default, 4 MB, when unset). */
  workMemBytes?: number;
}

/** Connect to PostgreSQL at `url` (postgres://user@host:port/db). Checks the connection before returning. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<SqlEngine> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    types: typeParsers,
    // Sessions in UTC, so timestamptz text and now() read the same in every process; work_mem in kB.
    options: `-c timezone=UTC${options.workMemBytes ? ` -c work_mem=${Math.max(64, Math.floor(options.workMemBytes / 1024))}kB` : ''}`,
  });
  // An idle client dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PgEngine(pool, new MonthlyPartitions(), new ColumnTypes(), null, url);
}
