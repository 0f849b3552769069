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
  onProgress?: (progress: DemoProgress) => void;
}

const CHUNK_CHARS = 1 << 20;
const PROGRESS_EVERY = 50_000;

/** JSON lines of any iterable, one string per object. */
export function* toLines(items: Iterable<unknown>): Generator<string> {
  for (const item of items) yield JSON.stringify(item);
}

async function writeLines(
  path: string,
  lines: Iterable<string>,
  options: { gzip: boolean; onLines: (count: number) => void },
): Promise<number> {
  const file = createWriteStream(path);
  const gzip = options.gzip ? createGzip({ level: 4 }) : null;
  if (gzip) gzip.pipe(file);
  const sink: Writable = gzip ?? file;
  let chunk = '';
  let count = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    const ok = sink.write(chunk);
    chunk = '';
    if (!ok) await once(sink, 'drain');
  };
  for (const line of lines) {
    chunk += line + '\n';
    count++;
    if (count % PROGRESS_EVERY === 0) options.onLines(count);
    if (chunk.length >= CHUNK_CHARS) await flush();
  }
  await flush();
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
  const sources: [DemoFileKind, Iterable<unknown>, number][] = [
    ['records', demo.records, demo.planned.records],
    ['memberships', demo.memberships, demo.planned.records],
    ['events', demo.events, demo.planned.events],
  ];
  const files: WrittenFile[] = [];
  for (const [kind, items, expected] of sources) {
    const path = join(options.outDir, `${kind}${ext}`);
    const lines = await writeLines(path, toLines(items), {
      gzip: options.gzip ?? false,
      onLines: (count) => options.onProgress?.({ kind, lines: count, expected }),
    });
    files.push({ kind, path, lines, bytes: statSync(path).size });
  }
  return { files, endDate: demo.endDate, startDate: demo.startDate };
}
