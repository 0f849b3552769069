/** `repostats aggregate [--today DAY] [--top N]` */
import type { Command } from 'commander';
import { AggregationRunningError, runAggregation, type AggregationSummary } from '../../domain/aggregate/run';
import { openDatabase } from '../../storage/open';
import { parseDay } from '../args';
import { createProgress, type Progress } from '../progress';

const EXAMPLES = `
Examples:
  $ repostats aggregate                      # new and dirty days, every community and kind
  $ repostats aggregate --today 2024-12-31   # aggregate up to a given day
  $ REPOSTATS_DB=postgres://stats@localhost/stats repostats aggregate

A run processes only what changed since the last one (bookmarks and dirty days), is idempotent,
and can be interrupted at any moment: the next run resumes and ends with the same result.
Exit status: 0 when done, 3 when another run is in progress or another process holds the
database (e.g. a running \`repostats serve\`), 2 on other errors.`;

export function register(program: Command): void {
  program
    .command('aggregate')
    .description('compute the eight daily aggregations for every community and global (incremental)')
    .option('--today <day>', 'the last day to aggregate (default: the newest day in the inputs)', parseDay)
    .option('--db <url>', 'database (a DuckDB file or a postgres:// URL; default: $REPOSTATS_DB or ./data/repostats.duckdb)')
    .addHelpText('after', EXAMPLES)
    .action(async (options: { today?: string; db?: string }) => {
      process.exitCode = await runAggregateCommand(options);
    });
}

export async function runAggregateCommand(options: { today?: string; db?: string }): Promise<number> {
  const db = await openDatabase(options.db);
  const bars = new Map<string, Progress>();
  try {
    const summary = await runAggregation(db, {
      today: options.today,
      onProgress: ({ phase, done, total }) => {
        let bar = bars.get(phase);
        if (!bar) {
          for (const other of bars.values()) other.stop();
          bars.set(phase, (bar = createProgress({ label: `aggregate ${phase}`, total })));
        }
        bar.update(done, `${done}/${total} units`);
      },
    });
    for (const bar of bars.values()) bar.stop();
    for (const note of summary.notes) process.stderr.write(`repostats aggregate: note: ${note}\n`);
    process.stderr.write(`${summaryLine(summary)}\n`);
    return 0;
  } catch (error) {
    for (const bar of bars.values()) bar.stop();
    if (error instanceof AggregationRunningError) {
      process.stderr.write('repostats aggregate: another aggregation run is in progress; try again when it ends\n');
      return 3;
    }
    throw error;
  } finally {
    await db.close();
  }
}

export function summaryLine(s: AggregationSummary): string {
  return (
    `aggregated ${s.days.toLocaleString('en')} days, ${s.communities.toLocaleString('en')} communities, ` +
    `${s.documents.toLocaleString('en')} daily documents, ${s.affected.length.toLocaleString('en')} bundles changed ` +
    `in ${(s.durationMs / 1000).toFixed(1)} s`
  );
}
