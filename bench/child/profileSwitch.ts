/**
 * Where a granularity switch spends the page's main thread: a CDP CPU profile of switches made
 * as bench/steps/browser.ts makes them, summarised by self time and by total time per function.
 *
 *   node --import tsx bench/child/profileSwitch.ts --url http://127.0.0.1:8093 [--static DIR] [--out FILE.cpuprofile] [--top 40] [--focus NAME]
 *
 * `--static DIR` serves the page's own files from DIR instead of the server (the API still comes
 * from `--url`): build an unminified page with
 * `npx vite build --config vite.config.ts --minify false --outDir DIR` to read function names.
 * `--out` writes the raw profile (open it in Chromium's DevTools, Performance panel).
 * `--focus NAME` keeps only the samples with a function named NAME on their stack (e.g. `ECharts.setOption`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { load } from '../machine';
import { ARGS, chartTimes, switchTime } from '../steps/browser';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:8080' },
    static: { type: 'string' },
    out: { type: 'string' },
    top: { type: 'string', default: '40' },
    switches: { type: 'string', default: 'quarter,week,month,quarter,month' },
    query: { type: 'string', default: 'lang=en' },
    focus: { type: 'string' },
  },
});
const url = values.url!.replace(/\/$/, '');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.addInitScript('globalThis.__name = (f) => f');
  if (values.static) {
    const dir = values.static;
    await page.route(`${url}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path.startsWith('/api/')) return route.continue();
      const file = join(dir, path === '/' ? 'index.html' : path);
      let body: Buffer;
      try {
        body = readFileSync(file);
      } catch {
        body = readFileSync(join(dir, 'index.html'));
      }
      return route.fulfill({ body, contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
    });
  }
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${url}/?${values.query}`);
  await chartTimes(page);
  await page.goto(`${url}/?${values.query}`);
  await chartTimes(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const started = load();
  await cdp.send('Profiler.start');
  const times: string[] = [];
  for (const g of values.switches!.split(',')) times.push(`${g} ${Math.round(await switchTime(page, g))} ms`);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  if (values.out) writeFileSync(values.out, JSON.stringify(profile));

  // Self time per node from the samples; total time per function = self of it and its descendants
  // (each function counted once per stack, so recursion is not double-counted).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const name = (n: ProfileNode) => {
    const f = n.callFrame;
    const file = f.url ? f.url.replace(/^.*\//, '') : '';
    return `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
  };
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  let all = 0;
  const focused = (id: number) => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) if (byId.get(cur)!.callFrame.functionName === values.focus) return true;
    return false;
  };
  for (const [id, ms] of self) {
    if (values.focus && !focused(id)) continue;
    all += ms;
    const node = byId.get(id)!;
    selfBy.set(name(node), (selfBy.get(name(node)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = name(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      totalBy.set(k, (totalBy.get(k) ?? 0) + ms);
    }
  }
  const top = Number(values.top);
  const table = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms ${((ms / all) * 100).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  console.log(`switches: ${times.join(', ')} · load average ${started} · ${all.toFixed(0)} ms of samples${values.focus ? ` under ${values.focus}` : ''}`);
  console.log(`\nself time\n${table(selfBy)}`);
  console.log(`\ntotal time\n${table(totalBy)}`);
} finally {
  await browser.close();
}
