/** `repostats counter <report> --customer ID --begin YYYY-MM --end YYYY-MM [--format json|tsv|xlsx]` */
import { createWriteStream } from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { GLOBAL } from '../../../src/core/kinds';
import { loadCounterConfig } from '../../config';
import { listCommunityRows } from '../../storage/communities';
import { counterJson } from '../../domain/counter/json';
import { computeReport, prepareReport, type CounterCustomer } from '../../domain/counter/service';
import { REPORTS, REPORT_PATHS, type ReportPath } from '../../domain/counter/spec';
import { toTable, toTsv } from '../../domain/counter/tabular';
import { writeXlsx } from '../../domain/counter/xlsx';
import type { SqlEngine } from '../../storage/port';
import { openDatabase } from '../../storage/open';

const EXAMPLES = `
Examples:
  $ repostats counter pr --begin 2024-01 --end 2024-12 --format tsv > PR_2024.tsv
  $ repostats counter ir --customer physics --begin 2024-01 --end 2024-03 --format xlsx --out IR_physics.xlsx
  $ repostats counter ir_a1 --begin 2024-01 --end 2024-06 | jq '.Report_Header.Exceptions'
  $ repostats counter ir --begin 2024-01 --end 2024-01 --param data_type=Dataset --param attributes_to_show='YOP|Access_Type'

The report is computed from the counted events as the SUSHI API computes it (docs/counter.md),
for the whole repository (global, including restricted communities: this is the operator's view)
or one community. Exceptions such as 3031 (usage not processed yet) are in the report header.`;

function month(value: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new InvalidArgumentError('expected a month YYYY-MM');
  return value;
}

function param(value: string, previous: Record<string, string>): Record<string, string> {
  const m = /^([a-z_]+)=(.*)$/.exec(value);
  if (!m) throw new InvalidArgumentError('expected name=value, e.g. data_type=Dataset');
  return { ...previous, [m[1]!]: m[2]! };
}

async function customerOf(db: SqlEngine, id: string): Promise<CounterCustomer> {
  if (id === GLOBAL) return { customerId: GLOBAL, community: GLOBAL, institutionName: 'The World', includeRestricted: true };
  const rows = await listCommunityRows(db);
  const c = rows.find((r) => r.id === id) ?? rows.find((r) => r.slug === id);
  if (!c) throw new Error(`no community "${id}" (give its id or slug, or global)`);
  return { customerId: c.id, community: c.id, institutionName: c.title ?? c.id, includeRestricted: false };
}

interface Options {
  customer: string;
  begin: string;
  end: string;
  format: 'json' | 'tsv' | 'xlsx';
  out?: string;
  param: Record<string, string>;
  db?: string;
}

export function register(program: Command): void {
  program
    .command('counter')
    .description(`write a COUNTER Release 5.1 report (${REPORT_PATHS.join(', ')}) as JSON, TSV or XLSX`)
    .argument('<report>', `one of ${REPORT_PATHS.join(', ')}`)
    .option('--customer <id>', 'global, or a community id or slug', GLOBAL)
    .requiredOption('--begin <YYYY-MM>', 'first month', month)
    .requiredOption('--end <YYYY-MM>', 'last month', month)
    .option('--format <format>', 'json, tsv or xlsx', 'json')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--param <name=value>', 'a SUSHI report parameter (repeatable): data_type, metric_type, yop, attributes_to_show, …', param, {})
    .option('--db <url>', 'database (a DuckDB file or a postgres:// URL; default: $REPOSTATS_DB or ./data/repostats.duckdb)')
    .addHelpText('after', EXAMPLES)
    .action(async (report: string, options: Options) => {
      const path = report.toLowerCase() as ReportPath;
      if (!REPORT_PATHS.includes(path)) throw new Error(`unknown report "${report}": expected one of ${REPORT_PATHS.join(', ')}`);
      if (!['json', 'tsv', 'xlsx'].includes(options.format)) throw new Error(`unknown format "${options.format}": expected json, tsv or xlsx`);
      const counter = loadCounterConfig();
      const db = await openDatabase(options.db);
      try {
        const now = new Date();
        const customer = await customerOf(db, options.customer);
        const query = { ...options.param, begin_date: options.begin, end_date: options.end };
        const prepared = await prepareReport(db, { report: REPORTS[path], query, customer, counter, now });
        const result = await computeReport(db, prepared, { counter, now });
        // Standard output must not be ended (exceljs ends the stream it writes to), so it gets a pipe.
        const out: Writable = options.out ? createWriteStream(options.out) : new PassThrough();
        if (!options.out) (out as PassThrough).pipe(process.stdout, { end: false });
        if (options.format === 'xlsx') await writeXlsx(toTable(result), { sheet: REPORTS[path].id, stream: out });
        else out.write(options.format === 'json' ? `${JSON.stringify(counterJson(result), null, 2)}\n` : toTsv(toTable(result)));
        if (options.format !== 'xlsx') out.end();
        await finished(out);
        for (const e of result.exceptions) process.stderr.write(`${e.Code}: ${e.Message}${e.Data ? ` (${e.Data})` : ''}\n`);
      } finally {
        await db.close();
      }
    });
}
