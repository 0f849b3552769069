/** `repostats status [--json] [--community ID]` */
import type { Command } from 'commander';
import type { StatusReport } from '../../../src/api/status';
import { getStatus } from '../../domain/aggregate/status';
import { openDatabase } from '../../storage/open';

const EXAMPLES = `
Examples:
  $ repostats status                     # one table per community: each kind's days, bookmark, dirty days
  $ repostats status --community global
  $ repostats status --json | jq '.communities[0]'`;

export function register(program: Command): void {
  program
    .command('status')
    .description('show how far the aggregations have got, per community and kind')
    .option('--community <id>', 'only this community')
    .option('--json', 'print the status as JSON (the same document as GET /api/v1/status)')
    .option('--db <url>', 'database (a DuckDB file or a postgres:// URL; default: $REPOSTATS_DB or ./data/repostats.duckdb)')
    .addHelpText('after', EXAMPLES)
    .action(async (options: { community?: string; json?: boolean; db?: string }) => {
      const db = await openDatabase(options.db);
      try {
        const status = await getStatus(db);
        if (options.community) status.communities = status.communities.filter((c) => c.community === options.community);
        process.stdout.write(options.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
      } finally {
        await db.close();
      }
    });
}

export function formatStatus(status: StatusReport): string {
  const run = status.lastRun
    ? `last run ${status.lastRun.startedAt} (${status.lastRun.status}${status.lastRun.finishedAt ? `, ended ${status.lastRun.finishedAt}` : ''})`
    : 'never aggregated';
  const lines = [`data as of ${status.dataAsOf ?? '—'}; ${run}${status.running ? '; a run is in progress' : ''}`, ''];
  const header = ['kind', 'first day', 'last day', 'bookmark', 'dirty', 'complete'];
  for (const c of status.communities) {
    const rows = c.kinds.map((k) => [k.kind, k.firstDay ?? '—', k.lastDay ?? '—', k.bookmark ?? '—', String(k.dirtyDays), k.complete ? 'yes' : 'no']);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
    const fmt = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ').trimEnd();
    lines.push(`community ${c.community}`, fmt(header), ...rows.map(fmt), '');
  }
  return `${lines.join('\n')}\n`;
}
