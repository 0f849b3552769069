/**
 * Start the server: validated config, database, app, listen; periodic aggregation runs and
 * reconciliation with runs made elsewhere; graceful close.
 */
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { loadConfig, type ServerConfig } from '../config';
import { openDatabase } from '../storage/open';
import { reconcileWithRuns } from '../cache/reconcile';
import { syncVocabularyStamp } from '../cache/vocabularyStamp';
import { resolveVocabularies } from '../config/vocabularies';
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

/** Thrown when `serve` cannot listen where it was told to (a busy port, an address not on this host). */
export class ListenError extends Error {
  constructor(port: number, host: string, cause: NodeJS.ErrnoException) {
    const why =
      cause.code === 'EADDRINUSE' ? 'is already in use (another process listens there)'
      : cause.code === 'EACCES' ? 'needs more privileges than this process has'
      : cause.code === 'EADDRNOTAVAIL' ? 'is not an address of this host'
      : `failed: ${cause.message}`;
    super(`cannot listen on ${host}:${port}: the port ${why}; choose another with --port or PORT`);
    this.name = 'ListenError';
  }
}

/** Listen, resolving only once listening: a failure (EADDRINUSE, …) rejects instead. */
function listen(app: App, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    // Public cached answers first, before Express (server/http/hitLane.ts); everything else to the app.
    const server = createServer((req, res) => {
      if (!app.ctx.hitLane.serve(req, res)) void app.app(req, res);
    });
    server.once('error', (error: NodeJS.ErrnoException) => reject(new ListenError(port, host, error)));
    server.listen(port, host, () => resolve(server));
  });
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = { ...loadConfig(options.env), ...options.config };
  // Between aggregation runs the server needs little of DuckDB: a low limit keeps its buffer pool
  // from growing into the RAM a long-running process should not hold (runs raise it; see aggregate.ts).
  const db = await openDatabase(config.db, {
    duckdb: { memoryBytes: config.duckdb.serveMemoryBytes, threads: config.duckdb.serveThreads, memoryReleaseDelayMs: RELEASE_WORK_MEMORY_AFTER_MS },
  });
  await syncVocabularyStamp(db, resolveVocabularies());
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
  let server: Server;
  try {
    server = await listen(app, config.port, config.host);
  } catch (error) {
    // Nothing else started yet: give the database (and DuckDB's file lock) back before failing.
    await db.close();
    throw error;
  }

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
          .then((r) => log?.info(`aggregation: ${r.affected} bundle(s) affected, ${r.rebuilt} rebuilt, ${r.warmed.computed} of ${r.warmed.queries} dashboard queries warmed in ${r.durationMs} ms`))
          .catch((e) => log?.error('scheduled aggregation failed', e));
      }, config.aggregateEveryMinutes * 60_000),
    );
  }

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
