/**
 * Server configuration, read once from the environment and validated at start-up. Every problem
 * is listed at once (fail fast), so an operator fixes the whole environment in one pass.
 */
import { z } from 'zod';
import { type CounterConfig, CounterEnvShape, counterConfig } from './config/counter';
import { LimitsEnvShape, type RequestLimits, requestLimits } from './config/limits';
import { VocabularyError, resolveVocabularies } from './config/vocabularies';

const commaList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  );

/** A size in bytes or with a unit (`1gb`, `512MB`, `1048576`), as `parseSize` reads it. */
const size = (example: string) => z.string().regex(/^\s*\d+\s*(b|kb|mb|gb)?\s*$/i, `expected a size like ${example}`);

/** Settings every command that opens a database reads (the CLI jobs and `serve`). */
const StorageEnvSchema = z.object({
  /**
   * DuckDB's memory limit for imports and aggregation runs (CLI and inside `serve`). Past it, large
   * aggregations spill to `<file>.tmp/` instead of growing; DuckDB's own default is 80 % of RAM.
   */
  REPOSTATS_DUCKDB_MEMORY: size('1gb').default('1gb'),
  /**
   * DuckDB's memory limit for `serve` between runs: bundle renders, raw documents and the community
   * list fit in it (medium data set); aggregation runs and top-records queries get the work limit.
   * DuckDB keeps its cache of table blocks up to this, so it is most of what the server holds.
   */
  REPOSTATS_DUCKDB_SERVE_MEMORY: size('64mb').default('64mb'),
  /**
   * DuckDB's memory limit for the heavier work inside `serve`: scheduled and requested aggregation
   * runs, ingests, top-records, `/api/stats` and COUNTER queries, bundle cache writes. Lower than the
   * CLI's: a server that kept REPOSTATS_DUCKDB_MEMORY (1gb) held 1.2 GB in the medium soak, since
   * such requests keep the limit raised and DuckDB caches blocks up to it; 256mb kept the same
   * work at ≈ 0.5 GB peak (runs spill to `<file>.tmp/` instead).
   */
  REPOSTATS_DUCKDB_SERVE_WORK_MEMORY: size('256mb').default('256mb'),
  /** DuckDB worker threads; unset = one per core (DuckDB's default). */
  REPOSTATS_DUCKDB_THREADS: z.coerce.number().int().min(1).max(256).optional(),
  /**
   * DuckDB worker threads inside `serve` (the CLI jobs keep REPOSTATS_DUCKDB_THREADS). One by
   * default: a query there already runs on a libuv thread, and more DuckDB workers take the cores
   * the event loop answers /healthz and cached requests on (2 cores: two workers plus the loop),
   * and each holds buffers of its own. Runs inside `serve` take longer; a CLI run is unaffected.
   */
  REPOSTATS_DUCKDB_SERVE_THREADS: z.coerce.number().int().min(1).max(256).default(1),
  /** A DuckDB file path or a postgres:// URL; undefined = the default DuckDB file. */
  REPOSTATS_DB: z.string().min(1).optional(),
  /**
   * PostgreSQL's `work_mem` for repostats' sessions: memory per sort or hash step of a statement
   * before it spills to disk. PostgreSQL's default (4MB) made the usage aggregation spill ≈ 4.8 GB
   * per month of the medium demo; with 256mb the same statement took half the time (BENCHMARKS.md).
   * Each connection (10 at most per process) may use it several times over in one statement.
   */
  REPOSTATS_PG_WORK_MEM: size('256mb').default('256mb'),
});

