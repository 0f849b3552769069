/**
 * A screenshot of every tab of the demo dashboard, light and dark, from a running server.
 *
 *   npx tsx scripts/screenshots.ts                          # http://127.0.0.1:8080, → screenshots/
 *   npx tsx scripts/screenshots.ts --url http://127.0.0.1:9000 --out /tmp/shots --community global
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, watchConsole } from '../test/e2e/browser';

export interface ScreenshotOptions {
  url: string;
  outDir: string;
  community?: string;
  width?: number;
}

/** Returns the files written; throws when the page logged console errors. */
export async function takeScreenshots(options: ScreenshotOptions): Promise<string[]> {
  mkdirSync(options.outDir, { recursive: true });
  const browser = await launchChromium();
  const written: string[] = [];
  try {
    for (const theme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: options.width ?? 1400, height: 1000 } });
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
        // Charts animate unless reduced motion is asked for; wait for data and the last frame.
        await page.getByRole('tabpanel').locator('.rs-widget-body').first().waitFor({ timeout: 20_000 });
        await page.waitForTimeout(1200);
        const file = join(options.outDir, `${String(i + 1).padStart(2, '0')}-${name}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        written.push(file);
      }
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
    },
  });
  const files = await takeScreenshots({ url: values.url!, outDir: values.out!, community: values.community });
  for (const file of files) console.log(file);
}
