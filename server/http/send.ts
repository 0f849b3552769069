/**
 * Sending pre-encoded bodies: ETag / If-None-Match → 304, Accept-Encoding negotiation with
 * `Vary`, Cache-Control. The body is never re-compressed per request.
 */
import type { Request, Response } from 'express';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { type CompressedBody, type Encoding, etagOf, negotiateEncoding } from '../cache/encode';
import { jsonBody } from './jsonBody';

export interface CachePolicy {
  /** `private` for restricted communities (a shared cache must not hand them out). */
  visibility: 'public' | 'private';
  maxAgeSeconds: number;
}

export function cacheControl(p: CachePolicy): string {
  return `${p.visibility}, max-age=${p.maxAgeSeconds}, must-revalidate`;
}

/** Past years change only when history is recomputed; the current year changes every run. */
export function seriesPolicy(options: { year: number; now: Date; restricted: boolean }): CachePolicy {
  const current = options.year >= options.now.getUTCFullYear();
  return { visibility: options.restricted ? 'private' : 'public', maxAgeSeconds: current ? 300 : 86_400 };
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  // Compare weakly: a proxy may have turned our strong tag into W/"…".
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

/** A pre-encoded body; `identity` may be left out when the request will not get it (see `bodyEncoding`). */
export type SendableBody = CompressedBody & { identity?: Buffer };

/**
 * What `sendEncoded` will answer this request with: `not-modified` (304, no body) or the encoding
 * of the body. Lets a caller holding only the compressed forms inflate the identity form when,
 * and only when, it will be sent.
 */
export function bodyEncoding(req: Request, etag: string, options: { compress?: boolean } = {}): Encoding | 'not-modified' {
  if (matches(req.get('if-none-match'), etag)) return 'not-modified';
  return options.compress === false ? 'identity' : negotiateEncoding(req.get('accept-encoding'));
}

/** `Last-Modified` of a cached body, formatted once: the series hot path sends it on every answer. */
const lastModified = new WeakMap<CompressedBody, string>();

/**
 * Send a pre-encoded body: a lookup and a socket write, nothing per request that could be done
 * once (the cached series path answers thousands of requests per second). Returns the bytes sent
 * with a 200, or null (a 304, or a HEAD).
 */
export function sendEncoded(
  req: Request,
  res: Response,
  body: SendableBody,
  options: { contentType: string; policy: CachePolicy; disposition?: string; compress?: boolean },
): Buffer | null {
  let modified = lastModified.get(body);
  if (modified === undefined) lastModified.set(body, (modified = new Date(body.builtAt).toUTCString()));
  res.setHeader('ETag', body.etag);
  // Appended, not set: CORS has already put `Origin` there for allow-listed origins.
  res.vary('Accept-Encoding');
  res.vary('Authorization');
  res.setHeader('Cache-Control', cacheControl(options.policy));
  res.setHeader('Last-Modified', modified);
  if (options.disposition) res.setHeader('Content-Disposition', options.disposition);
  const encoding = bodyEncoding(req, body.etag, options);
  if (encoding === 'not-modified') {
    res.statusCode = 304;
    res.end();
    return null;
  }
  const payload = encoding === 'br' ? body.br : encoding === 'gzip' ? body.gzip : body.identity;
  if (!payload) throw new Error('sendEncoded: the identity form was not provided for a request that wants it');
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.type(options.contentType);
  res.setHeader('Content-Length', payload.length);
  res.statusCode = 200;
  if (req.method === 'HEAD') {
    res.end();
    return null;
  }
  res.end(payload);
  return payload;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
/** Below this, compression costs more than it saves. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * JSON computed per request (raw documents, reference queries, top records): an ETag over the
 * body so a client can revalidate, and compression chosen by `Accept-Encoding` — fast settings,
 * since this runs on every request rather than once per aggregation run.
 */
export async function sendJson(
  req: Request,
  res: Response,
  value: unknown,
  options: { policy?: CachePolicy } = {},
): Promise<void> {
  const identity = await jsonBody(value);
  const etag = etagOf(identity);
  res.set('ETag', etag);
  res.vary('Accept-Encoding');
  res.vary('Authorization');
  if (options.policy) res.set('Cache-Control', cacheControl(options.policy));
  if (matches(req.get('if-none-match'), etag)) {
    res.status(304).end();
    return;
  }
  const encoding = identity.length < COMPRESS_FROM_BYTES ? 'identity' : negotiateEncoding(req.get('accept-encoding'));
  const payload =
    encoding === 'br'
      ? await brotliAsync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } })
      : encoding === 'gzip'
        ? await gzipAsync(identity, { level: 6 })
        : identity;
  if (encoding !== 'identity') res.set('Content-Encoding', encoding);
  res.type('application/json');
  res.set('Content-Length', String(payload.length));
  res.status(200).end(req.method === 'HEAD' ? undefined : payload);
}
