/**
 * PostgreSQL's full aggregation beside DuckDB's, in one run, on the same data: the NDJSON files of
 * a demo (`repostats demo --out DIR --gzip`) are imported by `repostats import` into a fresh DuckDB
 * file and into an empty PostgreSQL database, then each is aggregated from scratch by
 * bench/child/aggregate.ts (`runAggregation`, as `repostats aggregate`), one after the other.
 * Both must hold the same inputs and end with the same facts, or the comparison says so.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '../../server/storage/open';
import { load } from '../machine';
import { fmt, type Section } from '../report';
import type { DemoSizeName } from '../../server/demo/sizes';
import { aggregateInChild, type ChildResult } from './aggregate';
import { demoSizeOf } from './fromFile';

const run = promisify(execFile);
const cli = resolve(import.meta.dirname, '../../server/bin/repostats.js');
/** The order `repostats import` needs: records before the memberships and events that name them. */
const KINDS = ['records', 'memberships', 'events'] as const;

/** The demo's file of one kind in DIR (`.ndjson.gz` or `.ndjson`). */
export function ndjsonFile(dir: string, kind: (typeof KINDS)[number]): string {
  const found = [`${kind}.ndjson.gz`, `${kind}.ndjson`].map((f) => join(dir, f)).find((f) => existsSync(f));
  if (!found) throw new Error(`--ndjson: no ${kind}.ndjson(.gz) in ${dir} (write them with repostats demo --out ${dir} --gzip)`);
  return found;
}

interface Side {
  name: string;
  importMs: Record<string, number>;
  inputs: Inputs;
  aggregation: ChildResult;
  outputs: Outputs;
}

interface Inputs {
  records: number;
  communities: number;
  memberships: number;
  events: number;
}

interface Outputs {
  usageRows: number;
  recordRows: number;
  /** Views + downloads over every `global` total row: what the dashboard's totals add up to. */
  globalEvents: number;
}

async function counts(target: string): Promise<{ inputs: Inputs; outputs: Outputs }> {
  const db = await openDatabase(target);
  try {
    const n = async (sql: string) => Number((await db.query<{ n: unknown }>(sql))[0]?.n ?? 0);
    return {
      inputs: {
        records: await n('SELECT COUNT(*) AS n FROM records'),
        communities: await n('SELECT COUNT(DISTINCT community_id) AS n FROM memberships'),
        memberships: await n('SELECT COUNT(*) AS n FROM memberships'),
        events: await n('SELECT COUNT(*) AS n FROM events'),
      },
      outputs: {
        usageRows: await n('SELECT COUNT(*) AS n FROM agg_usage_facts'),
        recordRows: await n('SELECT COUNT(*) AS n FROM agg_record_facts'),
        globalEvents: await n("SELECT COALESCE(SUM(v_events + d_events), 0) AS n FROM agg_usage_facts WHERE community_id = 'global' AND field = '' AND item_id = ''"),
      },
    };
  } finally {
    await db.close();
  }
}

async function importAndAggregate(name: string, target: string, ndjson: string, log: (m: string) => void): Promise<Side> {
  const importMs: Record<string, number> = {};
  for (const kind of KINDS) {
    log(`${name}: repostats import ${kind}`);
    const t0 = performance.now();
    await run(process.execPath, [cli, 'import', kind, ndjsonFile(ndjson, kind)], { env: { ...process.env, REPOSTATS_DB: target }, maxBuffer: 64 << 20 });
    importMs[kind] = performance.now() - t0;
  }
  log(`${name}: full aggregation (child process)`);
  const aggregation = await aggregateInChild(target);
  log(`${name}: ${fmt.s(aggregation.durationMs)}`);
  return { name, importMs, aggregation, ...(await counts(target)) };
}

