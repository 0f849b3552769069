/**
 * The embedded engine: one DuckDB file, zero setup. Columnar and vectorised, so the
 * aggregations push their GROUP BYs down here instead of pulling rows into Node.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { EngineHealth, Row, SqlEngine } from './port';
import { isFatalDuckDbError, probe } from './duckdbHealth';
import { APPENDER_MIN_ROWS, appendThroughStage, readRowObjects, toParam } from './duckdbValues';
import { Mutex } from './mutex';
import { valuesInsertChunks } from './valuesInsert';

/** An engine whose memory budget can be raised for the duration of a piece of work. */
export interface MemoryTunable {
  withMemoryLimit<T>(bytes: number, fn: () => Promise<T>): Promise<T>;
  releaseMemory(): Promise<void>;
}

class DuckDbEngine implements SqlEngine, MemoryTunable {
  readonly dialect = 'duckdb' as const;
  private readonly queue: Mutex;
  private readonly locks = new Map<string, Mutex>();
  /** `withMemoryLimit` calls running, whether the limit is above the base, and the pending release. */
  private working = 0;
  private limitRaised = false;
  private raisedTo: number | null = null;
  private releaseTimer: NodeJS.Timeout | null = null;
  private releasing: Promise<void> | null = null;
  /** The fatal error that invalidated the instance, until a reopen succeeds (see `reopen`). */
  private fatal: Error | null = null;
  private reopening: Promise<void> | null = null;
  private healthConn: DuckDBConnection | null = null;
  /** How to open the instance again: set on the root engine only. */
  reopenWith: { path: string; config: Record<string, string> } | null = null;

  constructor(
    private instance: DuckDBInstance | null,
    private conn: DuckDBConnection,
    queue?: Mutex,
    private readonly inTransaction = false,
    /** The limit the instance was opened with (undefined: DuckDB's default). */
    private readonly baseMemoryBytes?: number,
    private readonly memoryReleaseDelayMs = 0,
  ) {
    this.queue = queue ?? new Mutex();
  }

  /**
   * Run `fn` with `memory_limit` raised to `bytes` (an aggregation, an ingest or a top-records
   * query inside `serve`), then give the memory back once no such work has run for
   * `memoryReleaseDelayMs`: a checkpoint first, because an index the work wrote to stays in memory
   * until one (the events key index is ≈ 0.7 GB at medium size: a 20,000-event ingest left the
   * server at 0.9 GB without it, 0.26 GB with it), then the base limit, which makes DuckDB evict
   * cached blocks down to it. The delay keeps a stream of ingests from checkpointing after each
   * one (≈ 5 s each at medium size). Failures there are not the work's; the next release retries.
   */
  async withMemoryLimit<T>(bytes: number, fn: () => Promise<T>): Promise<T> {
    if (this.baseMemoryBytes === undefined || bytes <= this.baseMemoryBytes) return fn();
    this.working += 1;
    this.cancelRelease();
    try {
      // A release under way lowers the limit when it ends: wait for it, then raise again.
      if (this.releasing) await this.releasing;
      if (!this.limitRaised) {
        await this.exec(`SET memory_limit = '${duckDbSize(bytes)}'`);
        this.limitRaised = true;
        this.raisedTo = bytes;
      }
      return await fn();
    } finally {
      this.working -= 1;
      if (this.working === 0) {
        if (this.memoryReleaseDelayMs <= 0) await this.releaseMemory();
        else this.releaseTimer = setTimeout(() => void this.releaseMemory(), this.memoryReleaseDelayMs).unref();
      }
    }
  }

  /** Back to the base memory limit now, unless work is running (see `withMemoryLimit`). */
  releaseMemory(): Promise<void> {
    this.cancelRelease();
    if (this.releasing) return this.releasing;
    if (this.working > 0 || !this.limitRaised || this.baseMemoryBytes === undefined) return Promise.resolve();
    const base = this.baseMemoryBytes;
    this.releasing = (async () => {
      try {
        await this.exec('CHECKPOINT').catch(() => undefined);
        await this.exec(`SET memory_limit = '${duckDbSize(base)}'`);
        this.limitRaised = false;
      } catch {
        // Something still holds more than the base limit: stay raised; the next release tries again.
      } finally {
        this.releasing = null;
      }
    })();
    return this.releasing;
  }

  private cancelRelease(): void {
    if (this.releaseTimer) clearTimeout(this.releaseTimer);
    this.releaseTimer = null;
  }

  private run<T>(fn: () => Promise<T>): Promise<T> {
    // Inside a transaction the caller already holds the connection's queue.
    return this.inTransaction ? fn() : this.queue.run(() => this.noticingFatal(fn));
  }

