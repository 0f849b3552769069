/**
 * Filters across the dashboard (as in Plausible), with the real widgets against the MSW query
 * API: clicking a bar-list item filters every widget, the chip removes it, the URL keeps it.
 */
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QueryResponseSchema } from '../../api/query';
import { widgetQuery } from '../../api/widgetQuery';
import { snapRange } from '../../core/dates';
import { resolvePreset } from '../../core/series/presets';
import { validateLayout } from '../../layout/validate';
import { createHandlers } from '../../mocks/handlers';
import { StatsDashboard } from './StatsDashboard';

const API = 'http://localhost/api';
const TODAY = '2024-06-15';
const server = setupServer(...createHandlers({ apiBase: API, today: TODAY }));
configure({ asyncUtilTimeout: 5000 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  window.history.replaceState(null, '', '/');
});
afterAll(() => server.close());

const result = validateLayout({
  version: 1,
  tabs: [{
    id: 'usage', label: 'Usage', rows: [{ widgets: [
      { type: 'single-stat', id: 'views', title: 'Views', metric: 'views', mode: 'delta', width: 8 },
      { type: 'single-stat', id: 'records', title: 'Records', metric: 'records', mode: 'cumulative', width: 8 },
      { type: 'breakdown', id: 'types', field: 'resource_types', metric: 'views', mode: 'delta', view: 'bar', width: 16 },
    ] }],
  }],
});
if (!result.ok) throw new Error(JSON.stringify(result.issues));
const layout = result.layout;

/** The exact figure a single stat shows (its `<data value>`). */
const figure = (title: string) => within(screen.getByRole('region', { name: title })).getByText((_, el) => el?.tagName === 'DATA').getAttribute('value');

/** What the (mock) query API answers for a single stat over the default view, with `filters`. */
async function apiFigure(metric: 'views' | 'records', mode: 'delta' | 'cumulative', filters: Parameters<typeof widgetQuery>[0]['filters']) {
  const range = snapRange(resolvePreset('last-12-months', { today: TODAY }), 'month');
  const q = widgetQuery({ community: 'global', metric, mode, basis: 'added', range, granularity: null, comparison: 'none', filters });
  const response = await fetch(`${API}/v1/query?q=${encodeURIComponent(JSON.stringify(q))}`);
  return String(QueryResponseSchema.parse(await response.json()).results[0]!.metrics[0]);
}