/** The section, and the demo size the files match (null: none), for the report's marks. */
export async function benchAggregationPg(opts: { ndjson: string; pg: string; dir: string; log: (m: string) => void }): Promise<{ section: Section; size: DemoSizeName | null }> {
  for (const kind of KINDS) ndjsonFile(opts.ndjson, kind);
  const before = await counts(opts.pg);
  if (before.inputs.records + before.inputs.events > 0) throw new Error(`--pg: the database already holds data (${before.inputs.records} records, ${before.inputs.events} events); give an empty one`);
  const startLoad = load();
  const duck = await importAndAggregate('DuckDB', join(opts.dir, 'aggregate-pg.duckdb'), opts.ndjson, opts.log);
  const pgLoad = load();
  const pg = await importAndAggregate('PostgreSQL', opts.pg, opts.ndjson, opts.log);
  const ratio = pg.aggregation.durationMs / duck.aggregation.durationMs;
  const same = (k: keyof Inputs | keyof Outputs) =>
    (k in duck.inputs ? duck.inputs[k as keyof Inputs] === pg.inputs[k as keyof Inputs] : duck.outputs[k as keyof Outputs] === pg.outputs[k as keyof Outputs]);
  const differing = (['records', 'communities', 'memberships', 'events', 'usageRows', 'recordRows', 'globalEvents'] as const).filter((k) => !same(k));
  const imports = (s: Side) => KINDS.map((k) => `${k} ${fmt.s(s.importMs[k]!)}`).join(', ');
  const phases = (s: Side) => s.aggregation.phases.map((p) => `${p.name} ${fmt.s(p.ms)}`).join(', ') || 'no phases reported';
  const section: Section = {
    title: 'PostgreSQL beside DuckDB: the full aggregation on the same data',
    command: `npm run bench -- --only aggregate-pg --ndjson DIR --pg URL  (repostats import of DIR's files into each, then node --import tsx bench/child/aggregate.ts TARGET)`,
    load: startLoad,
    figures: [
      { metric: 'inputs in each (records, communities, membership events, usage events)', value: `${fmt.int(duck.inputs.records)}, ${fmt.int(duck.inputs.communities)}, ${fmt.int(duck.inputs.memberships)}, ${fmt.int(duck.inputs.events)}` },
      { metric: 'DuckDB: full run from scratch, all eight kinds', value: `${fmt.s(duck.aggregation.durationMs)} (${fmt.int(duck.aggregation.documents)} documents, peak RSS ${fmt.mb(duck.aggregation.maxRssMB)})` },
      { metric: `PostgreSQL: full run from scratch, all eight kinds (load ${pgLoad} when its import started)`, value: `${fmt.s(pg.aggregation.durationMs)} (${fmt.int(pg.aggregation.documents)} documents, Node's peak RSS ${fmt.mb(pg.aggregation.maxRssMB)})` },
      { metric: 'PostgreSQL ÷ DuckDB', value: `${ratio.toFixed(1)} ×`, target: '≤ 3 ×', met: ratio <= 3, ratio: ratio / 3 },
      { metric: 'same inputs and facts in both (records, memberships, events, fact rows, global views + downloads)', value: differing.length === 0 ? 'yes' : `no: ${differing.join(', ')} differ`, target: 'yes', met: differing.length === 0 },
    ],
    notes: [
      `Imports (\`repostats import\`, not timed against a target): DuckDB ${imports(duck)}; PostgreSQL ${imports(pg)}.`,
      `Where each full run's time goes (first to last progress report of each phase): DuckDB ${phases(duck)}; PostgreSQL ${phases(pg)}.`,
      `Fact rows: DuckDB ${fmt.int(duck.outputs.usageRows)} usage + ${fmt.int(duck.outputs.recordRows)} record, PostgreSQL ${fmt.int(pg.outputs.usageRows)} + ${fmt.int(pg.outputs.recordRows)}; global views + downloads ${fmt.int(duck.outputs.globalEvents)} and ${fmt.int(pg.outputs.globalEvents)}.`,
      "PostgreSQL's own memory is the PostgreSQL server's, not in Node's RSS. The two runs are sequential, DuckDB first, on the same machine; PostgreSQL as scripts/pg-start.sh starts it (Debian's package, fsync off).",
    ],
  };
  return { section, size: demoSizeOf(duck.inputs) };
}