  private async noticingFatal<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (isFatalDuckDbError(error)) this.invalidated(error as Error);
      throw error;
    }
  }

  /**
   * DuckDB refuses every statement once an instance is invalidated ("database has been
   * invalidated", e.g. after a rollback that failed): open the file again, after the queued work.
   */
  private invalidated(error: Error): void {
    this.fatal ??= error;
    void this.reopen();
  }

  private reopen(): Promise<void> {
    if (!this.reopenWith || this.reopening) return this.reopening ?? Promise.resolve();
    const { path, config } = this.reopenWith;
    this.reopening = this.queue
      .run(async () => {
        for (const c of [this.healthConn, this.conn]) {
          try { c?.closeSync(); } catch { /* already unusable */ }
        }
        try { this.instance?.closeSync(); } catch { /* already unusable */ }
        this.healthConn = null;
        this.instance = await DuckDBInstance.create(path, config);
        this.conn = await this.instance.connect();
        if (this.limitRaised && this.raisedTo !== null) await this.conn.run(`SET memory_limit = '${duckDbSize(this.raisedTo)}'`);
        this.fatal = null;
      })
      .catch((error: unknown) => {
        this.fatal = error instanceof Error ? error : new Error(String(error));
      })
      .finally(() => {
        this.reopening = null;
      });
    return this.reopening;
  }

  /** See SqlEngine.health: a `SELECT 1` on a connection of its own, so queued work does not delay it. */
  async health(): Promise<EngineHealth> {
    if (this.fatal || this.reopening) {
      if (this.fatal && !this.reopening) void this.reopen();
      return { ok: false, message: `the database was invalidated by a fatal error; reopening (${(this.fatal?.message ?? '').split('\n')[0]})` };
    }
    if (!this.instance) return { ok: true };
    try {
      this.healthConn ??= await this.instance.connect();
      await probe(this.healthConn);
      return { ok: true };
    } catch (error) {
      if (isFatalDuckDbError(error)) this.invalidated(error as Error);
      return { ok: false, message: (error instanceof Error ? error.message : String(error)).split('\n')[0] };
    }
  }

  async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.run(async () => {
      // A chunk at a time, yielding between chunks (a bundle's query returns ~60,000 rows × 14 columns).
      return (await readRowObjects(await this.conn.run(sql, params.map(toParam)))) as T[];
    });
  }

  async exec(sql: string, params: readonly unknown[] = []): Promise<void> {
    await this.run(async () => {
      await this.conn.run(sql, params.length ? params.map(toParam) : undefined);
    });
  }

  async transaction<T>(fn: (tx: SqlEngine) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    return this.queue.run(async () => {
      const tx = new DuckDbEngine(null, this.conn, this.queue, true);
      await this.noticingFatal(() => this.conn.run('BEGIN TRANSACTION'));
      try {
        const result = await fn(tx);
        await this.conn.run('COMMIT');
        return result;
      } catch (error) {
        // A rollback that fails (out of memory) is what invalidates a DuckDB instance.
        await this.noticingFatal(() => this.conn.run('ROLLBACK')).catch(() => undefined);
        if (isFatalDuckDbError(error)) this.invalidated(error as Error);
        throw error;
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
    const conflict = options.onConflict === 'ignore' ? ' ON CONFLICT DO NOTHING' : '';
    if (rows.length >= APPENDER_MIN_ROWS) return this.run(() => appendThroughStage(this.conn, table, columns, rows, conflict));
    let inserted = 0;
    for (const { sql, params } of valuesInsertChunks(table, columns, rows, { onConflict: options.onConflict, toParam })) {
      const result = await this.run(() => this.conn.run(sql, params));
      inserted += Number(result.rowsChanged);
    }
    return inserted;
  }

  async withLock<T>(name: string, fn: () => Promise<T>, options: { wait?: boolean } = {}): Promise<T | null> {
    // DuckDB holds an exclusive lock on its file per process, so an in-process lock is enough.
    let lock = this.locks.get(name);
    if (!lock) this.locks.set(name, (lock = new Mutex()));
    if (options.wait === false && lock.locked) return null;
    return lock.run(fn);
  }

  async close(): Promise<void> {
    this.cancelRelease();
    if (this.reopening) await this.reopening;
    this.reopenWith = null;
    await this.queue.run(async () => {
      try {
        this.healthConn?.closeSync();
        this.conn.closeSync();
        this.instance?.closeSync();
      } catch (error) {
        // After a reopen that failed, these were already closed; otherwise the failure is real.
        if (!this.fatal) throw error;
      }
    });
  }
}

/** Resources of a DuckDB instance; unset fields keep DuckDB's defaults. */
export interface DuckDbSettings {
  /** `memory_limit` in bytes. DuckDB's default is 80 % of RAM, which an aggregation grows into instead of spilling. */
  memoryBytes?: number;
  /** Worker threads (DuckDB's default: one per core). */
  threads?: number;
  /** How long a limit raised by `withMemoryLimit` outlives the last work that needed it (default 0). */
  memoryReleaseDelayMs?: number;
}

/** DuckDB reads `MB` as 10^6 bytes: give it KiB, exact for every size `parseSize` produces. */
export const duckDbSize = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))}KiB`;

/**
 * Open (creating when absent) a DuckDB database file, or `:memory:`. With a memory limit, what does
 * not fit spills to `<file>.tmp/` beside the database file (stated here rather than left to
 * DuckDB's default, which is the same today, so the place is documented and stable).
 *
 * `preserve_insertion_order` stays on (DuckDB suggests turning it off to save memory): the medium
 * aggregation fits the default limit with it, and off, unordered SELECTs may change order.
 */
export async function openDuckDb(path: string, settings: DuckDbSettings = {}): Promise<SqlEngine & MemoryTunable> {
  // DuckDB's allocator (jemalloc) otherwise returns freed memory to the system only while it keeps
  // allocating: an aggregation's RSS stayed ~1 GB above what DuckDB held between units, and a
  // server that rendered some bundles kept their peak. Background threads purge it within seconds.
  const config: Record<string, string> = { allocator_background_threads: 'true' };
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
    config.temp_directory = `${path}.tmp`;
  }
  if (settings.memoryBytes !== undefined) config.memory_limit = duckDbSize(settings.memoryBytes);
  if (settings.threads !== undefined) config.threads = String(settings.threads);
  const instance = await DuckDBInstance.create(path, config);
  const conn = await instance.connect();
  const engine = new DuckDbEngine(instance, conn, undefined, false, settings.memoryBytes, settings.memoryReleaseDelayMs);
  // An in-memory database cannot be reopened with its data.
  if (path !== ':memory:') engine.reopenWith = { path, config };
  return engine;
}
