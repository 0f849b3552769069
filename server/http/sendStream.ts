/**
 * Sending a body that is written as it is produced (exports, reference queries): the same headers
 * as `sendEncoded` (ETag when the body is known by one, Vary, Cache-Control), compression chosen
 * by `Accept-Encoding` as a stream, and backpressure left to the writer (`ChunkWriter`). Nothing
 * holds the whole body. An error before the first byte becomes the usual JSON error; after it,
 * the connection is cut so the client sees an incomplete body rather than a wrong one.
 */
import type { Request, Response } from 'express';
import type { Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import { negotiateEncoding } from '../cache/encode';
import { bodyEncoding, cacheControl, type CachePolicy } from './send';

export interface StreamOptions {
  contentType: string;
  policy: CachePolicy;
  /** A tag that identifies the body before it is written (e.g. the source bundle's ETag + format). */
  etag?: string;
  disposition?: string;
  /** `false` for bodies that are compressed already (XLSX is a zip). */
  compress?: boolean;
}

function compressor(encoding: 'gzip' | 'br') {
  return encoding === 'gzip'
    ? createGzip({ level: 6 })
    : createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
}

export async function sendStream(
  req: Request,
  res: Response,
  options: StreamOptions,
  write: (out: Writable) => Promise<void>,
): Promise<void> {
  if (options.etag) res.setHeader('ETag', options.etag);
  res.vary('Accept-Encoding');
  res.vary('Authorization');
  res.setHeader('Cache-Control', cacheControl(options.policy));
  if (options.disposition) res.setHeader('Content-Disposition', options.disposition);
  const encoding = options.etag
    ? bodyEncoding(req, options.etag, { compress: options.compress })
    : options.compress === false
      ? 'identity'
      : negotiateEncoding(req.get('accept-encoding'));
  if (encoding === 'not-modified') {
    res.status(304).end();
    return;
  }
  res.type(options.contentType);
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.status(200);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const zip = encoding === 'identity' ? null : compressor(encoding);
  // A client that goes away destroys the compressor too, which stops the writer.
  const piped = zip ? pipeline(zip, res) : finished(res);
  piped.catch(() => undefined);
  const out: Writable = zip ?? res;
  try {
    await write(out);
    out.end();
    await piped;
  } catch (error) {
    zip?.destroy();
    // The client went away: nothing to answer, and nothing went wrong here.
    if (res.destroyed && !res.writableFinished) return;
    if (res.headersSent) {
      res.destroy(error as Error);
      return;
    }
    for (const name of ['Content-Encoding', 'Content-Disposition', 'ETag']) res.removeHeader(name);
    throw error;
  }
}