const EnvSchema = StorageEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Bearer token for admin endpoints (ingest, aggregate, any layout). Unset = admin endpoints refuse. */
  REPOSTATS_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Origins allowed to call the API from a browser, comma separated (`*` allows any). */
  REPOSTATS_CORS_ORIGINS: commaList,
  /** Largest accepted ingest body, in bytes or with a unit: `10mb`, `512kb`. */
  REPOSTATS_INGEST_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb|gb)?$/i, 'expected a size like 10mb, 512kb or 1048576')
    .default('10mb'),
  /** Ingest requests allowed per client per minute. */
  REPOSTATS_INGEST_RATE: z.coerce.number().int().min(1).default(60),
  /**
   * `opt-out` (default): every community has a dashboard unless listed in REPOSTATS_DASHBOARD_COMMUNITIES
   * (or disabled in the communities table). `opt-in`: only the listed communities (and `global`) have one.
   */
  REPOSTATS_DASHBOARDS: z.enum(['opt-in', 'opt-out']).default('opt-out'),
  REPOSTATS_DASHBOARD_COMMUNITIES: commaList,
  /**
   * Which affected bundles to re-render right after a run: `cached` (those clients asked for;
   * the rest render on first request) or `all`.
   */
  REPOSTATS_CACHE_WARM: z.enum(['cached', 'all']).default('cached'),
  /** Reverse proxies in front of the server (for client addresses in rate limiting); 0 = none. */
  REPOSTATS_TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  /** Run an aggregation every N minutes while serving (0 = never). */
  REPOSTATS_AGGREGATE_EVERY: z.coerce.number().min(0).default(0),
  /** Bytes of rendered bundles `serve` keeps in memory (LRU); the rest are read from `bundle_cache`. */
  REPOSTATS_CACHE_MEMORY: size('64mb').default('64mb'),
  /** A directory of the site's own vocabulary files over the shipped ones (server/config/vocabularies.ts). */
  REPOSTATS_VOCABULARIES: z.string().min(1).optional(),
  ...CounterEnvShape,
  ...LimitsEnvShape,
});

/** DuckDB's resources: memory limits in bytes (work = imports and aggregation; serve = between runs). */
export interface DuckDbResources {
  workMemoryBytes: number;
  serveMemoryBytes: number;
  /** The limit `serve` raises to for aggregation runs, ingests and heavy queries (see the env schema). */
  serveWorkMemoryBytes: number;
  threads: number | undefined;
  /** DuckDB worker threads inside `serve` (REPOSTATS_DUCKDB_SERVE_THREADS). */
  serveThreads: number;
}

export interface StorageConfig {
  /** `REPOSTATS_DB`: a DuckDB file path or a postgres:// URL; undefined = the default DuckDB file. */
  db: string | undefined;
  duckdb: DuckDbResources;
  /** PostgreSQL's `work_mem` for our sessions, in bytes (`REPOSTATS_PG_WORK_MEM`). */
  pgWorkMemBytes: number;
}

