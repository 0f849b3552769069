import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { encodeBody, negotiateEncoding } from './encode';

describe('negotiateEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['deflate', 'identity'],
    ['gzip;q=0, br;q=0', 'identity'],
    ['br;q=0.5, gzip', 'gzip'],
    ['gzip;q=0.2, br;q=0.8', 'br'],
    ['BR; Q=0, gzip;q=0.1', 'gzip'],
    ['*;q=0.1, gzip;q=0.5', 'gzip'],
    ['br;q=0x1, gzip', 'gzip'],
    ['br;q=1e0', 'identity'],
  ] as const)('when Accept-Encoding is %j, then %s is chosen', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe('encodeBody', () => {
  it('when a body is encoded, then every form decodes to the same text and the ETag follows the content', async () => {
    const text = JSON.stringify({ dates: Array.from({ length: 366 }, (_, i) => i) });
    const a = await encodeBody(text);
    expect(gunzipSync(a.gzip).toString()).toBe(text);
    expect(brotliDecompressSync(a.br).toString()).toBe(text);
    expect(a.identity.toString()).toBe(text);
    expect((await encodeBody(text)).etag).toBe(a.etag);
    expect((await encodeBody(text + ' ')).etag).not.toBe(a.etag);
  });
});
