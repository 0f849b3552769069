/**
 * `npm run bench [-- --size small|medium] [--only import,aggregate,serve,browser,library] [--seconds N] [--out FILE] [--keep]`
 *
 * Generates the demo repository at the chosen size into a temp DuckDB file and measures import,
 * aggregation (full, floor, incremental, peak memory), serving (bundle sizes, cached latency and
 * throughput, server memory), the dashboard in headless Chromium and the library's size.
 * Writes BENCHMARKS.md (a full run), FILE (--out) or prints the sections (with --only). Progress on stderr.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_SIZES, isDemoSizeName } from '../server/demo/sizes';
import { load, machine } from './machine';
import { missesSection } from './misses';
import { extrapolation } from './extrapolate';
import { renderReport, type BenchReport, type Section } from './report';
import { buildDataset } from './steps/data';
import { benchAggregation } from './steps/aggregate';
import { benchServing } from './steps/http';
import { benchBrowser } from './steps/browser';
import { benchLibrary } from './steps/library';
import { startServerProcess } from './steps/serverProcess';

const STEPS = ['import', 'aggregate', 'serve', 'browser', 'library'] as const;
type Step = (typeof STEPS)[number];

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    'end-date': { type: 'string' },
    keep: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const size = values.size!;
if (!isDemoSizeName(size) || (size !== 'small' && size !== 'medium' && size !== 'tiny')) {
  throw new Error(`--size: expected small or medium (tiny for a quick check), got ${size}`);
}
const only = values.only ? (values.only.split(',') as Step[]) : [...STEPS];
for (const s of only) if (!STEPS.includes(s)) throw new Error(`--only: unknown step ${s} (expected ${STEPS.join(', ')})`);
const wants = (s: Step) => only.includes(s);
const root = resolve(import.meta.dirname, '..');
const log = (m: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
// Yesterday (UTC) by default, as the demo does; stated in the report.
const endDate = values['end-date'] ?? new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

const sections: Section[] = [];
const dir = mkdtempSync(join(tmpdir(), 'repostats-bench-'));
let datasetText = 'none (library size only)';
try {
  if (only.some((s) => s !== 'library')) {
    const { dataset, section } = await buildDataset({ size, seed: Number(values.seed), endDate, dir, log });
    datasetText =
      `demo \`--size ${size} --seed ${values.seed}\`, ${dataset.startDate} … ${dataset.endDate}: ${dataset.records.toLocaleString('en')} records, ` +
      `${DEMO_SIZES[size].communities} communities, ${dataset.memberships.toLocaleString('en')} membership events, ${dataset.events.toLocaleString('en')} usage events ` +
      `(${dataset.lastDayEvents.toLocaleString('en')} on the last day, imported for the incremental run), DuckDB file in a temp dir.`;
    if (wants('import')) sections.push(section);
    const agg = await benchAggregation(dataset, { log });
    if (wants('aggregate')) sections.push(...agg.sections);
    if (size !== 'medium' && wants('aggregate')) sections.push(extrapolation({ size, dataset, agg: agg.figures, importSection: section }));
    if (wants('serve') || wants('browser')) {
      if (wants('browser') && !existsSync(join(root, 'dist/demo/index.html'))) {
        log('building the demo page (npm run build:demo-page)');
        execFileSync('npm', ['run', 'build:demo-page'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
      }
      const server = await startServerProcess(dataset.db);
      try {
        if (wants('serve')) sections.push(...(await benchServing(server, { log, seconds: Number(values.seconds) })));
        if (wants('browser')) sections.push(await benchBrowser(server.url, { log, years: DEMO_SIZES[size].years }));
      } catch (error) {
        log(`server output:\n${server.output()}`);
        throw error;
      } finally {
        await server.stop();
      }
    }
  }
  if (wants('library')) {
    if (!existsSync(join(root, 'dist/lib/index.js'))) {
      log('building the library (npm run build:lib)');
      execFileSync('npm', ['run', 'build:lib'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    sections.push(await benchLibrary());
  }
} finally {
  if (values.keep) log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

const misses = missesSection(sections, load());
if (misses) sections.push(misses);

const report: BenchReport = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  size,
  dataset: datasetText,
  machine: machine(),
  sections,
  preface: [
    `Targets are the issue's (#9), set for the **medium** data set; marks (✅/❌) compare this run's figures with them as they are${size === 'medium' ? '' : ` (at ${size} size: see the extrapolation section for medium)`}.`,
  ],
};
const markdown = renderReport(report);
if (values.out) {
  writeFileSync(values.out, markdown);
  log(`wrote ${values.out}`);
} else if (values.only) process.stdout.write(markdown);
else {
  writeFileSync(join(root, 'BENCHMARKS.md'), markdown);
  log('wrote BENCHMARKS.md');
}
