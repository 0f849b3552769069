/** `repostats demo [--size …] [--seed N] [--out DIR] [--gzip]` */
import { InvalidArgumentError, type Command } from 'commander';
import { DEMO_SIZE_NAMES, DEMO_SIZES, isDemoSizeName, type DemoSizeName } from '../../demo/generate';
import { loadDemo } from '../../demo/load';
import { writeDemoFiles, type DemoProgress } from '../../demo/write';
import { openDatabase } from '../../storage/open';
import { parseDay } from '../args';
import { createProgress, formatBytes, type Progress } from '../progress';

const EXAMPLES = `
Examples:
  $ repostats demo                                  # small demo straight into $REPOSTATS_DB
  $ repostats demo --size tiny --seed 7             # another tiny repository
  $ repostats demo --size medium --out /tmp/demo --gzip
  $ repostats import memberships /tmp/demo/memberships.ndjson.gz   # then import the files yourself

Sizes: ${DEMO_SIZE_NAMES.map((s) => `${s} (${DEMO_SIZES[s].records.toLocaleString('en')} records, ${DEMO_SIZES[s].events.toLocaleString('en')} events, ${DEMO_SIZES[s].years} y)`).join(', ')}.
The same --size, --seed and --end-date always produce the same repository; importing it again
into the same database counts nothing twice. The end date defaults to yesterday (UTC).`;

interface DemoCliOptions {
  size: DemoSizeName;
  seed: number;
  out?: string;
  gzip?: boolean;
  endDate?: string;
  db?: string;
  workers?: number;
}

function parseSize(value: string): DemoSizeName {
  if (!isDemoSizeName(value)) throw new InvalidArgumentError(`expected one of ${DEMO_SIZE_NAMES.join(', ')}`);
  return value;
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 32 - 1) throw new InvalidArgumentError('expected an integer between 0 and 4294967295');
  return n;
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 16) throw new InvalidArgumentError('expected an integer from 0 to 16');
  return n;
}

export function register(program: Command): void {
  program
    .command('demo')
    .description('generate a realistic demo repository: import it, or write NDJSON files for `repostats import`')
    .option('--size <size>', `${DEMO_SIZE_NAMES.join(' | ')}`, parseSize, 'small' as DemoSizeName)
    .option('--seed <n>', 'random seed (same seed → same repository)', parseSeed, 1)
    .option('--out <dir>', 'write records/memberships/events NDJSON files here instead of importing')
    .option('--gzip', 'with --out: write .ndjson.gz files')
    .option('--end-date <yyyy-mm-dd>', 'last day with data (default: yesterday, UTC)', parseDay)
    .option('--workers <n>', 'with --out: threads generating events (default 2, tiny 0; 0 = this thread)', parseWorkers)
    .option('--db <url>', 'database when importing (default: $REPOSTATS_DB or ./data/repostats.duckdb)')
    .addHelpText('after', EXAMPLES)
    .action(async (options: DemoCliOptions) => {
      process.exitCode = await runDemo(options);
    });
}

/** One progress bar per input kind, switched as the generator moves on. */
function progressReporter(verb: string): { onProgress: (p: DemoProgress) => void; stop: () => void } {
  let current: { kind: string; bar: Progress } | null = null;
  return {
    onProgress: (p) => {
      if (current?.kind !== p.kind) {
        current?.bar.stop();
        current = { kind: p.kind, bar: createProgress({ label: `${verb} ${p.kind}`, total: p.expected, format: (n) => n.toLocaleString('en') }) };
      }
      current.bar.update(Math.min(p.lines, p.expected), `${p.lines.toLocaleString('en')} lines`);
    },
    stop: () => current?.bar.stop(),
  };
}

export async function runDemo(options: DemoCliOptions): Promise<number> {
  const started = Date.now();
  const base = { size: options.size, seed: options.seed, ...(options.endDate ? { endDate: options.endDate } : {}) };
  if (options.out) {
    const progress = progressReporter('write');
    const result = await writeDemoFiles({
      ...base,
      outDir: options.out,
      gzip: options.gzip ?? false,
      onProgress: progress.onProgress,
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
    });
    progress.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`demo ${options.size}, seed ${options.seed}, ${result.startDate} … ${result.endDate}: written in ${seconds} s\n`);
    for (const f of result.files) process.stdout.write(`  ${f.path}: ${f.lines.toLocaleString('en')} ${f.kind} (${formatBytes(f.bytes)})\n`);
    const pathOf = (kind: string) => result.files.find((f) => f.kind === kind)!.path;
    process.stdout.write(`Next: ${['memberships', 'records', 'events'].map((k) => `repostats import ${k} ${pathOf(k)}`).join(' && ')}\n`);
    return 0;
  }
  const db = await openDatabase(options.db);
  try {
    const progress = progressReporter('import');
    const result = await loadDemo(db, { ...base, onProgress: progress.onProgress });
    progress.stop();
    process.stdout.write(
      `demo ${options.size}, seed ${options.seed}, ${result.startDate} … ${result.endDate}: imported in ${(result.durationMs / 1000).toFixed(1)} s\n`,
    );
    let rejected = 0;
    for (const s of result.summaries) {
      rejected += s.rejected;
      process.stdout.write(
        `  ${s.kind}: ${s.lines.toLocaleString('en')} lines, ${s.imported.toLocaleString('en')} imported, ` +
          `${s.skipped.toLocaleString('en')} already stored, ${s.rejected} rejected (${(s.durationMs / 1000).toFixed(1)} s)\n`,
      );
    }
    process.stdout.write('Next: repostats aggregate\n');
    return rejected > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}
