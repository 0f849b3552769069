/**
 * Start the server: validated config, database, app, listen; periodic aggregation runs and
 * reconciliation with runs made elsewhere; graceful close.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loadConfig, type ServerConfig } from '../config';
import { openDatabase } from '../storage/open';
import { reconcileWithRuns } from '../cache/reconcile';
import { createApp, type App } from './app';
import { runAndRefresh } from './aggregate';
import type { LayoutDomain, Logger, ServingDomain } from './deps';
import { realDomain, realLayouts } from './wiring';

/**
 * How long `serve` keeps the work memory limit after the last ingest, run or top-records query:
 * handing it back costs a checkpoint, which a stream of ingests should not pay one by one.
 */
const RELEASE_WORK_MEMORY_AFTER_MS = 10_000;

export interface StartOptions {
  /** Overrides of the environment's settings (CLI flags). */
  config?: Partial<ServerConfig>;
  env?: Record<string, string | undefined>;
  staticDir?: string;
  logger?: Logger;
  domain?: ServingDomain;
  layouts?: LayoutDomain;
  /** How often to look for aggregation runs made outside this process (ms). */
  reconcileEveryMs?: number;
  /** Today's date (tests pin it). */
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  app: App;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = { ...loadConfig(options.env), ...options.config };
  // Between aggregation runs the server needs little of DuckDB: a low limit keeps its buffer pool
  // from growing into the RAM a long-running process should not hold (runs raise it; see aggregate.ts).
  const db = await openDatabase(config.db, {
    duckdb: { memoryBytes: config.duckdb.serveMemoryBytes, threads: config.duckdb.threads, memoryReleaseDelayMs: RELEASE_WORK_MEMORY_AFTER_MS },
  });
  const app = createApp({
    db,
    config,
    domain: options.domain ?? realDomain(),
    layouts: options.layouts ?? realLayouts(),
    staticDir: options.staticDir,
    logger: options.logger,
    now: options.now,
  });
  const log = options.logger;

  let since: string | null = null;
  const reconcile = async () => {
    const r = await reconcileWithRuns(db, app.ctx.cache, since);
    since = r.checkedUpTo;
    if (r.dropped > 0) log?.info(`cache: dropped ${r.dropped} bundle(s) affected by ${r.runs} run(s) made elsewhere`);
  };
  await reconcile();
  const timers: NodeJS.Timeout[] = [];
  timers.push(setInterval(() => void reconcile().catch((e) => log?.error('cache reconcile failed', e)), options.reconcileEveryMs ?? 30_000));
  if (config.aggregateEveryMinutes > 0) {
    timers.push(
      setInterval(() => {
        if (app.ctx.aggregation.running) return;
        runAndRefresh(app.ctx)
          .then((r) => log?.info(`aggregation: ${r.affected} bundle(s) affected, ${r.rebuilt} rebuilt in ${r.durationMs} ms`))
          .catch((e) => log?.error('scheduled aggregation failed', e));
      }, config.aggregateEveryMinutes * 60_000),
    );
  }

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    app,
    async close() {
      for (const t of timers) clearInterval(t);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await db.close();
    },
  };
}
