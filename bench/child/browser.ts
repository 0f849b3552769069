/**
 * The dashboard step of the bench (bench/steps/browser.ts) against a server that is already
 * running, repeated, so the dashboard can be re-measured without regenerating or re-aggregating data:
 *
 *   npm run build:demo-page
 *   REPOSTATS_DB=/tmp/copy-of-medium.duckdb PORT=8093 node server/bin/repostats.js serve
 *   node --import tsx bench/child/browser.ts --url http://127.0.0.1:8093 --runs 3 [--years 3] [--json]
 *
 * Prints each run's figures with the 1-minute load average when it started, then the median and
 * spread (min–max) over the runs; `--json` prints one JSON line instead.
 */
import { parseArgs } from 'node:util';
import { load } from '../machine';
import { fmt } from '../report';
import { benchBrowser, type BrowserFigures } from '../steps/browser';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:8080' },
    runs: { type: 'string', default: '3' },
    years: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});
const url = values.url!.replace(/\/$/, '');
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a positive integer, got ${values.runs}`);
const log = (m: string) => process.stderr.write(`[browser ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const spread = (xs: number[], unit: (n: number) => string) => `${unit(median(xs))} (${unit(Math.min(...xs))}–${unit(Math.max(...xs))})`;
const mb = (n: number) => `${n.toFixed(1)} MB`;
const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;

const results: (BrowserFigures & { load: number })[] = [];
for (let run = 1; run <= runs; run++) {
  const started = load();
  log(`run ${run}/${runs}, load average ${started}`);
  const { raw } = await benchBrowser(url, { log, years: Number(values.years) });
  results.push({ ...raw, load: started });
  if (!values.json) {
    console.log(
      `run ${run}: load ${started} · first chart ${fmt.ms(raw.firstChart)} · all charts ${fmt.ms(raw.allCharts)} · ` +
        `switch median ${fmt.ms(raw.switchMedian)} (all: ${raw.switches.map((s) => Math.round(s)).join(', ')}) · ` +
        `heap ${mb(raw.heapDefaultMB)} default, ${mb(raw.heapDailyMB)} all time daily · ` +
        `first view ${kb(raw.firstViewQueryBytes)} in ${raw.queries} queries (all ${kb(raw.firstViewBytes)}) · widget answer ${kb(raw.widgetBrMedian)} br`,
    );
  }
}

const pick = (f: (r: BrowserFigures) => number) => results.map(f);
if (values.json) {
  console.log(JSON.stringify({ url, runs: results }));
} else {
  console.log(`\nover ${runs} run(s), median (min–max); load average ${results.map((r) => r.load).join(', ')}`);
  console.log(`first chart:        ${spread(pick((r) => r.firstChart), fmt.ms)}  (target ≤ 500 ms)`);
  console.log(`all charts:         ${spread(pick((r) => r.allCharts), fmt.ms)}`);
  console.log(`granularity switch: ${spread(pick((r) => r.switchMedian), fmt.ms)}  (each run: median of ${results[0]!.switches.length}; target ≤ 150 ms)`);
  console.log(`JS heap, all time daily: ${spread(pick((r) => r.heapDailyMB), mb)}  (target ≤ 150 MB)`);
  console.log(`first view, query answers: ${spread(pick((r) => r.firstViewQueryBytes), kb)}  (target ≤ 300 KB; everything: ${spread(pick((r) => r.firstViewBytes), kb)})`);
  console.log(`widget answer, brotli:     ${spread(pick((r) => r.widgetBrMedian), kb)}  (target ≤ 10 KB)`);
}
