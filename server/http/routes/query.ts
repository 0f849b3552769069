/**
 * POST /api/v1/query (JSON body) and GET /api/v1/query?q=<JSON>: the query API. Both parse the
 * same schema (src/api/query.ts), check access as every community endpoint does, and answer from
 * the response cache (server/cache/queryCache.ts: by normalised query and the community's data
 * version, an ETag and br/gzip forms rendered once per answer; `X-Cache: hit|miss` says which).
 * A public answer is also kept in the hit lane (server/http/hitLane.ts), which answers the same
 * anonymous GET before Express until the data version is due to be read again.
 *
 * GET /api/v1/query/export?q=<JSON>&format=csv|xlsx|json: the same answer as a file, computed
 * apart from the cache (an export must not evict the dashboard's answers) and streamed.
 */
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { QueryRequestSchema, type QueryRequest } from '../../../src/api/query';
import { dataState } from '../../query/dataState';
import { runQuery } from '../../query/engine';
import { RangeProblem } from '../../query/range';
import { withMemoryLimit } from '../../storage/open';
import type { ServerContext } from '../context';
import { HttpError, badRequest } from '../errors';
import { CONTENT_TYPES, EXPORT_FORMATS } from '../exports';
import { parseWith } from '../params';
import { queryTable, writeQueryCsv, writeQueryJson, writeQueryXlsx } from '../queryExport';
import { sendEncoded } from '../send';
import { sendStream } from '../sendStream';

/** The `q` parameter of a GET: a query is a few hundred bytes; this bounds the URL's cost. */
const MAX_Q_CHARS = 8192;

function readGetQuery(req: Request): unknown {
  const q = req.query.q;
  if (typeof q !== 'string' || q === '') throw badRequest('q', 'expected the query as JSON: ?q={"metrics":["views"]}');
  if (q.length > MAX_Q_CHARS) throw badRequest('q', `longer than ${MAX_Q_CHARS} characters`);
  try {
    return JSON.parse(q) as unknown;
  } catch {
    throw badRequest('q', 'is not valid JSON');
  }
}

const ExportQuery = z.object({ format: z.enum(EXPORT_FORMATS).default('csv') });

/** A range the data cannot answer is the client's to fix: a 400 naming `date_range`. */
async function rangeChecked<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof RangeProblem) throw badRequest('date_range', e.message);
    throw e;
  }
}

export function queryRouter(ctx: ServerContext): Router {
  const router = Router();

  async function parse(req: Request, input: unknown) {
    const parsed = parseWith(QueryRequestSchema, input);
    const community = await ctx.readableCommunity(req, parsed.community);
    const q: QueryRequest = { ...parsed, community: community.id };
    return { q, community };
  }

  async function answer(req: Request, res: Response, input: unknown): Promise<void> {
    const { q, community } = await parse(req, input);
    const found = await rangeChecked(() => ctx.queryCache.answer(q));
    res.setHeader('X-Cache', found.hit ? 'hit' : 'miss');
    const policy = { visibility: community.restricted ? 'private' : 'public', maxAgeSeconds: 60 } as const;
    const sent = sendEncoded(req, res, found.body, { contentType: 'application/json', policy });
    // A public answer is the same for every anonymous reader until the data version is read again.
    if (sent && !community.restricted) ctx.hitLane.remember(req, res, sent, found.freshUntil);
  }

  router.post('/api/v1/query', express.json({ limit: '64kb', type: 'application/json' }), async (req, res) => {
    if (!req.is('application/json')) throw new HttpError(415, 'unsupported_media_type', 'send the query as application/json');
    await answer(req, res, req.body ?? null);
  });
  router.get('/api/v1/query', async (req, res) => {
    await answer(req, res, readGetQuery(req));
  });
  router.get('/api/v1/query/export', async (req, res) => {
    const { format } = parseWith(ExportQuery, { format: req.query.format });
    const { q, community } = await parse(req, readGetQuery(req));
    const answer = await rangeChecked(() =>
      withMemoryLimit(ctx.db, ctx.config.duckdb.serveWorkMemoryBytes, async () => runQuery(ctx.db, q, await dataState(ctx.db, q.community))),
    );
    const table = queryTable(answer, q.dimensions, q.metrics);
    const write = { csv: writeQueryCsv, json: writeQueryJson, xlsx: writeQueryXlsx }[format];
    const policy = { visibility: community.restricted ? 'private' : 'public', maxAgeSeconds: 60 } as const;
    const disposition = `attachment; filename="${`repostats-query-${community.id}.${format}`.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
    // XLSX is already a zip archive: compressing it again gains nothing.
    await sendStream(req, res, { contentType: CONTENT_TYPES[format], policy, disposition, compress: format !== 'xlsx' }, (out) => write(table, out));
  });
  return router;
}
