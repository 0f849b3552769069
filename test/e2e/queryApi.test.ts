/**
 * The dashboard on the query API, in Debian's Chromium against the real server: uploader
 * figures that agree with each other, and a filter from a breakdown click applied to every
 * widget with the query API's own figures. (A country clicked on the map: mapFilter.test.ts.)
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { QueryRequest } from '../../src/api/query';
import { launchChromium } from './browser';
import { ask as askAt, open as openAt, shown } from './queryPage';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
const ask = (q: QueryRequest) => askAt(baseUrl, q);
const open = (path: string) => openAt(browser, baseUrl, path);

describe('the dashboard on the query API', () => {
  it('when the view is all time, then active uploaders never exceed the total uploaders shown, and both are the API’s', async () => {
    const { page, queries, errors } = await open('/?lang=en&rs.range=all-time&rs.tab=contributions');
    const active = await shown(page, 'Active uploaders');
    const asked = queries.find((q) => q.metrics[0] === 'uploaders' && q.mode === 'delta' && q.dimensions.length === 0)!;
    expect(active).toBe((await ask(asked)).results[0]!.metrics[0]);
    expect(active).toBeGreaterThan(0);

    await page.getByRole('tab', { name: /Content/ }).click();
    const total = await shown(page, 'Total uploaders');
    expect(total).toBe((await ask({ ...asked, mode: 'cumulative' })).results[0]!.metrics[0]);
    expect(active).toBeLessThanOrEqual(total);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('when a resource type is clicked in a breakdown, then a chip shows and every single stat equals the API’s answer for that filter', async () => {
    const { page, queries, errors } = await open('/?lang=en');
    await shown(page, 'Total records');
    const row = page.getByRole('list', { name: /Resource types/ }).getByRole('button').first();
    const name = (await row.innerText()).trim();
    await row.click();
    await page.getByRole('list', { name: 'Active filters' }).getByText(new RegExp(name)).waitFor();
    const stats = [['Total records', 'records'], ['Total uploaders', 'uploaders'], ['Total data volume', 'data_volume']] as const;
    for (const [title, metric] of stats) {
      const asked = () => queries.find((q) => q.metrics[0] === metric && q.mode === 'cumulative' && q.dimensions.length === 0 && q.filters.length === 1);
      await expect.poll(() => asked() !== undefined, { timeout: 15_000 }).toBe(true);
      const expected = (await ask(asked()!)).results[0]!.metrics[0];
      await expect.poll(() => shown(page, title), { timeout: 15_000 }).toBe(expected);
    }
    expect(new URL(page.url()).searchParams.getAll('rs.f')).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
