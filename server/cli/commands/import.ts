/** `repostats import records|memberships|events FILE…` */
import type { Command } from 'commander';
import { INPUT_KINDS, type InputKind } from '../../ingest/inputs';
import { formatIssue, importFile, type ImportSummary } from '../../ingest';
import { openDatabase } from '../../storage/open';
import { createProgress, formatBytes } from '../progress';

const EXAMPLES = `
Examples:
  $ repostats import records records.ndjson
  $ repostats import memberships memberships.ndjson.gz
  $ repostats import events events-2024-*.ndjson.gz
  $ REPOSTATS_DB=postgres://stats@localhost/stats repostats import events hits.ndjson

Each line is one JSON object. Bad lines are reported as FILE:LINE: PATH: MESSAGE and skipped;
every good line is imported. Importing the same file twice imports nothing twice.
Exit status: 0 when every line was valid, 1 when any line was rejected, 2 on other errors.`;

export function register(program: Command): void {
  program
    .command('import')
    .description('import NDJSON (or .gz) records, membership events or usage events')
    .argument('<kind>', `what the files hold: ${INPUT_KINDS.join(' | ')}`)
    .argument('<files...>', 'NDJSON files, plain or gzip-compressed')
    .option('--db <url>', 'database (a DuckDB file or a postgres:// URL; default: $REPOSTATS_DB or ./data/repostats.duckdb)')
    .addHelpText('after', EXAMPLES)
    .action(async (kind: string, files: string[], options: { db?: string }) => {
      if (!(INPUT_KINDS as readonly string[]).includes(kind)) {
        program.error(`error: unknown kind '${kind}' (expected ${INPUT_KINDS.join(', ')})`, { exitCode: 2 });
      }
      process.exitCode = await runImport({ kind: kind as InputKind, files, db: options.db });
    });
}

export async function runImport(options: { kind: InputKind; files: readonly string[]; db?: string }): Promise<number> {
  const db = await openDatabase(options.db);
  let rejected = 0;
  try {
    for (const path of options.files) {
      const summary = await importOne(db, options.kind, path);
      rejected += summary.rejected;
    }
  } finally {
    await db.close();
  }
  return rejected > 0 ? 1 : 0;
}

async function importOne(db: Awaited<ReturnType<typeof openDatabase>>, kind: InputKind, path: string): Promise<ImportSummary> {
  let progress: ReturnType<typeof createProgress> | null = null;
  const summary = await importFile(db, {
    kind,
    path,
    onProgress: (p) => {
      progress ??= createProgress({ label: `import ${kind} ${path}`, total: p.totalBytes ?? 0, format: formatBytes });
      progress.update(p.bytes ?? 0, `${p.lines.toLocaleString('en')} lines`);
    },
  });
  (progress as ReturnType<typeof createProgress> | null)?.stop();
  for (const issue of summary.errors) process.stderr.write(`${formatIssue(issue)}\n`);
  if (summary.errorsOmitted > 0) process.stderr.write(`${path}: … and ${summary.errorsOmitted} more problems\n`);
  const rate = summary.durationMs > 0 ? Math.round((summary.lines / summary.durationMs) * 1000) : summary.lines;
  const n = (x: number) => x.toLocaleString('en');
  process.stdout.write(
    `${path}: ${kind}: ${n(summary.lines)} lines, ${n(summary.imported)} imported, ${n(summary.skipped)} skipped (already stored), ` +
      `${n(summary.rejected)} rejected in ${(summary.durationMs / 1000).toFixed(1)} s (${n(rate)} lines/s)\n`,
  );
  return summary;
}
