/**
 * Screenshot regression suite: every tab of the global dashboard and of one community, in light,
 * dark and at 390 px wide (light), rendered by scripts/screenshots.ts against the real server's
 * fixed demo (global-setup: `--end-date`, seed) with the page's clock pinned, compared with the
 * committed baselines in test/e2e/baselines/. A page differing in more than MAX_DIFF_PIXELS
 * pixels (or in size) fails, and the failure names the page and its diff PNG (written with the new
 * render to test-results/screenshots/). docs/screenshots/ is a copy of the baselines written by the
 * same run, so the pictures in the docs are always the current dashboard; the suite checks it is.
 *
 *   npm run screenshots:update      # regenerate the baselines (then look at them before committing)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { takeScreenshots, type Theme } from '../../scripts/screenshots';

const root = resolve(import.meta.dirname, '../..');
const BASELINES = join(root, 'test/e2e/baselines');
const DIFFS = join(root, 'test-results/screenshots');
const DOCS = join(root, 'docs/screenshots');
const UPDATE = process.env.UPDATE_BASELINES === '1';
/** Per-pixel colour tolerance (pixelmatch's YIQ threshold) and the share of pixels allowed to differ. */
const PIXEL_THRESHOLD = 0.1;
/** Re-renders measured 0 differing pixels; a one-letter label change (u → U) measured 260–277. */
const MAX_DIFF_PIXELS = 50;
const SCREENSHOT_COMMUNITY = inject('screenshotCommunity');

const CASES: { name: string; community: string; themes: Theme[]; width?: number }[] = [
  { name: 'global', community: 'global', themes: ['light', 'dark'] },
  { name: 'global-390', community: 'global', themes: ['light'], width: 390 },
  { name: 'community', community: SCREENSHOT_COMMUNITY, themes: ['light', 'dark'] },
  { name: 'community-390', community: SCREENSHOT_COMMUNITY, themes: ['light'], width: 390 },
];

const out = join(tmpdir(), `repostats-shots-${process.pid}`);
afterAll(() => rmSync(out, { recursive: true, force: true }));
// An update starts from empty folders, so a page or tab that is gone leaves no stale picture.
beforeAll(() => {
  if (!UPDATE) return;
  for (const dir of [BASELINES, DOCS]) {
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) if (name.endsWith('.png')) rmSync(join(dir, name));
  }
});

function compare(file: string, baseline: string): { differing: number; total: number; diff?: PNG } {
  const actual = PNG.sync.read(readFileSync(file));
  const expected = PNG.sync.read(readFileSync(baseline));
  if (actual.width !== expected.width || actual.height !== expected.height) return { differing: Infinity, total: actual.width * actual.height };
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: PIXEL_THRESHOLD });
  return { differing, total: actual.width * actual.height, diff };
}

describe('screenshots against the committed baselines', () => {
  for (const c of CASES) {
    it(`${c.name}: every tab matches its baseline`, { timeout: 120_000 }, async () => {
      const files = await takeScreenshots({ url: inject('baseUrl'), outDir: out, community: c.community, themes: c.themes, width: c.width, today: inject('today'), prefix: `${c.name}-` });
      expect(files).toHaveLength(4 * c.themes.length);
      const failures: string[] = [];
      for (const file of files) {
        const baseline = join(BASELINES, basename(file));
        const docCopy = join(DOCS, basename(file));
        if (UPDATE) {
          writeFileSync(baseline, readFileSync(file));
          writeFileSync(docCopy, readFileSync(file));
          continue;
        }
        if (!existsSync(baseline)) {
          failures.push(`${basename(file)}: no baseline (run npm run screenshots:update)`);
          continue;
        }
        if (!existsSync(docCopy) || !readFileSync(docCopy).equals(readFileSync(baseline))) {
          failures.push(`docs/screenshots/${basename(file)} is not the baseline (run npm run screenshots:update)`);
        }
        const { differing, total, diff } = compare(file, baseline);
        if (differing > MAX_DIFF_PIXELS) {
          mkdirSync(DIFFS, { recursive: true });
          const actual = join(DIFFS, basename(file));
          writeFileSync(actual, readFileSync(file));
          const what = Number.isFinite(differing) ? `${differing} of ${total} pixels differ` : 'the size differs';
          if (diff) {
            const diffFile = actual.replace(/\.png$/, '.diff.png');
            writeFileSync(diffFile, PNG.sync.write(diff));
            failures.push(`${basename(file)}: ${what}; diff ${diffFile}, new render ${actual}`);
          } else {
            failures.push(`${basename(file)}: ${what}; new render ${actual}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
