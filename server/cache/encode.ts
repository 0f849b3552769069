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

/** A q-value as RFC 9110 §12.4.2 writes it (`0`, `0.5`, `1.000`); anything else is not one. */
const QVALUE = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/;

/**
 * Pick the encoding from `Accept-Encoding` by its q-values: the highest weighted of brotli and
 * gzip (brotli on a tie), none with `q=0`; identity when neither is acceptable. A member with a
 * malformed q-value is ignored.
 *
 * @example
 * negotiateEncoding('br;q=0.5, gzip') // 'gzip'
 */
export function negotiateEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (!name) continue;
    const qp = params.find((p) => /^q\s*=/.test(p));
    const value = qp === undefined ? '1' : qp.replace(/^q\s*=\s*/, '');
    if (!QVALUE.test(value)) continue;
    q.set(name, Number(value));
  }
  const weight = (enc: string) => q.get(enc) ?? q.get('*') ?? 0;
  const [br, gzip] = [weight('br'), weight('gzip')];
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return 'identity';
}
