/**
 * The demo dashboard in headless Chromium against the bench server: time to the first chart and
 * to every widget of the first tab, a granularity switch, the tab's JS heap, the bytes a first
 * view transfers and the typical size of one widget's query-API answer.
 */
import { chromium, type Page } from 'playwright-core';
import { load } from '../machine';
import { fmt, type Section } from '../report';

/** The raw figures behind the section, for scripts that repeat the measurement (bench/child/browser.ts). */
export interface BrowserFigures {
  /** ms after navigation start. */
  firstChart: number;
  allCharts: number;
  /** Each granularity switch, ms, in the order made. */
  switches: number[];
  switchMedian: number;
  heapDefaultMB: number;
  heapDailyMB: number;
  /** Bytes on the wire during the measured first view (browser cache off): everything, and the query API's answers. */
  firstViewBytes: number;
  firstViewQueryBytes: number;
  /** The first view's query-API answers: how many, and the median brotli size of one. */
  queries: number;
  widgetBrMedian: number;
}

/** Brotli size of each answer, asked again from Node with `Accept-Encoding: br` (Chromium offers br only over HTTPS). */
async function brotliSizes(urls: readonly string[]): Promise<number[]> {
  const sizes: number[] = [];
  for (const u of urls) {
    const res = await fetch(u, { headers: { 'accept-encoding': 'br' } });
    sizes.push((await res.arrayBuffer()).byteLength);
  }
  return sizes;
}

export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** ms since navigation start when the page first shows a chart, and when every widget of the tab is drawn. */
export async function chartTimes(page: Page): Promise<{ first: number; all: number; widgets: number }> {
  const first = await page.waitForFunction(() => document.querySelector('[role=tabpanel] section.rs-widget canvas, [role=tabpanel] section.rs-widget svg') && performance.now(), null, { polling: 'raf', timeout: 60_000 });
  const all = await page.waitForFunction(
    () => {
      const panel = document.querySelector('[role=tabpanel]');
      if (!panel || panel.querySelector('[aria-busy=true]')) return false;
      const widgets = [...panel.querySelectorAll('section.rs-widget')];
      const drawn = widgets.filter((w) => w.querySelector('canvas, svg, table, .rs-stat-value, [class*=value]'));
      return widgets.length > 0 && drawn.length === widgets.length ? [performance.now(), widgets.length] : false;
    },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  const [allAt, widgets] = (await all.jsonValue()) as [number, number];
  return { first: (await first.jsonValue()) as number, all: allAt, widgets };
}

/** From the change event to the second animation frame after the skeletons are gone (React committed, ECharts drew). */
export async function switchTime(page: Page, value: string): Promise<number> {
  return page.evaluate(async (v) => {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith('Granularity'));
    const select = (label?.control ?? document.querySelector('select[aria-label="Granularity"]')) as HTMLSelectElement | null;
    if (!select) throw new Error('no Granularity select');
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const before = location.search;
    const t0 = performance.now();
    select.value = v;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    for (;;) {
      await frame();
      if (!document.querySelector('[role=tabpanel] [aria-busy=true]') && location.search !== before) break;
      if (performance.now() - t0 > 30_000) throw new Error('granularity switch did not settle');
    }
    await frame();
    await frame();
    return performance.now() - t0;
  }, value);
}

