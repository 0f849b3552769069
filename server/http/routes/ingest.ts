/**
 * POST /api/v1/ingest/{records|memberships|events} — a JSON array or NDJSON body, admin token
 * required. Every line is validated by the importer: good lines are kept, bad ones are reported
 * with their line number and field path. Size limit → 413; other content types → 415; rate limited.
 */
import express, { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { withMemoryLimit } from '../../storage/open';
import type { ServerContext } from '../context';
import type { IngestKind } from '../deps';
import { requireAdmin } from '../access';
import { HttpError, badRequest } from '../errors';
import { MAX_JSON_DEPTH, nestedDeeperThan, tooDeepMessage } from '../../ingest/jsonDepth';

const KINDS: readonly IngestKind[] = ['records', 'memberships', 'events'];
const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/jsonlines'];
const ACCEPTED = ['application/json', ...NDJSON_TYPES];

/** One JSON text per line for the importer; an array body becomes one line per element, made as it is read. */
export function bodyLines(text: string, json: boolean): Iterable<string> {
  if (!json) return text.split(/\r?\n/);
  // One level for the array that holds the lines.
  if (nestedDeeperThan(text, MAX_JSON_DEPTH + 1)) throw new HttpError(400, 'too_deep', `the body is ${tooDeepMessage}`, 'body');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'the body is not valid JSON; send an array, or NDJSON as application/x-ndjson', 'body');
  }
  const items: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  return (function* () {
    for (const item of items) yield JSON.stringify(item);
  })();
}

export function ingestRouter(ctx: ServerContext): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: ctx.config.ingestRatePerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new HttpError(429, 'rate_limited', `at most ${ctx.config.ingestRatePerMinute} ingest requests per minute`)),
  });

  router.post(
    '/api/v1/ingest/:kind',
    limiter,
    (req, _res, next) => {
      // Authorise and check the kind and type before reading a possibly large body.
      requireAdmin(req, ctx.config);
      if (!(KINDS as readonly string[]).includes(String(req.params.kind))) {
        throw badRequest('kind', `expected one of ${KINDS.join(', ')}`);
      }
      if (!req.is(ACCEPTED)) {
        throw new HttpError(415, 'unsupported_media_type', `send ${ACCEPTED.join(' or ')}`);
      }
      next();
    },
    express.raw({ type: () => true, limit: ctx.config.ingestLimitBytes }),
    async (req, res) => {
      const text = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
      const lines = bodyLines(text, req.is('application/json') !== false);
      // An import, as `repostats import` runs it: with the work budget (a 20,000-event body ran out
      // of memory at the 64 MB serving limit on the medium data set).
      const summary = await withMemoryLimit(ctx.db, ctx.config.duckdb.serveWorkMemoryBytes, () =>
        ctx.domain.importLines(ctx.db, {
          kind: req.params.kind as IngestKind,
          lines,
          source: `http:${req.params.kind}`,
        }),
      );
      ctx.communitiesChanged();
      res.status(summary.rejected > 0 && summary.imported === 0 && summary.skipped === 0 ? 422 : 200).json(summary);
    },
  );
  return router;
}
