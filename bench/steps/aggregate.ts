/**
 * Aggregation: a full run from scratch and an incremental run after one new day, each in a child
 * process (its peak RSS is the run's own), and the floor they are compared to, measured in the
 * same bench run on the same DuckDB file.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { membershipIntervalsCte } from '../../server/domain/aggregate/intervals';
import { importFile } from '../../server/ingest';
import { openDatabase, workDuckDbSettings } from '../../server/storage/open';
import type { DuckDbSettings } from '../../server/storage/duckdb';
import { load } from '../machine';
import { fmt, type Figure, type Section } from '../report';
import type { Dataset } from './data';
import { restoreHeldLastDay } from './fromFile';

const run = promisify(execFile);
const child = resolve(import.meta.dirname, '../child/aggregate.ts');

export interface ChildResult {
  durationMs: number;
  maxRssMB: number;
  days: number;
  communities: number;
  documents: number;
  phases: { name: string; ms: number; units: number }[];
}

/** How a run's DuckDB was set up, for the report (the values come from the bench's environment). */
export function duckDbSettingsText(s: DuckDbSettings): string {
  const mb = s.memoryBytes === undefined ? null : s.memoryBytes / 2 ** 20;
  const memory = mb === null ? "DuckDB's default memory_limit (80 % of RAM)" : `memory_limit ${mb % 1024 === 0 ? `${mb / 1024} GB` : `${mb} MB`}`;
  const source = process.env.REPOSTATS_DUCKDB_MEMORY ? `REPOSTATS_DUCKDB_MEMORY=${process.env.REPOSTATS_DUCKDB_MEMORY}` : 'the REPOSTATS_DUCKDB_MEMORY default';
  return `${memory} (${source}), ${s.threads === undefined ? 'threads = cores' : `${s.threads} threads`}, allocator background threads on`;
}

/** One full or incremental run of `db` (a DuckDB file or a postgres:// URL) in a child process. */
export async function aggregateInChild(db: string): Promise<ChildResult> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', child, db], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as ChildResult;
}

/**
 * The floor: one GROUP BY over every event by community × day × type, each event counted in
 * `global` and in every community that held its record that day (membership intervals joined on
 * record and day), with no counting rules, no subcounts and no documents.
 */
export const FLOOR_SQL = `
WITH ${membershipIntervalsCte('')},
per_community AS (
  SELECT m.community_id, e.day, e.type
  FROM events e JOIN mem_iv m
    ON m.record_id = e.record_id AND e.day >= m.m_start AND (m.m_end IS NULL OR e.day < m.m_end)
  UNION ALL
  SELECT 'global', day, type FROM events
)
SELECT COUNT(*) AS groups, SUM(n) AS counted FROM (
  SELECT community_id, day, type, COUNT(*) AS n FROM per_community GROUP BY community_id, day, type
)`;

async function measureFloor(db: string): Promise<{ ms: number; groups: number; counted: number }> {
  const engine = await openDatabase(db);
  try {
    await engine.query(FLOOR_SQL); // warm-up: file pages in the OS cache, as for our run
    const t0 = performance.now();
    const [row] = await engine.query<{ groups: unknown; counted: unknown }>(FLOOR_SQL);
    return { ms: performance.now() - t0, groups: Number(row!.groups), counted: Number(row!.counted) };
  } finally {
    await engine.close();
  }
}

export interface AggregationFigures {
  full: ChildResult;
  incremental: ChildResult;
  floorMs: number;
}

