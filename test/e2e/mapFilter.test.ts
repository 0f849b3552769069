/**
 * Issue 14's "Done when": a country clicked on the world map (a real mouse click on the ECharts
 * canvas) filters every widget, and every figure the reader sees then equals the query API's
 * answer for that filter — single stats, the time series (its table view), the map (its table
 * view) and each breakdown's rows. The expected answers are asked with the queries the page sent
 * before the click plus the country filter, so a widget that drops or mangles the filter fails.
 */
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { QueryFilter, QueryRequest } from '../../src/api/query';
import type { FieldId } from '../../src/core/fields';
import type { MetricId } from '../../src/core/metrics';
import { launchChromium } from './browser';
import { answerValues, ask, cardAction, open, shown, values } from './queryPage';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The traffic tab of the default layout (cumulative usage over all time), by title. */
const STATS: [string, MetricId][] = [['Total views', 'views'], ['Total downloads', 'downloads'], ['Total traffic', 'download_volume']];
const TIME_SERIES = { title: 'Cumulative traffic totals', metric: 'views' as MetricId };
const MAP = 'All countries of origin for visits';
const BREAKDOWNS: [string, FieldId, MetricId][] = [
  ['File types downloaded', 'file_types', 'downloads'],
  ['Top languages visited', 'languages', 'views'],
  ['Top resource types visited', 'resource_types', 'views'],
  ['Top licenses by visits', 'rights', 'views'],
  ['Top publishers by visits', 'publishers', 'views'],
  ['Top referrers', 'referrers', 'views'],
];
/** Bar-list rows shown before "more in the table" (the default layout's page size). */
const PAGE_SIZE = 10;

/**
 * Where on the map canvas the country with the most views is: the centre of the darkest solid
 * square of fill (the legend's gradient and its text hold no solid square). In page pixels.
 */
async function darkestCountry(canvas: Locator): Promise<{ x: number; y: number }> {
  const spot = await canvas.evaluate((c: HTMLCanvasElement) => {
    const { width, height } = c;
    const bytes = c.getContext('2d')!.getImageData(0, 0, width, height).data;
    const px = new Uint32Array(bytes.buffer);
    const half = 6;
    let best: { x: number; y: number; lum: number } | null = null;
    for (let y = half; y < height - half; y += 3)
      for (let x = half; x < width - half; x += 3) {
        const fill = px[y * width + x]!;
        const i = (y * width + x) * 4;
        if (bytes[i + 3]! < 255) continue;
        const lum = bytes[i]! + bytes[i + 1]! + bytes[i + 2]!;
        if (best && lum >= best.lum) continue;
        let solid = true;
        for (let dy = -half; solid && dy <= half; dy++) for (let dx = -half; solid && dx <= half; dx++) solid = px[(y + dy) * width + x + dx] === fill;
        if (solid) best = { x, y, lum };
      }
    return best && { x: best.x / (width / c.clientWidth), y: best.y / (height / c.clientHeight) };
  });
  if (!spot) throw new Error('no country drawn in a solid fill on the map');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  return { x: box.x + spot.x, y: box.y + spot.y };
}

/** The last unfiltered query the dashboard sent for a metric (the view's range is known by then). */
function sentBefore(queries: QueryRequest[], metric: MetricId, dimension: (d: string[]) => boolean): QueryRequest {
  const q = queries.findLast((s) => s.metrics[0] === metric && s.filters.length === 0 && dimension(s.dimensions));
  if (!q) throw new Error(`the dashboard sent no query for ${metric}`);
  return q;
}

describe('a country clicked on the map', () => {
  it('filters every widget of the tab, and each shows the query API’s figures for that country', async () => {
    const { page, queries, errors } = await open(browser, baseUrl, '/?lang=en&rs.range=all-time&rs.tab=traffic');
    const region = (title: string) => page.getByRole('region', { name: title, exact: true });
    for (const [title] of STATS) await shown(page, title);
    for (const [title] of BREAKDOWNS) await region(title).locator('data.rs-barlist-value').first().waitFor({ timeout: 15_000 });
    const map = region(MAP).locator('canvas').first();
    await map.waitFor({ timeout: 15_000 });
    // The time series is read from its table, opened before the filter (it stays open while its answer changes).
    await expect.poll(() => region(TIME_SERIES.title).locator('.rs-card-menu').count(), { timeout: 15_000 }).toBe(1);
    await cardAction(region(TIME_SERIES.title), 'View as table');

    // Click the country drawn darkest (the most views) once the map is drawn.
    await expect.poll(() => darkestCountry(map).then(() => true, () => false), { timeout: 15_000 }).toBe(true);
    const spot = await darkestCountry(map);
    const before = [...queries];
    await page.mouse.click(spot.x, spot.y);
    await page.getByRole('list', { name: 'Active filters' }).waitFor({ timeout: 15_000 });
    const chosen = new URL(page.url()).searchParams.getAll('rs.f');
    expect(chosen).toHaveLength(1);
    const code = chosen[0]!.match(/^is:countries:([A-Z]{2})$/)?.[1];
    expect(code, `the map's filter ${chosen[0]} names a country`).toBeDefined();
    const filter: QueryFilter = ['is', 'field:countries', [code!]];
    const expectFor = async (q: QueryRequest) => answerValues(await ask(baseUrl, { ...q, filters: [filter] }));

    for (const [title, metric] of STATS) {
      const [expected] = await expectFor(sentBefore(before, metric, (d) => d.length === 0));
      expect(expected, `${title} for ${code}`).toBeGreaterThan(0);
      await expect.poll(() => shown(page, title), { timeout: 15_000 }).toBe(expected);
    }

    const periods = await expectFor(sentBefore(before, TIME_SERIES.metric, (d) => d.length === 1 && d[0]!.startsWith('time:')));
    await expect.poll(() => values(region(TIME_SERIES.title).locator('tbody td data')), { timeout: 15_000 }).toEqual(periods);

    for (const [title, field, metric] of BREAKDOWNS) {
      const items = await expectFor(sentBefore(before, metric, (d) => d.join() === `field:${field}`));
      await expect.poll(() => values(region(title).locator('data.rs-barlist-value')), { timeout: 15_000 }).toEqual(items.slice(0, PAGE_SIZE));
    }

    const countries = await expectFor(sentBefore(before, 'views', (d) => d.join() === 'field:countries'));
    expect(countries).toHaveLength(1);
    await cardAction(region(MAP), 'View as table');
    await expect.poll(() => values(region(MAP).locator('tbody td:nth-child(2) data')), { timeout: 15_000 }).toEqual(countries);
    expect(errors).toEqual([]);
    await page.close();
  });
});
