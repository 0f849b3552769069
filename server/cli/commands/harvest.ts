/** `repostats harvest --from URL [--token T] [--size N] [--full] [--max-pages N] [--no-deleted] [--query Q]` */
import { InvalidArgumentError, type Command } from 'commander';
import { loadHarvestConfig } from '../../config';
import { formatIssue } from '../../ingest';
import { HarvestError } from '../../harvest/fetchPage';
import { runHarvest, type HarvestReport } from '../../harvest/harvest';
import { openDatabase } from '../../storage/open';
import { createProgress, type Progress } from '../progress';

const EXAMPLES = `
Examples:
  $ repostats harvest --from https://repo.example.org/api/records
  $ REPOSTATS_HARVEST_TOKEN=… repostats harvest --from https://repo.example.org/api/records   # deleted records too (admin token)
  $ repostats harvest --from https://repo.example.org/api/records --max-pages 50              # a slice now, the rest next time
  $ repostats harvest --from https://repo.example.org/api/records --full                      # everything again

Pages through the InvenioRDM records API (every version, oldest first, links.next) and upserts each
record; deleted records arrive with their tombstones when the token may see them. The first run
takes everything; later runs ask only for records updated since the last complete run. The place
reached is kept in the database after every page, so an interrupted run resumes there. Network
errors, 429 and 5xx are retried with backoff; any other refusal (401, 403, 404, 400) stops the run.
Exit status: 0 when every record was valid, 1 when any was rejected, 2 on other errors.`;

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
};

interface HarvestCommandOptions {
  from: string;
  token?: string;
  size: number;
  window?: number;
  full?: boolean;
  maxPages?: number;
  deleted: boolean;
  query?: string;
  db?: string;
}

export function register(program: Command): void {
  program
    .command('harvest')
    .description('harvest records from an InvenioRDM records API (incremental, resumable)')
    .requiredOption('--from <url>', 'the records API, e.g. https://repo.example.org/api/records')
    .option('--token <token>', 'bearer token (an InvenioRDM personal access token; default: $REPOSTATS_HARVEST_TOKEN)')
    .option('--size <n>', 'records per page', positive, 100)
    .option('--window <n>', 'records per search before a new one starts (the site\'s max result window)', positive)
    .option('--full', 'ignore the last harvest: take every record again')
    .option('--max-pages <n>', 'stop after N pages; the next run resumes there', positive)
    .option('--no-deleted', 'do not ask for deleted records (include_deleted)')
    .option('--query <q>', 'an extra search query, ANDed with the harvest\'s own')
    .option('--db <url>', 'database (a DuckDB file or a postgres:// URL; default: $REPOSTATS_DB or ./data/repostats.duckdb)')
    .addHelpText('after', EXAMPLES)
    .action(async (options: HarvestCommandOptions) => {
      try {
        new URL(options.from);
      } catch {
        program.error(`error: --from ${options.from} is not a URL`, { exitCode: 2 });
      }
      process.exitCode = await runHarvestCommand(options);
    });
}

export async function runHarvestCommand(options: HarvestCommandOptions): Promise<number> {
  const token = options.token ?? loadHarvestConfig().token;
  const db = await openDatabase(options.db);
  let progress: Progress | null = null;
  let report: HarvestReport;
  try {
    report = await runHarvest(db, {
      from: options.from, token, size: options.size, window: options.window, full: options.full,
      maxPages: options.maxPages, includeDeleted: options.deleted, query: options.query,
      onProgress: ({ records, total, pages }) => {
        progress ??= createProgress({ label: `harvest ${new URL(options.from).host}`, total: total ?? 0 });
        progress.update(records, `${pages.toLocaleString('en')} pages`);
      },
      onRetry: ({ attempt, waitMs, reason }) => process.stderr.write(`harvest: ${reason}; retry ${attempt} in ${(waitMs / 1000).toFixed(1)} s\n`),
    });
  } catch (error) {
    (progress as Progress | null)?.stop();
    if (!(error instanceof HarvestError)) throw error;
    process.stderr.write(`repostats harvest: ${error.message}\nThe place reached is kept: run the same command again to resume.\n`);
    return 2;
  } finally {
    await db.close();
  }
  (progress as Progress | null)?.stop();
  for (const issue of report.errors) process.stderr.write(`${formatIssue(issue)}\n`);
  process.stdout.write(`${summaryLine(report)}\n`);
  return report.rejected > 0 ? 1 : 0;
}

export function summaryLine(r: HarvestReport): string {
  const n = (x: number) => x.toLocaleString('en');
  const scope = r.since ? `records updated since ${r.since}` : 'every record';
  const head = `${r.from}: ${scope}${r.resumed ? ' (resumed)' : ''}: ${n(r.pages)} pages, ${n(r.records)} records, ` +
    `${n(r.imported)} imported, ${n(r.skipped)} unchanged, ${n(r.rejected)} rejected, ${n(r.deleted)} deleted, in ${(r.durationMs / 1000).toFixed(1)} s.`;
  return r.complete ? `${head} Next run: records updated since ${r.nextSince ?? 'the start'}.` : `${head} Stopped at --max-pages: the next run continues.`;
}
