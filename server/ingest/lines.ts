/**
 * Where NDJSON lines come from: files (plain or gzip, detected by magic bytes), in-memory line
 * iterables, or JSON arrays posted to the HTTP API.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

export interface FileLines {
  lines: AsyncIterable<string>;
  /** Bytes read from the file so far (compressed bytes for .gz), for progress. */
  bytesRead: () => number;
  /** The file's size in bytes. */
  totalBytes: number;
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

export async function readFileLines(path: string): Promise<FileLines> {
  const { size } = await stat(path);
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  let bytes = 0;
  file.on('data', (chunk) => (bytes += chunk.length));
  const input: Readable = (await isGzip(path)) ? file.pipe(createGunzip()) : file;
  // A gunzip error must reach the reader, not crash the process unhandled.
  file.on('error', (e) => input.destroy(e));
  return {
    lines: createInterface({ input, crlfDelay: Infinity }),
    bytesRead: () => bytes,
    totalBytes: size,
  };
}

/** A JSON array body (HTTP API) as lines, one per element. */
export function jsonArrayLines(items: readonly unknown[]): Iterable<string> {
  return items.map((item) => JSON.stringify(item));
}

/** An NDJSON text (HTTP API body) as lines. */
export function ndjsonTextLines(text: string): Iterable<string> {
  return text.split(/\r?\n/);
}