describe('filters', () => {
  it('when a breakdown item is clicked, then a chip shows, every widget shows the API’s figures for it, and the chip removes it', async () => {
    render(<StatsDashboard apiBase={API} today={TODAY} layout={layout} urlSync />);
    const unfiltered = await apiFigure('views', 'delta', []);
    await waitFor(() => expect(figure('Views')).toBe(unfiltered));
    await userEvent.click(await screen.findByRole('button', { name: 'Dataset' }));

    const chips = await screen.findByRole('list', { name: 'Active filters' });
    expect(within(chips).getByText('Resource types: Dataset')).toBeInTheDocument();
    const filtered = await apiFigure('views', 'delta', [['is', 'field:resource_types', ['dataset']]]);
    expect(Number(filtered)).toBeLessThan(Number(unfiltered));
    await waitFor(() => expect(figure('Views')).toBe(filtered));
    // Resource types describe records too: the record widget is filtered as well.
    const records = await apiFigure('records', 'cumulative', [['is', 'field:resource_types', ['dataset']]]);
    await waitFor(() => expect(figure('Records')).toBe(records));
    expect(new URLSearchParams(window.location.search).getAll('rs.f')).toEqual(['is:resource_types:dataset']);

    await userEvent.click(within(chips).getByRole('button', { name: 'Remove filter Resource types: Dataset' }));
    expect(screen.queryByRole('list', { name: 'Active filters' })).toBeNull();
    await waitFor(() => expect(figure('Views')).toBe(unfiltered));
    expect(new URLSearchParams(window.location.search).getAll('rs.f')).toEqual([]);
  });

  it('when a link holds a filter, then the dashboard opens filtered with its chip', async () => {
    window.history.replaceState(null, '', '/?rs.f=is:resource_types:software');
    render(<StatsDashboard apiBase={API} today={TODAY} layout={layout} urlSync />);
    expect(await screen.findByText('Resource types: Software')).toBeInTheDocument();
    const filtered = await apiFigure('views', 'delta', [['is', 'field:resource_types', ['software']]]);
    await waitFor(() => expect(figure('Views')).toBe(filtered));
  });

  it('when a link filters by an item with no shipped name (an affiliation’s ROR id), then its chip names it by the API’s label', async () => {
    window.history.replaceState(null, '', '/?rs.f=is:affiliations:01ggx4157');
    render(<StatsDashboard apiBase={API} today={TODAY} layout={layout} urlSync />);
    expect(await screen.findByText('Affiliations: CERN')).toBeInTheDocument();
  });

  it('when a link filters by a country (a usage-only field), then its chip names the country and the record widget stays unfiltered', async () => {
    window.history.replaceState(null, '', '/?rs.f=is:countries:DE');
    render(<StatsDashboard apiBase={API} today={TODAY} layout={layout} urlSync />);
    expect(await screen.findByText('Countries: Germany')).toBeInTheDocument();
    const filtered = await apiFigure('views', 'delta', [['is', 'field:countries', ['DE']]]);
    await waitFor(() => expect(figure('Views')).toBe(filtered));
    const records = await apiFigure('records', 'cumulative', []);
    await waitFor(() => expect(figure('Records')).toBe(records));
  });

  it('when a widget has its own layout filters, then they apply to it alone, ANDed with the dashboard’s filters', async () => {
    const own = validateLayout({
      version: 1,
      tabs: [{ id: 'usage', label: 'Usage', rows: [{ widgets: [
        { type: 'single-stat', id: 'views', title: 'Views', metric: 'views', mode: 'delta', width: 8 },
        { type: 'single-stat', id: 'dataset-views', title: 'Dataset views', metric: 'views', mode: 'delta', width: 8, filters: [['is', 'field:resource_types', ['dataset']]] },
      ] }] }],
    });
    if (!own.ok) throw new Error(JSON.stringify(own.issues));
    window.history.replaceState(null, '', '/?rs.f=is:countries:DE');
    render(<StatsDashboard apiBase={API} today={TODAY} layout={own.layout} urlSync />);
    const germany = await apiFigure('views', 'delta', [['is', 'field:countries', ['DE']]]);
    const datasetsInGermany = await apiFigure('views', 'delta', [['is', 'field:countries', ['DE']], ['is', 'field:resource_types', ['dataset']]]);
    expect(Number(datasetsInGermany)).toBeLessThan(Number(germany));
    await waitFor(() => expect(figure('Views')).toBe(germany));
    await waitFor(() => expect(figure('Dataset views')).toBe(datasetsInGermany));
  });

  it('when the dashboard is filtered, then the top-records widget asks the server for the records under that filter, up to today', async () => {
    const top = validateLayout({
      version: 1,
      tabs: [{ id: 'usage', label: 'Usage', rows: [{ widgets: [{ type: 'top-records', id: 'top', metric: 'views', limit: 3, width: 16 }] }] }],
    });
    if (!top.ok) throw new Error(JSON.stringify(top.issues));
    const asked: (string | null)[] = [];
    const ends: (string | null)[] = [];
    const listen = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (!url.pathname.endsWith('/top-records')) return;
      asked.push(url.searchParams.get('filters'));
      ends.push(url.searchParams.get('end'));
    };
    server.events.on('request:start', listen);
    try {
      window.history.replaceState(null, '', '/?rs.f=is:countries:DE');
      render(<StatsDashboard apiBase={API} today={TODAY} layout={top.layout} urlSync />);
      expect(await screen.findByText('Synthetic record 1')).toBeInTheDocument();
      expect(asked.map((f) => (f === null ? null : JSON.parse(f)))).toContainEqual([['is', 'field:countries', ['DE']]]);
      expect(asked).not.toContain(null);
      // The month snaps to its end (Jun 30); the records' range, as it is shown, ends today.
      expect(new Set(ends)).toEqual(new Set([TODAY]));
    } finally {
      server.events.removeListener('request:start', listen);
    }
  });

  it('when a widget filter names an unknown field, then the dashboard shows the path and the message', () => {
    render(<StatsDashboard apiBase={API} today={TODAY} layout={{ version: 1, tabs: [{ id: 'a', label: 'A', rows: [{ widgets: [{ type: 'single-stat', metric: 'views', mode: 'delta', width: 8, filters: [['is', 'field:colours', ['red']]] }] }] }] } as never} />);
    const panel = screen.getByRole('alert');
    expect(within(panel).getByText('tabs[0].rows[0].widgets[0].filters[0][1]')).toBeInTheDocument();
    expect(panel).toHaveTextContent('expected a subcount field');
  });
});
