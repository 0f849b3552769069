/**
 * The demo dashboard as a reader sees it, next to the query API's own answers: what the e2e
 * tests of the query API share (open a view and record the queries it sends, ask the API
 * directly, read the exact figures a widget shows).
 */
import type { Browser, Locator, Page, Request } from 'playwright-core';
import type { QueryRequest, QueryResponse } from '../../src/api/query';
import { watchConsole } from './browser';

/** The query API's answer to a query, asked directly. */
export async function ask(baseUrl: string, q: QueryRequest): Promise<QueryResponse> {
  const res = await fetch(`${baseUrl}/api/v1/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(q) });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as QueryResponse;
}

export interface OpenedPage {
  page: Page;
  /** Every query the dashboard sent, in order. */
  queries: QueryRequest[];
  errors: string[];
}

/** Opens the demo and records every query the dashboard sends. */
export async function open(browser: Browser, baseUrl: string, path: string): Promise<OpenedPage> {
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
export async function shown(page: Page, title: string): Promise<number> {
  const data = page.getByRole('region', { name: title, exact: true }).locator('data');
  await data.waitFor({ timeout: 15_000 });
  return Number(await data.getAttribute('value'));
}

/** The exact values of `<data value>` elements (bar-list rows, numeric table cells), in order. */
export async function values(list: Locator): Promise<number[]> {
  return (await list.evaluateAll((els) => els.map((e) => e.getAttribute('value')))).map(Number);
}

/** Runs an action of a card's ⋯ menu ("View as table", …). */
export async function cardAction(card: Locator, action: string): Promise<void> {
  await card.locator('.rs-card-menu').click();
  await card.getByRole('listbox').getByRole('option', { name: action, exact: true }).click();
}

/** The first metric's values of an answer, row by row. */
export function answerValues(answer: QueryResponse): number[] {
  return answer.results.map((r) => r.metrics[0]!);
}