export async function benchAggregation(data: Dataset, opts: { log: (m: string) => void }): Promise<{ sections: Section[]; figures: AggregationFigures }> {
  const loadFull = load();
  opts.log('full aggregation (child process)');
  const full = await aggregateInChild(data.db);
  opts.log(`  ${fmt.s(full.durationMs)}; floor`);
  const floor = await measureFloor(data.db);
  const ratio = full.durationMs / floor.ms;

  const loadInc = load();
  opts.log('adding the last day, incremental aggregation');
  const engine = await openDatabase(data.db);
  const added = data.lastDayFile === null
    ? { ...(await restoreHeldLastDay(engine)), how: 're-inserted (held back from the --db file, not re-imported)' }
    : await importFile(engine, { kind: 'events', path: data.lastDayFile }).then((s) => ({ events: s.imported, durationMs: s.durationMs, how: 'imported' }));
  await engine.close();
  const incremental = await aggregateInChild(data.db);

  const t = (f: Omit<Figure, 'met'>, ok: boolean): Figure => ({ ...f, met: ok });
  const cmd = `node --import tsx bench/child/aggregate.ts DB  (runAggregation, as \`repostats aggregate\`)`;
  return {
    figures: { full, incremental, floorMs: floor.ms },
    sections: [
      {
        title: 'Aggregation',
        command: cmd,
        load: loadFull,
        figures: [
          t({ metric: 'full run from scratch, all eight kinds', value: fmt.s(full.durationMs), target: '≤ 2 min (medium)', ratio: full.durationMs / 120_000 }, full.durationMs <= 120_000),
          { metric: 'floor: one GROUP BY community × day × type (membership intervals joined)', value: `${floor.ms < 1000 ? fmt.ms(floor.ms) : fmt.s(floor.ms)} (${fmt.int(floor.groups)} groups, ${fmt.int(floor.counted)} counted)` },
          t({ metric: 'full run ÷ floor', value: `${ratio.toFixed(1)} ×`, target: '≤ 10 × (medium)', ratio: ratio / 10 }, ratio <= 10),
          { metric: 'full run: days × communities, daily documents', value: `${fmt.int(full.days)} days, ${fmt.int(full.communities)} communities, ${fmt.int(full.documents)} documents` },
          t({ metric: 'peak RSS of the aggregating process (maxRSS)', value: fmt.mb(full.maxRssMB), target: '≤ 1.5 GB (medium)', ratio: full.maxRssMB / 1536 }, full.maxRssMB <= 1536),
        ],
        notes: [
          `Where the full run's time goes (first to last progress report of each phase; the rest is set-up and the first unit): ${full.phases.map((p) => `${p.name} ${fmt.s(p.ms)} over ${p.units} units`).join(', ') || 'no phases reported'}.`,
          `Floor query (bench/steps/aggregate.ts FLOOR_SQL): events ⋈ membership intervals (the same \`membershipIntervalsCte\` the aggregation uses) ∪ all events as \`global\`, \`GROUP BY community_id, day, type\`; run once to warm up, then timed.`,
          'The full run also computes the record side (3 bases × snapshots and deltas), subcounts (countries, referrers, resource types, funders, …), unique visitors, the double-click and robot rules: the floor does none of that.',
          `DuckDB in the aggregating process as the CLI opens it: ${duckDbSettingsText(workDuckDbSettings())}; large operators spill to \`<db file>.tmp/\` past the limit.`,
        ],
      },
      {
        title: 'Incremental run after one new day',
        command: `${data.lastDayFile === null ? 'INSERT the held-back last day + its dirty day (bench/steps/fromFile.ts)' : 'importFile(events-last-day.ndjson)'}, then ${cmd}`,
        load: loadInc,
        figures: [
          { metric: `events of the new day ${added.how}`, value: `${fmt.int(added.events)} in ${fmt.s(added.durationMs)}` },
          t({ metric: 'incremental aggregation', value: fmt.s(incremental.durationMs), target: '≤ 5 s (medium)', ratio: incremental.durationMs / 5_000 }, incremental.durationMs <= 5_000),
          { metric: 'incremental: days, communities, documents', value: `${fmt.int(incremental.days)} days, ${fmt.int(incremental.communities)} communities, ${fmt.int(incremental.documents)} documents` },
          { metric: 'peak RSS of the incremental run', value: fmt.mb(incremental.maxRssMB) },
        ],
        notes: [],
      },
    ],
  };
}
