/**
 * `createApp(deps)`: the Express app, separate from `listen` so tests run the real thing on port 0.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import cors from 'cors';
import type { AppDeps } from './deps';
import { createContext, type ServerContext } from './context';
import { errorHandler, unknownRoute } from './errors';
import { buildOpenApi } from './openapi';
import { adminRouter } from './routes/admin';
import { aggregationsRouter } from './routes/aggregations';
import { communitiesRouter } from './routes/communities';
import { ingestRouter } from './routes/ingest';
import { layoutRouter } from './routes/layout';
import { seriesRouter } from './routes/series';
import { statsRouter } from './routes/stats';
import { queryRouter } from './routes/query';
import { statsDashboardRouter } from './routes/statsDashboard';
import { topRecordsRouter } from './routes/topRecords';
import { counterExportRouter } from './routes/counterExport';
import { sushiRouter } from './routes/sushi';
import { counterResponder } from './counterReports';

export interface App {
  app: Express;
  ctx: ServerContext;
}

export function createApp(deps: AppDeps): App {
  const ctx = createContext(deps);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  // Behind N reverse proxies the client address is N hops back in X-Forwarded-For (rate limiting).
  if (deps.config.trustProxy > 0) app.set('trust proxy', deps.config.trustProxy);
  app.use(
    helmet({
      // The API is meant to be fetched from other origins (CORS decides which).
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      // The server often runs on plain http (loopback, behind a TLS proxy): upgrading the demo
      // page's own requests to https would break it there.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  const origins = deps.config.corsOrigins;
  app.use(
    '/api',
    cors({
      origin: origins.includes('*') ? true : origins,
      allowedHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
      exposedHeaders: ['ETag', 'Content-Disposition', 'Link'],
      maxAge: 600,
    }),
  );

  // The database's real state: 503 while it cannot answer (a DuckDB instance invalidated by a
  // fatal error is being reopened), so a load balancer or supervisor sees it.
  app.get('/healthz', async (_req, res) => {
    const health = (await deps.db.health?.()) ?? { ok: true };
    res.set('Cache-Control', 'no-store');
    if (health.ok) res.json({ ok: true });
    else res.status(503).json({ ok: false, error: { code: 'database_unavailable', message: health.message ?? 'the database does not answer' } });
  });
  const openapi = JSON.stringify(buildOpenApi());
  app.get('/api/openapi.json', (_req, res) => {
    res.type('application/json').send(openapi);
  });

  // Cached series bundles are the hot path (GET only, no body): first, past no router it does not need.
  app.use(seriesRouter(ctx));
  // Ingest reads its own raw body (size limit, NDJSON), so it is mounted before the JSON parser.
  app.use(ingestRouter(ctx));
  app.use(['/api/stats', '/api/stats-dashboard', '/api/v1/communities'], express.json({ limit: '1mb', type: 'application/json' }));
  app.use(communitiesRouter(ctx));
  app.use(aggregationsRouter(ctx));
  app.use(topRecordsRouter(ctx));
  const counter = counterResponder(ctx);
  app.use(sushiRouter(ctx, counter));
  app.use(counterExportRouter(ctx, counter));
  app.use(layoutRouter(ctx));
  app.use(statsRouter(ctx));
  app.use(queryRouter(ctx));
  app.use(statsDashboardRouter(ctx));
  app.use(adminRouter(ctx));
  app.use('/api', unknownRoute);

  if (deps.staticDir && existsSync(deps.staticDir)) {
    const root = resolve(deps.staticDir);
    app.use(express.static(root, { index: 'index.html', maxAge: '1h' }));
    // SPA fallback: any other GET that wants HTML gets the demo page.
    app.get(/.*/, (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.sendFile(resolve(root, 'index.html'));
    });
  }
  app.use(unknownRoute);
  app.use(errorHandler(deps.logger));
  return { app, ctx };
}
