/** `repostats serve` — the HTTP API, the response cache and the demo page. */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { DEMO_PAGE_DIR } from '../../http/demoPage';
import { startServer } from '../../http/server';

const EXAMPLES = `
Examples:
  $ repostats serve
  $ repostats serve --port 9000 --host 0.0.0.0
  $ REPOSTATS_ADMIN_TOKEN=… repostats serve --aggregate-every 15
  $ curl http://127.0.0.1:8080/api/v1/status

Settings come from the environment (PORT, HOST, REPOSTATS_DB, REPOSTATS_ADMIN_TOKEN,
REPOSTATS_CORS_ORIGINS, REPOSTATS_INGEST_LIMIT, REPOSTATS_DASHBOARDS, …; see docs/api.md);
flags override them. The demo page (server/dist/demo, shipped in the package) is served at /.`;

function positiveNumber(name: string) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${value}"`);
    return n;
  };
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the API, the cached series bundles and the demo page')
    .option('--port <port>', 'port to listen on (default: $PORT or 8080; 0 picks a free one)', positiveNumber('--port'))
    .option('--host <host>', 'address to bind (default: $HOST or 127.0.0.1)')
    .option('--aggregate-every <minutes>', 'run the aggregations every N minutes while serving', positiveNumber('--aggregate-every'))
    .option('--static <dir>', 'directory with the built demo page', DEMO_PAGE_DIR)
    .option('--db <url>', 'database (a DuckDB file or a postgres:// URL; default: $REPOSTATS_DB)')
    .addHelpText('after', EXAMPLES)
    .action(async (opts: { port?: number; host?: string; aggregateEvery?: number; static: string; db?: string }) => {
      const overrides = {
        ...(opts.port !== undefined ? { port: opts.port } : {}),
        ...(opts.host !== undefined ? { host: opts.host } : {}),
        ...(opts.aggregateEvery !== undefined ? { aggregateEveryMinutes: opts.aggregateEvery } : {}),
        ...(opts.db !== undefined ? { db: opts.db } : {}),
      };
      const server = await startServer({
        config: overrides,
        staticDir: existsSync(opts.static) ? opts.static : undefined,
        logger: {
          info: (m) => console.log(m),
          error: (m, e) => console.error(`${m}:`, e instanceof Error ? e.message : e),
        },
      });
      console.log(`repostats serving on ${server.url}`);
      console.log(`  API:     ${server.url}/api/v1/communities   (OpenAPI: ${server.url}/api/openapi.json)`);
      if (existsSync(opts.static)) console.log(`  demo:    ${server.url}/`);
      const stop = () => {
        console.log('stopping…');
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
