/**
 * Hard-case support: a tiny demo repository written as NDJSON once per test file, imported into
 * DuckDB files through the real importer, and the real CLI run (and killed) as a child process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeDemoFiles, type WrittenFile } from '../../server/demo/write';
import { importFile } from '../../server/ingest';
import { openDatabase } from '../../server/storage/open';
import type { SqlEngine } from '../../server/storage/port';

export const CLI = resolve(import.meta.dirname, '../../server/bin/repostats.js');

/** The demo ends on a fixed day so every run sees the same repository. */
export const TINY = { size: 'tiny', seed: 3, endDate: '2024-12-31' } as const;

export async function writeTinyDemo(): Promise<{ dir: string; files: Record<WrittenFile['kind'], string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'repostats-hard-'));
  const { files } = await writeDemoFiles({ ...TINY, outDir: dir, workers: 0 });
  const path = (kind: WrittenFile['kind']) => files.find((f) => f.kind === kind)!.path;
  return { dir, files: { records: path('records'), memberships: path('memberships'), events: path('events') } };
}

export async function withDb<T>(path: string, fn: (db: SqlEngine) => Promise<T>): Promise<T> {
  const db = await openDatabase(path);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export async function importAll(dbPath: string, files: Record<WrittenFile['kind'], string>): Promise<void> {
  await withDb(dbPath, async (db) => {
    for (const kind of ['memberships', 'records', 'events'] as const) await importFile(db, { kind, path: files[kind] });
  });
}

/** Deterministic pseudo-random numbers: the kill points are the same on every run. */
export { mulberry32 as seeded } from '../../server/demo/random';

export interface CliOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  killed: boolean;
  output: string;
}

/** Runs the CLI; with `killAfterMs`, SIGKILLs it after that long (unless it ended first). */
/**
 * Runs the CLI; `killAfterMs` SIGKILLs it after a delay, `killAtLine` when the nth output line
 * matching `pattern` appears (tied to the work's own progress, so it lands mid-run on any machine).
 */
export function runCli(
  args: string[],
  opts: { killAfterMs?: number; killAtLine?: { pattern: RegExp; nth: number }; env?: Record<string, string> } = {},
): Promise<CliOutcome> {
  return new Promise((ok, fail) => {
    // Every progress step as a line, so `killAtLine` can follow the work.
    const env = { ...process.env, REPOSTATS_PROGRESS_INTERVAL_MS: '0', ...opts.env };
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    let killed = false;
    let seen = 0;
    const watch = (d: Buffer) => {
      output += d;
      if (!opts.killAtLine || killed) return;
      seen += d.toString().split('\n').filter((line) => opts.killAtLine!.pattern.test(line)).length;
      if (seen >= opts.killAtLine.nth) killed = child.kill('SIGKILL');
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    const timer = opts.killAfterMs === undefined ? null : setTimeout(() => {
      killed = child.kill('SIGKILL');
    }, opts.killAfterMs);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      ok({ code, signal, killed: killed && signal === 'SIGKILL', output });
    });
  });
}

export interface ServingCli {
  url: string;
  child: ChildProcess;
  /** What the server wrote to stderr so far. */
  log(): string;
  /** SIGTERM, resolved when it has exited. */
  stop(): Promise<void>;
}

/** Starts `repostats serve --port 0 …args` and resolves with its URL once it is listening. */
export async function startServeCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ServingCli> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /serving on (http:\/\/\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}${log}`)));
    });
    return { url, child, log: () => log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
/**
 * The tiny demo imported and aggregated by the CLI in child processes (so this process's peak
 * memory is not theirs), in a fresh DuckDB file; its `global` bundles of 2024 hold ~320,000 export rows.
 */
export async function aggregatedTinyDemo(): Promise<string> {
  const db = join(mkdtempSync(join(tmpdir(), 'repostats-hard-')), 'demo.duckdb');
  const env = { REPOSTATS_DB: db };
  for (const args of [['demo', '--size', TINY.size, '--seed', String(TINY.seed), '--end-date', TINY.endDate], ['aggregate', '--today', TINY.endDate]]) {
    const run = await runCli(args, { env });
    if (run.code !== 0) throw new Error(`repostats ${args[0]} failed:\n${run.output}`);
  }
  return db;
}

/** The most memory this process has held so far, in MB (exact, unlike sampling `rss`). */
export const peakRssMB = () => process.resourceUsage().maxRSS / 1024;
