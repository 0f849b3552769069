/**
 * POST /api/v1/query (JSON body) and GET /api/v1/query?q=<JSON>: the query API. Both parse the
 * same schema (src/api/query.ts), check access as every community endpoint does, and answer from
 * the response cache, keyed by the normalised query and the data version, with an ETag and
 * br/gzip forms rendered once per answer.
 */
import express, { Router, type Request, type Response } from 'express';
import { QueryRequestSchema, type QueryRequest } from '../../../src/api/query';
import { encodeBody, bodyBytes, type EncodedBody } from '../../cache/encode';
import { Lru } from '../../cache/lru';
import { dataStart, dataVersion, type DataVersion } from '../../query/dataState';
import { runQuery } from '../../query/engine';
import { RangeProblem } from '../../query/range';
import { withMemoryLimit } from '../../storage/open';
import type { ServerContext } from '../context';
import { HttpError, badRequest } from '../errors';
import { parseWith } from '../params';
import { sendEncoded } from '../send';

/** Answers kept in memory, by normalised query and data version. */
const CACHE_BYTES = 32 * 1024 * 1024;
/**
 * How long a community's data version is reused without asking the database: the cached path
 * then answers without a query, and a finished aggregation run shows within this delay.
 */
const VERSION_TTL_MS = 2000;

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
  const cache = new Lru<EncodedBody>(CACHE_BYTES, bodyBytes);
  const versions = new Map<string, { at: number; value: Promise<DataVersion> }>();
  const versionOf = (community: string): Promise<DataVersion> => {
    const now = Date.now();
    const hit = versions.get(community);
    if (hit && now - hit.at < VERSION_TTL_MS) return hit.value;
    const value = dataVersion(ctx.db, community);
    versions.set(community, { at: now, value });
    value.catch(() => versions.delete(community));
    return value;
  };

  async function answer(req: Request, res: Response, input: unknown): Promise<void> {
    const parsed = parseWith(QueryRequestSchema, input);
    const community = await ctx.readableCommunity(req, parsed.community);
    const q: QueryRequest = { ...parsed, community: community.id };
    const version = await versionOf(community.id);
    const key = JSON.stringify([version.version, version.dataAsOf, q]);
    let body = cache.get(key);
    if (!body) {
      const start = await dataStart(ctx.db);
      const result = await withMemoryLimit(ctx.db, ctx.config.duckdb.serveWorkMemoryBytes, async () => {
        try {
          return await runQuery(ctx.db, q, { dataAsOf: version.dataAsOf, dataStart: start });
        } catch (e) {
          if (e instanceof RangeProblem) throw badRequest('date_range', e.message);
          throw e;
        }
      });
      body = await encodeBody(JSON.stringify(result));
      cache.set(key, body);
    }
    const policy = { visibility: community.restricted ? 'private' : 'public', maxAgeSeconds: 60 } as const;
    sendEncoded(req, res, body, { contentType: 'application/json', policy });
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
