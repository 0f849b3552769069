/**
 * Writes a demo repository as the three NDJSON files `repostats import` reads (optionally gzipped).
 * Lines are batched into ~1 MB chunks and written with backpressure, so memory stays flat and the
 * disk (or gzip) sets the pace.
 */
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { generateDemo, type DemoOptions } from './generate';
import { startEventWorkers } from './parallel';

export type DemoFileKind = 'records' | 'memberships' | 'events';

export interface DemoProgress {
  kind: DemoFileKind;
  lines: number;
  /** Expected lines for this file when known (events: planned). */
  expected: number;
}

export interface WrittenFile {
  kind: DemoFileKind;
  path: string;
  lines: number;
  bytes: number;
}

export interface WriteDemoOptions extends DemoOptions {
  outDir: string;
  gzip?: boolean;
  /** Worker threads generating events (0: in this thread). Default: 2 for sizes above tiny. */
  workers?: number;
  onProgress?: (progress: DemoProgress) => void;
}

const CHUNK_CHARS = 1 << 20;
const PROGRESS_EVERY = 50_000;

/** JSON lines of any iterable, one string per object. */
export function* toLines(items: Iterable<unknown>): Generator<string> {
  for (const item of items) yield JSON.stringify(item);
}

/** Groups lines into ~1 MB NDJSON chunks. */
async function* chunksOf(lines: Iterable<string>): AsyncGenerator<{ text: string; lines: number }> {
  let text = '';
  let count = 0;
  for (const line of lines) {
    text += line + '\n';
    count++;
    if (text.length >= CHUNK_CHARS || count >= PROGRESS_EVERY) {
      yield { text, lines: count };
      text = '';
      count = 0;
    }
  }
  if (count > 0) yield { text, lines: count };
}

async function writeChunks(
  path: string,
  chunks: AsyncIterable<{ text: string; lines: number }>,
  options: { gzip: boolean; onLines: (count: number) => void },
): Promise<number> {
  const file = createWriteStream(path);
  const gzip = options.gzip ? createGzip({ level: 4 }) : null;
  if (gzip) gzip.pipe(file);
  const sink: Writable = gzip ?? file;
  let count = 0;
  for await (const chunk of chunks) {
    count += chunk.lines;
    options.onLines(count);
    if (!sink.write(chunk.text)) await once(sink, 'drain');
  }
  sink.end();
  await once(file, 'close');
  options.onLines(count);
  return count;
}

/**
 * Generates the demo and writes `records.ndjson`, `memberships.ndjson`, `events.ndjson`
 * (`.ndjson.gz` with `gzip`) into `outDir`, creating it if needed.
 *
 * @example
 * await writeDemoFiles({ size: 'medium', seed: 1, outDir: '/tmp/demo', gzip: true });
 */
export async function writeDemoFiles(options: WriteDemoOptions): Promise<{ files: WrittenFile[]; endDate: string; startDate: string }> {
  const demo = generateDemo(options);
  mkdirSync(options.outDir, { recursive: true });
  const ext = options.gzip ? '.ndjson.gz' : '.ndjson';
  const workers = options.workers ?? (options.size === 'tiny' ? 0 : 2);
  // Workers start now and generate events while this thread writes records and memberships.
  const parallel = workers > 0 ? startEventWorkers(demo.plan, { workers, endDate: demo.endDate }) : null;
  const events = parallel?.chunks ?? chunksOf(toLines(demo.events));
  const sources: [DemoFileKind, AsyncIterable<{ text: string; lines: number }>, number][] = [
    ['records', chunksOf(toLines(demo.records)), demo.planned.records],
    ['memberships', chunksOf(toLines(demo.memberships)), demo.planned.records],
    ['events', events, demo.planned.events],
  ];
  const files: WrittenFile[] = [];
  try {
    for (const [kind, chunks, expected] of sources) {
      const path = join(options.outDir, `${kind}${ext}`);
      const lines = await writeChunks(path, chunks, {
        gzip: options.gzip ?? false,
        onLines: (count) => options.onProgress?.({ kind, lines: count, expected }),
      });
      files.push({ kind, path, lines, bytes: statSync(path).size });
    }
  } finally {
    await parallel?.close();
  }
  return { files, endDate: demo.endDate, startDate: demo.startDate };
}
