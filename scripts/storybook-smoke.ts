/**
 * Browser check of the static Storybook (`npm run build-storybook` first): serves dist/storybook on
 * a loopback port, opens a sample of stories in Debian's Chromium and fails on any console error,
 * any story that does not render, or a sample entry that matches no story.
 *
 * Usage: tsx scripts/storybook-smoke.ts [--dir dist/storybook] [--verbose]
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, watchConsole } from '../test/e2e/browser';
import { createFormat } from '../src/core/format/format';
import fixtureIndex from '../src/mocks/fixtures/index.json';

interface SampleEntry {
  /** What the entry stands for, in the report. */
  name: string;
  /** Matched against story ids from index.json; every match is opened (at most `limit`). */
  id: RegExp;
  /** Text the rendered story must show. */
  expectText?: RegExp;
  limit?: number;
  /** Docs pages render under #storybook-docs in docs view mode. */
  docs?: boolean;
}

/**
 * The "Total records" figure the dashboard must show: the community's holdings on the demo's last
 * day, read from the fixture the MSW handlers serve, formatted as the single-stat widget does.
 */
function heldOnLastDay(community: string): RegExp {
  const entry = fixtureIndex.bundles.find((b) => b.community === community && b.category === 'record-snapshot' && b.basis === 'added');
  if (!entry) throw new Error(`no record-snapshot fixture for ${community}`);
  const bundle = JSON.parse(readFileSync(resolve('src/mocks/fixtures', entry.file), 'utf8')) as { totals: { records: number[] } };
  const held = bundle.totals.records.at(-1) ?? 0;
  return new RegExp(`^${createFormat('en').compact(held).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

const WIDGET_KINDS = ['single-stat', 'time-series', 'breakdown', 'map', 'top-records', 'table', 'text'];

export const SAMPLE: SampleEntry[] = [
  ...WIDGET_KINDS.map((kind) => ({ name: `widget ${kind}`, id: new RegExp(`^widgets-${kind}--`), limit: 3 })),
  { name: 'global dashboard', id: /^dashboards--global-dashboard$/, expectText: heldOnLastDay('global') },
  { name: 'community dashboard', id: /^dashboards--community-dashboard$/, expectText: heldOnLastDay(fixtureIndex.bundles.find((b) => b.community !== 'global')?.community ?? 'global') },
  { name: 'playground, valid layout', id: /^layout-playground--default-layout$/, expectText: /Layout is valid/ },
  { name: 'docs: layout format', id: /^docs-layout-format--docs$/, expectText: /The layout format/, docs: true },
  { name: 'docs: theming', id: /^docs-theming--docs$/, expectText: /--rs-color-1/, docs: true },
  { name: 'docs: widget props', id: /^docs-widget-props--docs$/, expectText: /Props of a "breakdown" widget/, docs: true },
  { name: 'playground, broken layout', id: /^layout-playground--broken-layout$/, expectText: /tabs\[0\]\.rows\[0\]\.widgets\[0\]\.metric/ },
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.ico': 'image/x-icon',
};

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    // Chromium asks for /favicon.ico on its own; Storybook ships favicon.svg only.
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

function indexEntries(dir: string): { id: string; type: string }[] {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { entries: Record<string, { id: string; type: string }> };
  return Object.values(index.entries);
}

/** Opens one story (or docs page) and returns what went wrong: console errors, failed requests, no render. */
async function openStory({ browser, base, entry, id }: { browser: Browser; base: string; entry: SampleEntry; id: string }): Promise<string[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchConsole(page);
  // Chromium's console only says "404"; name the resource so a failure is actionable.
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.url().replace(base, '')}`);
  });
  try {
    await page.goto(`${base}/iframe.html?id=${id}&viewMode=${entry.docs ? 'docs' : 'story'}`, { waitUntil: 'load' });
    // Storybook marks the body once a story has rendered or failed to.
    await page.waitForFunction(
      () => document.body.classList.contains('sb-show-main') || document.body.classList.contains('sb-show-errordisplay'),
      undefined,
      { timeout: 20_000 },
    );
    if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
      const message = await page.locator('#error-message').innerText().catch(() => '');
      errors.push(`story failed to render: ${message}`);
    }
    const root = page.locator(entry.docs ? '#storybook-docs' : '#storybook-root');
    await root.locator(':scope > *').first().waitFor({ timeout: 10_000 });
    if (entry.expectText) await root.getByText(entry.expectText).first().waitFor({ timeout: 10_000 });
    // Let data requests (MSW) settle so late errors surface too.
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(300);
    const text = (await root.innerText()).trim();
    if (text.length === 0 && (await root.locator('canvas, svg').count()) === 0) errors.push('story rendered nothing');
  } catch (error) {
    errors.push(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  } finally {
    await page.close();
  }
  return errors;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const dirArg = args.indexOf('--dir');
  const dir = resolve(dirArg >= 0 ? (args[dirArg + 1] ?? '') : 'dist/storybook');
  const verbose = args.includes('--verbose');
  if (!existsSync(join(dir, 'index.json'))) {
    console.error(`${dir}/index.json is missing: run \`npm run build-storybook\` first`);
    return 2;
  }
  const entries = indexEntries(dir);
  const failures: string[] = [];
  const plan: { entry: SampleEntry; id: string }[] = [];
  for (const entry of SAMPLE) {
    const wanted = entry.docs ? 'docs' : 'story';
    const matched = entries
      .filter((e) => e.type === wanted && entry.id.test(e.id))
      .map((e) => e.id)
      .slice(0, entry.limit ?? 1);
    if (matched.length === 0) failures.push(`${entry.name}: no story id matches ${entry.id}`);
    for (const id of matched) plan.push({ entry, id });
  }

  const server = await serve(dir);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const started = Date.now();
  try {
    // Two stories at a time: the machines have two cores, and most of a story's time is waiting.
    let next = 0;
    const worker = async () => {
      while (next < plan.length) {
        const { entry, id } = plan[next++]!;
        const t0 = Date.now();
        const errors = await openStory({ browser, base, entry, id });
        if (errors.length > 0) failures.push(`${id}: ${errors.join(' | ')}`);
        if (verbose || errors.length > 0) console.log(`${errors.length ? 'FAIL' : 'ok  '} ${id} (${Date.now() - t0} ms)`);
      }
    };
    await Promise.all([worker(), worker()]);
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`storybook smoke: ${plan.length} stories opened in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failures.length} failure(s)`);
  for (const failure of failures) console.error(`  ✗ ${failure}`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
