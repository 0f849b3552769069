/**
 * A response body rendered once in every encoding we serve, with its ETag.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gunzip, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const gunz = promisify(gunzip);

/** A body in the compressed forms clients ask for; what the in-memory bundle cache keeps. */
export interface CompressedBody {
  etag: string;
  gzip: Buffer;
  br: Buffer;
  builtAt: string;
}

export interface EncodedBody extends CompressedBody {
  identity: Buffer;
}

/** The body's bytes in memory: what a cache bounded by bytes counts. */
export function bodyBytes(body: CompressedBody & { identity?: Buffer }): number {
  return body.gzip.length + body.br.length + (body.identity?.length ?? 0);
}

/** Only the compressed forms (the identity form of a bundle is ~55 % of its three forms). */
export function compressedOnly(body: EncodedBody): CompressedBody {
  return { etag: body.etag, gzip: body.gzip, br: body.br, builtAt: body.builtAt };
}

/** The identity form again, from the gzip one (a few ms for a 2 MB bundle, off the event loop). */
export async function withIdentity(body: CompressedBody & { identity?: Buffer }): Promise<EncodedBody> {
  return body.identity ? (body as EncodedBody) : { ...body, identity: await gunz(body.gzip) };
}

export function etagOf(body: Buffer | string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * Brotli quality 9 rather than 11: within a few percent of the size at a fraction of the time,
 * which matters when a run rebuilds every affected community-year.
 */
export async function encodeBody(text: string, builtAt = new Date().toISOString()): Promise<EncodedBody> {
  const identity = Buffer.from(text, 'utf8');
  const [g, b] = await Promise.all([
    gz(identity, { level: 9 }),
    brotli(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 9,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
  ]);
  return { etag: etagOf(identity), identity, gzip: g, br: b, builtAt };
}

export type Encoding = 'br' | 'gzip' | 'identity';

/** Pick the encoding from `Accept-Encoding`, preferring brotli, honouring `q=0`. */
export function negotiateEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name, qp ? Number(qp.slice(2)) : 1);
  }
  const accepts = (enc: string) => (q.get(enc) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}
