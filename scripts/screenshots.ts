/**
 * Screenshots of every tab of a dashboard of the demo, from a running server, rendered
 * deterministically: a fixed "today" in the page (presets and "data as of" do not move with the
 * calendar), reduced motion (charts draw without animation), English unless told.
 *
 *   npx tsx scripts/screenshots.ts                          # http://127.0.0.1:8080, → screenshots/
 *   npx tsx scripts/screenshots.ts --url http://127.0.0.1:9000 --out /tmp/shots --community global --width 390 --theme dark
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, watchConsole } from '../test/e2e/browser';

export type Theme = 'light' | 'dark';

export interface ScreenshotOptions {
  url: string;
  outDir: string;
  community?: string;
  width?: number;
  themes?: readonly Theme[];
  /** Pins the page's clock (`YYYY-MM-DD`); without it the real date is used. */
  today?: string;
  /** File name prefix (default `NN-tab-theme.png`). */
  prefix?: string;
}

/** Returns the files written; throws when the page logged console errors. */
export async function takeScreenshots(options: ScreenshotOptions): Promise<string[]> {
  mkdirSync(options.outDir, { recursive: true });
  const browser = await launchChromium();
  const written: string[] = [];
  try {
    for (const theme of options.themes ?? (['light', 'dark'] as const)) {
      const page = await browser.newPage({ viewport: { width: options.width ?? 1400, height: 1000 }, reducedMotion: 'reduce', deviceScaleFactor: 1 });
      if (options.today) await page.clock.setFixedTime(new Date(`${options.today}T12:00:00Z`));
      // Everything (fonts included) comes from the server: a request elsewhere fails, and says so.
      const origin = new URL(options.url).origin;
      const outside: string[] = [];
      await page.route((u) => u.origin !== origin && !['data:', 'blob:'].includes(u.protocol), (route) => {
        outside.push(route.request().url());
        return route.abort();
      });
      const errors = watchConsole(page);
      const query = new URLSearchParams({ lang: 'en', theme, community: options.community ?? 'global' });
      await page.goto(`${options.url}/?${query.toString()}`);
      const tabs = page.getByRole('tab');
      await tabs.first().waitFor();
      const count = await tabs.count();
      for (let i = 0; i < count; i += 1) {
        const tab = tabs.nth(i);
        const name = (await tab.innerText()).trim().toLowerCase().replace(/[^a-z0-9]+/g, '-');
        await tab.click();
        const panel = page.getByRole('tabpanel');
        await panel.locator('.rs-widget-body').first().waitFor({ timeout: 20_000 });
        // Every widget has its data (no skeleton left) and fonts are in.
        await panel.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 20_000 }).catch(() => undefined);
        await page.evaluate(() => document.fonts.ready);
        await page.waitForTimeout(500);
        const file = join(options.outDir, `${options.prefix ?? ''}${String(i + 1).padStart(2, '0')}-${name}-${theme}.png`);
        await page.mouse.move(0, 0);
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
        written.push(file);
      }
      if (outside.length) throw new Error(`the ${theme} page asked for files from elsewhere:\n${outside.join('\n')}`);
      if (errors.length) throw new Error(`console errors on the ${theme} page:\n${errors.join('\n')}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return written;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:8080' },
      out: { type: 'string', default: 'screenshots' },
      community: { type: 'string', default: 'global' },
      width: { type: 'string' },
      theme: { type: 'string' },
      today: { type: 'string' },
    },
  });
  const files = await takeScreenshots({
    url: values.url!,
    outDir: values.out!,
    community: values.community,
    width: values.width ? Number(values.width) : undefined,
    themes: values.theme ? [values.theme as Theme] : undefined,
    today: values.today,
  });
  for (const file of files) console.log(file);
}