export async function benchBrowser(url: string, opts: { log: (m: string) => void; years: number }): Promise<Section & { raw: BrowserFigures }> {
  const started = load();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    // tsx compiles with keepNames: functions handed to the page call a `__name` helper it lacks.
    await page.addInitScript('globalThis.__name = (f) => f');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
    };
    // Wire bytes per request of the measured view (Chromium's own counts, headers included).
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const urls = new Map<string, string>();
    const wire = new Map<string, number>();
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFinished', (e) => wire.set(e.requestId, e.encodedDataLength));
    opts.log('dashboard: cold load');
    // A first visit warms the server's caches for these bundles; the measured visit is the second.
    await page.goto(`${url}/?lang=en`);
    await chartTimes(page);
    urls.clear();
    wire.clear();
    await page.goto(`${url}/?lang=en`);
    const times = await chartTimes(page);
    const viewed = [...wire].map(([id, bytes]) => ({ url: urls.get(id) ?? '', bytes }));
    const queryUrls = viewed.filter((r) => new URL(r.url).pathname.endsWith('/v1/query'));
    const firstViewBytes = viewed.reduce((n, r) => n + r.bytes, 0);
    const firstViewQueryBytes = queryUrls.reduce((n, r) => n + r.bytes, 0);
    const br = (await brotliSizes(queryUrls.map((r) => r.url))).sort((a, b) => a - b);
    const widgetBrMedian = br[Math.floor(br.length / 2)] ?? 0;
    const switches: number[] = [];
    for (const g of ['quarter', 'week', 'month', 'quarter', 'month']) switches.push(await switchTime(page, g));
    const heapDefault = await heap();
    opts.log('dashboard: all time, daily');
    await page.goto(`${url}/?lang=en&rs.range=all-time&rs.g=day`);
    await chartTimes(page);
    const heapDaily = await heap();
    const sorted = [...switches].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    return {
      raw: {
        firstChart: times.first, allCharts: times.all, switches, switchMedian: median, heapDefaultMB: heapDefault, heapDailyMB: heapDaily,
        firstViewBytes, firstViewQueryBytes, queries: queryUrls.length, widgetBrMedian,
      },
      title: 'Dashboard in headless Chromium',
      command: `playwright-core + /usr/bin/chromium (${ARGS.join(' ')}), 1400×1000, ${url.replace(/:\d+$/, ':PORT')}/?lang=en (dist/demo)`,
      load: started,
      figures: [
        { metric: 'first chart (canvas/svg in a widget), ms after navigation start', value: fmt.ms(times.first), target: '≤ 500 ms', met: times.first <= 500, ratio: times.first / 500 },
        { metric: `every widget of the first tab drawn (${times.widgets} widgets)`, value: fmt.ms(times.all) },
        { metric: `granularity switch, median of ${switches.length} (month/quarter/week)`, value: `${fmt.ms(median)} (all: ${switches.map((s) => Math.round(s)).join(', ')})`, target: '≤ 150 ms', met: median <= 150, ratio: median / 150 },
        { metric: 'JS heap after GC, default view', value: `${heapDefault.toFixed(1)} MB` },
        { metric: `typical widget response (median of the first view's ${queryUrls.length} query-API answers), brotli`, value: `${(widgetBrMedian / 1000).toFixed(1)} KB (largest ${((br.at(-1) ?? 0) / 1000).toFixed(1)} KB)`, target: '≤ 10 KB', met: widgetBrMedian <= 10_000, ratio: widgetBrMedian / 10_000 },
        { metric: 'bytes a first dashboard view transfers (query-API answers, gzip as Chromium asks over HTTP)', value: `${(firstViewQueryBytes / 1000).toFixed(1)} KB (everything incl. JS/CSS: ${(firstViewBytes / 1000).toFixed(1)} KB)`, target: '≤ 300 KB', met: firstViewQueryBytes <= 300_000, ratio: firstViewQueryBytes / 300_000 },
        { metric: `JS heap after GC, all time at daily granularity (${opts.years} years)`, value: `${heapDaily.toFixed(1)} MB`, target: '≤ 150 MB (3 years)', met: heapDaily <= 150, ratio: heapDaily / 150 },
      ],
      notes: [
        'Times are `performance.now()` in the page (0 = navigation start), polled every animation frame; second visit (the server\'s response cache is warm, the browser\'s HTTP cache is not used across navigations for fresh data).',
        'Granularity switch: from the `change` event on the "Granularity" select to the second animation frame after no widget shows a loading skeleton and the URL has changed (the dashboard state committed).',
        'JS heap: CDP `Performance.getMetrics` JSHeapUsedSize after `HeapProfiler.collectGarbage`.',
      ],
    };
  } finally {
    await browser.close();
  }
}
