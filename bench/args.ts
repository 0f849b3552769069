/**
 * The bench's command line, parsed and checked before anything slow starts.
 *
 *   npm run bench [-- --size small|medium] [--only STEP,…] [--seconds N] [--out FILE] [--keep]
 *   npm run bench -- --db FILE --db-note "how FILE was made" [--only aggregate,serve,query,browser,library]
 *   npm run bench -- --db FILE --db-note "…" --only soak [--soak-minutes N] [--soak-mix reads,exports,ingest]   (soak runs only when asked)
 *   npm run bench -- --only aggregate-pg --ndjson DIR --pg postgres://…     (an empty PostgreSQL database)
 */
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isDemoSizeName } from '../server/demo/sizes';
import { isPostgresUrl } from '../server/storage/open';

export const STEPS = ['import', 'aggregate', 'serve', 'query', 'browser', 'library', 'soak', 'aggregate-pg'] as const;
/** Steps a run without `--only` takes: the soak and PostgreSQL's aggregation (long, and the latter needs a server) only run when asked. */
const DEFAULT_STEPS = STEPS.filter((s) => s !== 'soak' && s !== 'aggregate-pg');
export type Step = (typeof STEPS)[number];
export const SOAK_LOADS = ['reads', 'exports', 'ingest'] as const;
export type SoakLoad = (typeof SOAK_LOADS)[number];

export interface BenchArgs {
  /** The demo size to generate; null with `--db` (the size is read from the file). */
  size: 'tiny' | 'small' | 'medium' | null;
  seed: number;
  endDate: string | null;
  only: Step[];
  /** Whether `--only` was given (then the sections are printed rather than written to BENCHMARKS.md). */
  partial: boolean;
  seconds: number;
  /** How long the soak runs. */
  soakMinutes: number;
  /** What the soak's clients do (`--soak-mix reads,exports,ingest`, default all): to see which raises memory. */
  soakMix: SoakLoad[];
  keep: boolean;
  out: string | null;
  /** For `aggregate-pg`: the demo's NDJSON files (`repostats demo --out DIR`) and an empty PostgreSQL database. */
  pg: { ndjson: string; url: string } | null;
  /** An already imported and aggregated DuckDB file, measured on a copy, and how it was made. */
  db: { file: string; note: string } | null;
}

export class BenchArgsError extends Error {
  constructor(message: string) {
    super(`bench: ${message}`);
    this.name = 'BenchArgsError';
  }
}

/** Generation options that mean nothing when the data comes from a file. */
const GENERATION_OPTIONS = ['size', 'seed', 'end-date'] as const;

/** `--ndjson DIR --pg URL`: both, and only with `--only aggregate-pg`. */
function pgArgs(only: Step[] | null, ndjson: string | undefined, url: string | undefined): BenchArgs['pg'] {
  if (!only?.includes('aggregate-pg')) {
    if (ndjson !== undefined || url !== undefined) throw new BenchArgsError('--ndjson and --pg are for --only aggregate-pg');
    return null;
  }
  if (ndjson === undefined || !existsSync(ndjson) || !statSync(ndjson).isDirectory()) {
    throw new BenchArgsError('--only aggregate-pg needs --ndjson DIR: a directory of records/memberships/events NDJSON files (repostats demo --out DIR --gzip)');
  }
  if (url === undefined || !isPostgresUrl(url)) throw new BenchArgsError('--only aggregate-pg needs --pg postgres://…: an empty PostgreSQL database (scripts/pg-start.sh starts one)');
  return { ndjson, url };
}

/**
 * @example
 * parseBenchArgs(['--db', '/tmp/medium/db.duckdb', '--db-note', 'repostats demo --size medium; repostats aggregate', '--only', 'serve'])
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        size: { type: 'string' },
        seed: { type: 'string' },
        only: { type: 'string' },
        seconds: { type: 'string' },
        'soak-minutes': { type: 'string' },
        'soak-mix': { type: 'string' },
        'end-date': { type: 'string' },
        keep: { type: 'boolean' },
        out: { type: 'string' },
        db: { type: 'string' },
        'db-note': { type: 'string' },
        ndjson: { type: 'string' },
        pg: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new BenchArgsError(error instanceof Error ? error.message : String(error));
  }
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);

  const only = str('only') ? (str('only')!.split(',').map((s) => s.trim()) as Step[]) : null;
  for (const s of only ?? []) {
    if (!STEPS.includes(s)) throw new BenchArgsError(`--only: unknown step "${s}" (expected ${STEPS.join(', ')})`);
  }
  const seconds = Number(str('seconds') ?? '10');
  if (!Number.isFinite(seconds) || seconds <= 0) throw new BenchArgsError(`--seconds: expected a positive number, got "${str('seconds')}"`);
  const soakMinutes = Number(str('soak-minutes') ?? '10');
  if (!Number.isFinite(soakMinutes) || soakMinutes <= 0) throw new BenchArgsError(`--soak-minutes: expected a positive number, got "${str('soak-minutes')}"`);
  const soakMix = (str('soak-mix') ?? SOAK_LOADS.join(',')).split(',').map((s) => s.trim()) as SoakLoad[];
  for (const s of soakMix) {
    if (!SOAK_LOADS.includes(s)) throw new BenchArgsError(`--soak-mix: unknown load "${s}" (expected ${SOAK_LOADS.join(', ')})`);
  }
  const common = { seconds, soakMinutes, soakMix, keep: values.keep === true, out: str('out') ?? null, partial: only !== null, pg: pgArgs(only, str('ndjson'), str('pg')) };

  const file = str('db');
  if (file === undefined) {
    if (str('db-note') !== undefined) throw new BenchArgsError('--db-note describes a --db file; give --db too');
    const size = str('size') ?? 'small';
    if (!isDemoSizeName(size) || size === 'large') {
      throw new BenchArgsError(`--size: expected small or medium (tiny for a quick check), got "${size}"`);
    }
    const seed = Number(str('seed') ?? '1');
    if (!Number.isInteger(seed)) throw new BenchArgsError(`--seed: expected an integer, got "${str('seed')}"`);
    const endDate = str('end-date') ?? null;
    if (endDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(endDate)) throw new BenchArgsError(`--end-date: expected YYYY-MM-DD, got "${endDate}"`);
    return { ...common, size, seed, endDate, only: only ?? [...DEFAULT_STEPS], db: null };
  }

  if (isPostgresUrl(file)) throw new BenchArgsError('--db: expected a DuckDB file, not a PostgreSQL URL');
  if (!existsSync(file) || !statSync(file).isFile()) throw new BenchArgsError(`--db: no such file: ${file}`);
  for (const name of GENERATION_OPTIONS) {
    if (values[name] !== undefined) throw new BenchArgsError(`--${name} generates a data set; with --db the data comes from the file`);
  }
  const note = str('db-note')?.trim() ?? '';
  if (note === '') {
    throw new BenchArgsError('--db needs --db-note "how the file was made" (e.g. the demo and aggregate commands): the report states it');
  }
  if (only?.includes('import')) throw new BenchArgsError('--only import: the import cannot be measured from an already imported --db file');
  return { ...common, size: null, seed: 0, endDate: null, only: only ?? DEFAULT_STEPS.filter((s) => s !== 'import'), db: { file, note } };
}
