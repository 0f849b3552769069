/**
 * The `repostats` command line. Each command lives in `commands/` and exports `register(program)`;
 * adding one is one import and one line in COMMANDS.
 */
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { duckDbMemorySetting } from '../config';
import { register as registerImport } from './commands/import';
import { register as registerServe } from './commands/serve';
import { register as registerDemo } from './commands/demo';
import { register as registerAggregate } from './commands/aggregate';
import { register as registerStatus } from './commands/status';
import { register as registerMigrate } from './commands/migrate';
import { register as registerHarvest } from './commands/harvest';
import { register as registerCounter } from './commands/counter';

const COMMANDS: ((program: Command) => void)[] = [
  registerImport, registerServe, registerDemo, registerAggregate, registerStatus, registerMigrate, registerHarvest, registerCounter,
];

export function buildProgram(): Command {
  const program = new Command()
    .name('repostats')
    .description('Statistics for research repositories: import records and usage, aggregate, serve dashboards.')
    .showHelpAfterError()
    .addHelpText(
      'after',
      `
Examples:
  $ repostats import records records.ndjson.gz
  $ repostats import events events.ndjson
  $ repostats help import

The database is $REPOSTATS_DB (a DuckDB file or a postgres:// URL), ./data/repostats.duckdb by default.`,
    );
  for (const register of COMMANDS) register(program);
  return program;
}

export async function main(argv: readonly string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    process.stderr.write(`repostats: ${errorText(error)}\n`);
    process.exitCode = exitCodeOf(error);
  }
}

/** Exit status of a failed command: 3 when another process holds the database (as `aggregate --help` says), else 2. */
export const EXIT_BUSY = 3;
export function exitCodeOf(error: unknown): number {
  return isDatabaseLockHeld(error) ? EXIT_BUSY : 2;
}

/** DuckDB allows one process per file: opening one that another process holds fails with this. */
export function isDatabaseLockHeld(error: unknown): boolean {
  return /Could not set lock on file/i.test(error instanceof Error ? error.message : String(error));
}

/** The message of a failed command, with what to change when DuckDB ran out of its memory limit. */
export function errorText(error: unknown, env?: Record<string, string | undefined>): string {
  const message = error instanceof Error ? error.message : String(error);
  if (isDatabaseLockHeld(error)) {
    return `${message}\nAnother process (often \`repostats serve\`) has the database open; stop it, or trigger aggregation through it (POST /api/v1/aggregate, serve --aggregate-every).`;
  }
  if (!/Out of Memory Error/i.test(message)) return message;
  const memory = duckDbMemorySetting(env);
  const now = memory ? `REPOSTATS_DUCKDB_MEMORY=${memory}` : 'the default REPOSTATS_DUCKDB_MEMORY=1gb';
  return `${message}\nDuckDB ran with ${now}: raise it (e.g. REPOSTATS_DUCKDB_MEMORY=2gb) and run the command again.`;
}

// Run when executed directly (`tsx server/cli/main.ts`, `node server/dist/repostats.js`); server/bin/repostats.js calls main().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
