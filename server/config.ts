/**
 * Server configuration, read once from the environment and validated at start-up. Every problem
 * is listed at once (fail fast), so an operator fixes the whole environment in one pass.
 */
import { z } from 'zod';

const commaList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  );

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** A DuckDB file path or a postgres:// URL; undefined = the default DuckDB file. */
  REPOSTATS_DB: z.string().min(1).optional(),
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
});

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
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

export function parseSize(text: string): number {
  const m = /^(\d+)(b|kb|mb|gb)?$/i.exec(text.trim());
  if (!m) throw new ConfigError([`not a size: ${text}`]);
  return Number(m[1]) * (UNITS[(m[2] ?? 'b').toLowerCase()] ?? 1);
}

/**
 * @example
 * loadConfig({ PORT: '9000', REPOSTATS_ADMIN_TOKEN: 'a-long-enough-secret' }).port // 9000
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  // Empty strings count as unset: `PORT= repostats serve` should mean the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
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
  };
}
