/**
 * The demo page in Debian's Chromium against the real server, checked as a person would:
 * numbers that match the API, controls that change what is shown, a shared URL that restores
 * the view, a CSV export, a broken community layout's error panel, accessibility, no console errors.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, watchConsole } from './browser';

const baseUrl = inject('baseUrl');
const adminToken = inject('adminToken');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${baseUrl}/api${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Bundle {
  dates: string[];
  dataAsOf: string | null;
  totals: Record<string, number[]>;
}

async function lastValue(community: string, category: string, metric: string, basis?: string): Promise<number> {
  const { communities } = await api<{ communities: { id: string; lastDay: string | null }[] }>('/v1/communities');
  const last = communities.find((c) => c.id === community)?.lastDay;
  if (!last) throw new Error(`no data for ${community}`);
  const query = `year=${last.slice(0, 4)}${basis ? `&basis=${basis}` : ''}`;
  const bundle = await api<Bundle>(`/v1/communities/${community}/series/${category}?${query}`);
  const values = bundle.totals[metric] ?? [];
  return values[values.length - 1] ?? 0;
}

/** Picks a choice in a SelectControl: a combobox named by its label, opening a listbox of the same name. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('listbox', { name: label, exact: true }).getByRole('option', { name: option, exact: true }).click();
}

const shownChoice = (page: Page, label: string) => page.getByRole('combobox', { name: label, exact: true }).locator(':scope > .text').innerText();

async function open(path = '/'): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const errors = watchConsole(page);
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('tab').first().waitFor();
  return { page, errors };
}

describe('the demo dashboard in Chromium', () => {
  it('when the Content tab opens, then its totals match the API', async () => {
    const { page, errors } = await open('/?lang=en');
    const records = await lastValue('global', 'record-snapshot', 'records', 'added');
    const uploaders = await lastValue('global', 'record-snapshot', 'uploaders', 'added');
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain(
      `Exact value: ${records.toLocaleString('en-US')}`,
    );
    expect(await page.locator('body').innerText()).toContain(`Exact value: ${uploaders.toLocaleString('en-US')}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('when each tab is chosen, then it renders its widgets without errors', async () => {
    const { page, errors } = await open('/?lang=en');
    for (const name of ['Content', 'Contributions', 'Cumulative traffic', 'Usage rates']) {
      await page.getByRole('tab', { name }).click();
      await expect.poll(() => page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
      const panel = page.getByRole('tabpanel');
      await expect.poll(() => panel.locator('svg, canvas, table').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await panel.getByRole('alert').count()).toBe(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('when the traffic tab opens, then total views match the API', async () => {
    const { page } = await open('/?lang=en');
    await page.getByRole('tab', { name: 'Cumulative traffic' }).click();
    const views = await lastValue('global', 'usage-snapshot', 'views');
    await expect.poll(() => page.getByRole('tabpanel').innerText(), { timeout: 15_000 }).toContain(
      `Exact value: ${views.toLocaleString('en-US')}`,
    );
    await page.close();
  });

  it('when granularity, range, basis and language change, then what is shown changes and a shared URL restores it', async () => {
    const { page, errors } = await open('/?lang=en');
    const panel = page.getByRole('tabpanel');
    // The first time-series card: count the periods its table (from the card's ⋯ menu) lists.
    const cardAction = async (card: ReturnType<Page['locator']>, action: string) => {
      await card.locator('.rs-card-menu').click();
      await card.getByRole('listbox').getByRole('option', { name: action, exact: true }).click();
    };
    const chartTable = async () => {
      const widget = panel.locator('section.rs-time-series').first();
      await cardAction(widget, 'View as table');
      const rows = await widget.locator('table tbody tr').count();
      await cardAction(widget, 'View as chart');
      return rows;
    };
    await expect.poll(() => panel.locator('section.rs-time-series .rs-card-menu').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const monthly = await chartTable();
    await choose(page, 'Granularity', 'Quarter');
    await expect.poll(chartTable, { timeout: 15_000 }).toBeLessThan(monthly);
    expect(page.url()).toContain('rs.g=quarter');

    await choose(page, 'Date range', 'All time');
    await choose(page, 'Date basis', 'Created');
    await expect.poll(() => page.url()).toContain('rs.basis=created');

    await choose(page, 'Language', 'Français');
    await expect.poll(() => page.getByRole('tab').first().innerText()).not.toBe('Content');

    const shared = page.url();
    const { page: second } = await open(shared.replace(baseUrl, ''));
    expect(await shownChoice(second, 'Granularité')).toBe('Trimestre');
    expect(await second.getByRole('tab').first().innerText()).toBe(await page.getByRole('tab').first().innerText());
    expect(errors).toEqual([]);
    await second.close();
    await page.close();
  });

  it('when the dashboard data is exported as CSV, then the file holds the shown series', async () => {
    const { page } = await open('/?lang=en');
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain('Exact value');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const text = readFileSync(await download.path(), 'utf8');
    const lines = text.trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(10);
    expect(lines[0]).toMatch(/period/);
    expect(lines[0]).toMatch(/value/);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2}/);
    await page.close();
  });

  it('when a community layout override leaves no tab, then the dashboard shows its error panel with the path', async () => {
    const { communities } = await api<{ communities: { id: string }[] }>('/v1/communities');
    const community = communities.find((c) => c.id !== 'global')!.id;
    const put = await fetch(`${baseUrl}/api/v1/communities/${community}/layout`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ tabs: { remove: ['content', 'contributions', 'traffic', 'usage'] } }),
    });
    expect(put.status).toBeLessThan(300);
    try {
      const page = await browser.newPage();
      await page.goto(`${baseUrl}/?community=${community}&lang=en`);
      const alert = page.getByRole('alert').first();
      await alert.waitFor({ timeout: 15_000 });
      expect(await alert.innerText()).toMatch(/tabs/);
      await page.close();
    } finally {
      await fetch(`${baseUrl}/api/v1/communities/${community}/layout`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${adminToken}` },
      });
    }
  });

  it('when axe-core checks each tab, then it reports no violations', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // The server's Content-Security-Policy forbids inline scripts; the test's own axe needs one.
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, bypassCSP: true });
    await page.goto(`${baseUrl}/?lang=en`);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain('Exact value');
    await page.addScriptTag({ content: axeSource });
    const axeRun = () =>
      page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        const result = await axe.run(document);
        return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => (n as { target: unknown }).target))}`);
      });
    for (const name of ['Content', 'Contributions', 'Cumulative traffic', 'Usage rates']) {
      await page.getByRole('tab', { name }).click();
      await page.waitForTimeout(1500);
      expect(await axeRun(), `axe on ${name}`).toEqual([]);
    }
    // An open dropdown (its listbox of options shown) and an open card menu.
    await page.getByRole('combobox', { name: 'Granularity', exact: true }).click();
    await page.getByRole('listbox', { name: 'Granularity', exact: true }).waitFor();
    expect(await axeRun(), 'axe with a dropdown open').toEqual([]);
    await page.keyboard.press('Escape');
    const card = page.getByRole('tabpanel').locator('section.rs-widget').first();
    await card.locator('.rs-card-menu').click();
    await card.getByRole('listbox').waitFor();
    expect(await axeRun(), 'axe with a card menu open').toEqual([]);
    await page.keyboard.press('Escape');
    await page.close();
  });
});
