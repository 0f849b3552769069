/**
 * POST /api/v1/query (JSON body) and GET /api/v1/query?q=<JSON>: the query API. Both parse the
 * same schema (src/api/query.ts), check access as every community endpoint does, and answer from
 * the response cache (server/cache/queryCache.ts: by normalised query and the community's data
 * version, an ETag and br/gzip forms rendered once per answer; `X-Cache: hit|miss` says which).
 */
import express, { Router, type Request, type Response } from 'express';
import { QueryRequestSchema, type QueryRequest } from '../../../src/api/query';
import { RangeProblem } from '../../query/range';
import type { ServerContext } from '../context';
import { HttpError, badRequest } from '../errors';
import { parseWith } from '../params';
import { sendEncoded } from '../send';

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

export function queryRouter(ctx: ServerContext): Router {
  const router = Router();

  async function answer(req: Request, res: Response, input: unknown): Promise<void> {
    const parsed = parseWith(QueryRequestSchema, input);
    const community = await ctx.readableCommunity(req, parsed.community);
    const q: QueryRequest = { ...parsed, community: community.id };
    let found;
    try {
      found = await ctx.queryCache.answer(q);
    } catch (e) {
      if (e instanceof RangeProblem) throw badRequest('date_range', e.message);
      throw e;
    }
    res.setHeader('X-Cache', found.hit ? 'hit' : 'miss');
    const policy = { visibility: community.restricted ? 'private' : 'public', maxAgeSeconds: 60 } as const;
    sendEncoded(req, res, found.body, { contentType: 'application/json', policy });
  }

  router.post('/api/v1/query', express.json({ limit: '64kb', type: 'application/json' }), async (req, res) => {
    if (!req.is('application/json')) throw new HttpError(415, 'unsupported_media_type', 'send the query as application/json');
    await answer(req, res, req.body ?? null);
  });
  router.get('/api/v1/query', async (req, res) => {
    await answer(req, res, readGetQuery(req));
  });
  return router;
}
