/** `repostats migrate DIR [--json]` */
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { runMigration, type MigrationReport } from '../../migrate/migrate';
import { formatMigrationReport } from '../../migrate/report';
import { openDatabase } from '../../storage/open';
import { createProgress, formatBytes, type Progress } from '../progress';

const EXAMPLES = `
Examples:
  # export each index of the reference (one NDJSON file per index), then load the folder
  $ npx elasticdump --input=http://localhost:9200/stats-community-events --output=export/stats-community-events.ndjson --type=data
  $ repostats migrate export/
  $ repostats migrate export/ --json > migration-report.json

DIR holds NDJSON files (plain or .gz) of whole search hits {_index, _id, _source} or of _source
documents alone, named by their index when the lines carry no _index; records may also be
InvenioRDM REST responses {"hits": {"hits": [...]}}. Recognised: records, stats-community-events-*,
events-stats-record-view-* / events-stats-file-download-* (legacy and .v2.0.0), and the eight daily
aggregation indices, kept as the history of days without raw inputs (the report says which days
come from the documents and which from raw inputs; raw inputs win). Bad lines are reported as FILE:LINE: PATH: MESSAGE
and skipped; every good line is kept. Running the same export again stores nothing, and says so.
Exit status: 0 when every line was valid, 1 when any line or file was rejected, 2 on other errors.`;

export function register(program: Command): void {
  program
    .command('migrate')
    .description("load an export of invenio-stats-dashboard's OpenSearch indices (records, community events, usage events, daily documents)")
    .argument('<dir>', 'folder of NDJSON export files, one per index')
    .option('--json', 'print the report as JSON')
    .option('--db <url>', 'database (a DuckDB file or a postgres:// URL; default: $REPOSTATS_DB or ./data/repostats.duckdb)')
    .addHelpText('after', EXAMPLES)
    .action(async (dir: string, options: { json?: boolean; db?: string }) => {
      if (!(await stat(dir).catch(() => null))?.isDirectory()) program.error(`error: ${dir} is not a folder`, { exitCode: 2 });
      process.exitCode = await runMigrateCommand({ dir, ...options });
    });
}

export async function runMigrateCommand(options: { dir: string; json?: boolean; db?: string }): Promise<number> {
  const db = await openDatabase(options.db);
  let progress: Progress | null = null;
  let report: MigrationReport;
  try {
    report = await runMigration(db, {
      dir: options.dir,
      onProgress: (p) => {
        progress ??= createProgress({ label: `migrate ${options.dir}`, total: p.totalBytes, format: formatBytes });
        progress.update(p.bytes, p.file);
      },
    });
  } finally {
    (progress as Progress | null)?.stop();
    await db.close();
  }
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatMigrationReport(report));
  return report.indices.some((i) => i.rejected > 0 || i.fileErrors.length > 0) ? 1 : 0;
}