export interface ServerConfig {
  port: number;
  host: string;
  db: string | undefined;
  adminToken: string | undefined;
  corsOrigins: string[];
  ingestLimitBytes: number;
  ingestRatePerMinute: number;
  dashboards: { mode: 'opt-in' | 'opt-out'; communities: string[] };
  aggregateEveryMinutes: number;
  cacheWarm: 'cached' | 'all';
  trustProxy: number;
  duckdb: DuckDbResources;
  /** Byte bound of the in-process LRU of rendered bundles. */
  cacheMemoryBytes: number;
  /** COUNTER reports and the SUSHI API: platform identity and customers (server/config/counter.ts). */
  counter: CounterConfig;
  /** Per-request budgets (server/config/limits.ts). */
  limits: RequestLimits;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

export function parseSize(text: string): number {
  const m = /^(\d+)\s*(b|kb|mb|gb)?$/i.exec(text.trim());
  if (!m) throw new ConfigError([`not a size: ${text}`]);
  return Number(m[1]) * (UNITS[(m[2] ?? 'b').toLowerCase()] ?? 1);
}

/** Below this DuckDB cannot run our statements at all; a typo like `1mb` for `1gb` should fail at start-up. */
const MIN_DUCKDB_MEMORY = 64 * 1024 ** 2;

// Empty strings count as unset: `PORT= repostats serve` should mean the default.
function parseEnv<S extends z.ZodTypeAny>(schema: S, env: Record<string, string | undefined>): z.output<S> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (parsed.success) {
    const e = parsed.data as Partial<z.output<typeof StorageEnvSchema>>;
    for (const name of ['REPOSTATS_DUCKDB_MEMORY', 'REPOSTATS_DUCKDB_SERVE_MEMORY', 'REPOSTATS_DUCKDB_SERVE_WORK_MEMORY'] as const) {
      const value = e[name];
      if (value !== undefined && parseSize(value) < MIN_DUCKDB_MEMORY) problems.push(`${name}: at least 64mb, got ${value}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return (parsed as { data: z.output<S> }).data;
}

function duckDbResources(e: z.output<typeof StorageEnvSchema>): DuckDbResources {
  return {
    workMemoryBytes: parseSize(e.REPOSTATS_DUCKDB_MEMORY),
    serveMemoryBytes: parseSize(e.REPOSTATS_DUCKDB_SERVE_MEMORY),
    serveWorkMemoryBytes: parseSize(e.REPOSTATS_DUCKDB_SERVE_WORK_MEMORY),
    threads: e.REPOSTATS_DUCKDB_THREADS,
    serveThreads: e.REPOSTATS_DUCKDB_SERVE_THREADS,
  };
}

/**
 * The settings of the database engine alone, for the CLI jobs (import, aggregate, demo, status).
 *
 * @example
 * loadStorageConfig({ REPOSTATS_DUCKDB_MEMORY: '2gb' }).duckdb.workMemoryBytes // 2147483648
 */
export function loadStorageConfig(env: Record<string, string | undefined> = process.env): StorageConfig {
  const e = parseEnv(StorageEnvSchema, env);
  return { db: e.REPOSTATS_DB, duckdb: duckDbResources(e), pgWorkMemBytes: parseSize(e.REPOSTATS_PG_WORK_MEM) };
}

/**
 * `REPOSTATS_DUCKDB_MEMORY` as the operator wrote it (undefined when unset), for messages that tell
 * them which setting to raise; read without validation, since such a message may be about a failure.
 */
export function duckDbMemorySetting(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.REPOSTATS_DUCKDB_MEMORY;
}

const CliEnvSchema = z.object({
  /** How often (ms) a long command prints a progress line when its output is no terminal; unset = 5 s. */
  REPOSTATS_PROGRESS_INTERVAL_MS: z.coerce.number().int().nonnegative().optional(),
});

/**
 * The CLI's own settings.
 *
 * @example
 * loadCliConfig({ REPOSTATS_PROGRESS_INTERVAL_MS: '0' }).progressIntervalMs // 0
 */
export function loadCliConfig(env: Record<string, string | undefined> = process.env): { progressIntervalMs: number | undefined } {
  const parsed = CliEnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return { progressIntervalMs: parsed.data.REPOSTATS_PROGRESS_INTERVAL_MS };
}

const HarvestEnvSchema = StorageEnvSchema.extend({
  /** Bearer token `repostats harvest` sends (an InvenioRDM personal access token); `--token` overrides it. */
  REPOSTATS_HARVEST_TOKEN: z.string().min(1).optional(),
});

export interface HarvestConfig {
  token: string | undefined;
}

/**
 * The settings of `repostats harvest`.
 *
 * @example
 * loadHarvestConfig({ REPOSTATS_HARVEST_TOKEN: 'abc' }).token // 'abc'
 */
export function loadHarvestConfig(env: Record<string, string | undefined> = process.env): HarvestConfig {
  return { token: parseEnv(HarvestEnvSchema, env).REPOSTATS_HARVEST_TOKEN };
}

/**
 * @example
 * loadConfig({ PORT: '9000', REPOSTATS_ADMIN_TOKEN: 'a-long-enough-secret' }).port // 9000
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const e = parseEnv(EnvSchema, env);
  const counter = counterConfig(e);
  if (counter.problems.length) throw new ConfigError(counter.problems);
  try {
    resolveVocabularies(e.REPOSTATS_VOCABULARIES);
  } catch (error) {
    if (error instanceof VocabularyError) throw new ConfigError(error.problems);
    throw error;
  }
  return {
    port: e.PORT,
    host: e.HOST,
    db: e.REPOSTATS_DB,
    adminToken: e.REPOSTATS_ADMIN_TOKEN,
    corsOrigins: e.REPOSTATS_CORS_ORIGINS,
    ingestLimitBytes: parseSize(e.REPOSTATS_INGEST_LIMIT),
    ingestRatePerMinute: e.REPOSTATS_INGEST_RATE,
    dashboards: { mode: e.REPOSTATS_DASHBOARDS, communities: e.REPOSTATS_DASHBOARD_COMMUNITIES },
    aggregateEveryMinutes: e.REPOSTATS_AGGREGATE_EVERY,
    cacheWarm: e.REPOSTATS_CACHE_WARM,
    trustProxy: e.REPOSTATS_TRUST_PROXY,
    duckdb: duckDbResources(e),
    cacheMemoryBytes: parseSize(e.REPOSTATS_CACHE_MEMORY),
    counter: counter.config,
    limits: requestLimits(e),
  };
}

/**
 * The COUNTER settings alone, for `repostats counter` (which needs no SUSHI customers: it is run
 * by the operator).
 *
 * @example
 * loadCounterConfig({ REPOSTATS_COUNTER_PLATFORM: 'Example Repository' }).platform // 'Example Repository'
 */
export function loadCounterConfig(env: Record<string, string | undefined> = process.env): CounterConfig {
  const counter = counterConfig(parseEnv(z.object(CounterEnvShape), env));
  if (counter.problems.length) throw new ConfigError(counter.problems);
  return counter.config;
}
