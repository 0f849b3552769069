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

/** Whether a file is gzip-compressed (by its magic bytes, not its name). */
export async function isGzip(path: string): Promise<boolean> {
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
  const gzip = await isGzip(path);
  let file: ReturnType<typeof createReadStream> | null = null;
  // The stream opens when iteration starts: readline drops lines emitted before anyone listens,
  // and the importer does some database work before it reads the first line.
  async function* lines(): AsyncGenerator<string> {
    file = createReadStream(path, { highWaterMark: 1 << 20 });
    const input: Readable = gzip ? file.pipe(createGunzip()) : file;
    // A read error must reach the reader, not crash the process unhandled.
    if (gzip) file.on('error', (e) => input.destroy(e));
    yield* createInterface({ input, crlfDelay: Infinity });
  }
  return { lines: lines(), bytesRead: () => file?.bytesRead ?? 0, totalBytes: size };
}

/** A JSON array body (HTTP API) as lines, one per element. */
export function jsonArrayLines(items: readonly unknown[]): Iterable<string> {
  return items.map((item) => JSON.stringify(item));
}

/** An NDJSON text (HTTP API body) as lines. */
export function ndjsonTextLines(text: string): Iterable<string> {
  return text.split(/\r?\n/);
}
