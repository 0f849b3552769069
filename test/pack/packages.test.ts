/**
 * The two published packages, as a user gets them: `npm pack` of each workspace, each tarball
 * installed alone into an empty folder. The server package runs from there with `node` alone
 * (demo, aggregate, serve); a Vite app built against the installed library draws a chart in
 * Chromium against that server; the library installs without any server dependency.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusResponseSchema } from '../../src/api/status';
import { launchChromium } from '../e2e/browser';
import { buildConsumerApp } from './consumerApp';
import { dependenciesOf, installInto, pack, productionPackages, root, run, serve } from './support';

const work = mkdtempSync(join(tmpdir(), 'repostats-pack-'));
const serverDir = join(work, 'server-user');
const libraryDir = join(work, 'library-user');
const env = { REPOSTATS_DB: join(serverDir, 'data', 'repostats.duckdb') };

beforeAll(async () => {
  const [library, server] = await Promise.all([pack(root, work), pack(join(root, 'server'), work)]);
  await Promise.all([installInto(serverDir, server), installInto(libraryDir, library)]);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the repostats-server package, installed alone', () => {
  it('when installed, then it has no TypeScript runner: the bin is plain JavaScript for node', () => {
    expect(existsSync(join(serverDir, 'node_modules', 'repostats-server', 'dist', 'repostats.js'))).toBe(true);
    expect(existsSync(join(serverDir, 'node_modules', 'tsx'))).toBe(false);
  });

  it('when the demo page ships, then it is a production build: React\'s development warnings are not in it', () => {
    const assets = join(serverDir, 'node_modules', 'repostats-server', 'dist', 'demo', 'assets');
    const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) expect(readFileSync(join(assets, f), 'utf8')).not.toContain('findDOMNode is deprecated');
  });

  it('when asked for a tiny demo, aggregation and serving, then /api/v1/status reports every community aggregated and / is the demo page', async () => {
    const demo = await run('npx', ['repostats', 'demo', '--size', 'tiny'], serverDir, env);
    expect(demo.stdout).toMatch(/records: \d+ lines, \d+ imported/);
    await run('npx', ['repostats', 'aggregate'], serverDir, env);

    const served = await serve(serverDir, [], env);
    try {
      const res = await fetch(`${served.url}/api/v1/status`);
      expect(res.status).toBe(200);
      const status = StatusResponseSchema.parse(await res.json());
      expect(status.communities.length).toBeGreaterThan(1);
      expect(status.communities.flatMap((c) => c.kinds).every((k) => k.complete)).toBe(true);
      const page = await fetch(`${served.url}/`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<script type="module"[^>]+src="\/assets\/[^"]+\.js"/);
    } finally {
      await served.stop();
    }
  });
});

describe('the repostats library package, installed alone', () => {
  it('when listed with npm ls --omit=dev, then no database, HTTP-server or CLI package is there', async () => {
    const installed = await productionPackages(libraryDir);
    expect(installed.has('repostats')).toBe(true);
    const serverOnly = dependenciesOf(join(root, 'server')).filter((name) => !dependenciesOf(root).includes(name));
    expect(serverOnly).toEqual(expect.arrayContaining(['@duckdb/node-api', 'pg', 'express', 'commander']));
    expect(serverOnly.filter((name) => installed.has(name))).toEqual([]);
    expect([...installed].filter((name) => name === 'repostats-server' || name.startsWith('@duckdb/') || name.startsWith('pg-'))).toEqual([]);
  });

  it('when a Vite app imports it and renders <StatsDashboard> against the installed server, then a chart draws in Chromium', async () => {
    const app = await buildConsumerApp(libraryDir);
    const served = await serve(serverDir, ['--static', app], env);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${served.url}/`);
      await page.locator('.rs-dashboard').first().waitFor({ timeout: 30_000 });
      // A chart has drawn when one of its canvases has painted pixels or its SVG has shapes.
      const drawn = () =>
        page.evaluate(() => {
          let painted = 0;
          for (const canvas of Array.from(document.querySelectorAll<HTMLCanvasElement>('.rs-chart canvas'))) {
            const context = canvas.getContext('2d');
            if (!context || canvas.width === 0 || canvas.height === 0) continue;
            const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted++;
          }
          const shapes = document.querySelectorAll('.rs-chart svg path[d]:not([d=""])').length;
          return painted + shapes;
        });
      await expect.poll(drawn, { timeout: 30_000, interval: 500 }).toBeGreaterThan(100);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await served.stop();
    }
  });

  it('when publint checks both packages, then it finds nothing', async () => {
    for (const dir of [root, join(root, 'server')]) {
      const { stdout } = await run('npx', ['publint', '--strict'], dir);
      expect(stdout).toContain('All good!');
    }
  });
});
