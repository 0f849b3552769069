/**
 * The dashboard on the query API, in Debian's Chromium against the real server: uploader
 * figures that agree with each other, and a filter from a breakdown click applied to every
 * widget with the query API's own figures.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { QueryRequest, QueryResponse } from '../../src/api/query';
import { launchChromium, watchConsole } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The query API's answer to a query, asked directly. */
async function ask(q: QueryRequest): Promise<QueryResponse> {
  const res = await fetch(`${baseUrl}/api/v1/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(q) });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as QueryResponse;
}

/** Opens the demo and records every query the dashboard sends. */
async function open(path: string): Promise<{ page: Page; queries: QueryRequest[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = watchConsole(page);
  const queries: QueryRequest[] = [];
  page.on('request', (r: Request) => {
    const url = new URL(r.url());
    if (url.pathname.endsWith('/v1/query') && url.searchParams.get('q')) queries.push(JSON.parse(url.searchParams.get('q')!) as QueryRequest);
  });
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('tab').first().waitFor();
  return { page, queries, errors };
}

/** The exact figure a single stat shows. */
async function shown(page: Page, title: string): Promise<number> {
  const data = page.getByRole('region', { name: title }).locator('data');
  await data.waitFor({ timeout: 15_000 });
  return Number(await data.getAttribute('value'));
}

describe('the dashboard on the query API', () => {
  it('when the view is all time, then active uploaders never exceed total uploaders, and both are the API’s', async () => {
    const { page, queries, errors } = await open('/?lang=en&rs.range=all-time&rs.tab=contributions');
    const active = await shown(page, 'Active uploaders');
    const total = (await ask({ ...queries.find((q) => q.metrics[0] === 'uploaders' && q.dimensions.length === 0)!, mode: 'cumulative' })).results[0]!.metrics[0]!;
    const asked = queries.find((q) => q.metrics[0] === 'uploaders' && q.mode === 'delta' && q.dimensions.length === 0)!;
    expect(active).toBe((await ask(asked)).results[0]!.metrics[0]);
    expect(active).toBeGreaterThan(0);
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
