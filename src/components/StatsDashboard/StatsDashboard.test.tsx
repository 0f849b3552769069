import { QueryClient } from '@tanstack/react-query';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useSeries } from '../../data/hooks';
import { createHandlers } from '../../mocks/handlers';
import type { LayoutInput } from '../../layout/schema';
import type { QueryRequest } from '../../api/query';
import { Dashboard } from './Dashboard';
import { choose, shownChoice } from '../controls/testing';
import { PROBE_WIDGETS } from './testing';

const API = 'http://localhost/api';
const TODAY = '2024-06-15';
const server = setupServer(...createHandlers({ apiBase: API, today: TODAY }));
const requests: string[] = [];
server.events.on('request:start', ({ request }) => void requests.push(request.url));
// findBy*/waitFor wait up to 5 s: a full parallel run on 2 cores renders jsdom slowly.
configure({ asyncUtilTimeout: 5000 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
  window.history.replaceState(null, '', '/');
});
afterAll(() => server.close());

const layout: LayoutInput = {
  version: 1,
  tabs: [
    {
      id: 'main',
      label: { en: 'Main', fr: 'Principal' },
      rows: [
        {
          widgets: [
            { type: 'single-stat', id: 'records', metric: 'records', mode: 'delta', width: 8 },
            { type: 'single-stat', id: 'views', metric: 'views', mode: 'delta', width: 8 },
            { type: 'breakdown', id: 'types', field: 'resource_types', metric: 'records', mode: 'cumulative', width: 16 },
          ],
        },
      ],
    },
    { id: 'second', label: 'dashboard:layout.tabs.traffic', rows: [{ widgets: [{ type: 'top-records', id: 'top', metric: 'views', width: 16 }] }] },
  ],
};

type Props = Partial<Parameters<typeof Dashboard>[0]>;
const dashboard = (props: Props = {}) => <Dashboard apiBase={API} today={TODAY} layout={layout} widgets={PROBE_WIDGETS} {...props} />;
// Generous timeout: under a full parallel run, jsdom renders slowly on 2 cores.
const probeText = async (id: string, matcher: RegExp) => waitFor(() => expect(screen.getByTestId(id).textContent).toMatch(matcher), { timeout: 5000 });
const select = (name: string) => screen.getByRole('combobox', { name });
/** The query-API queries the dashboard sent (GET /v1/query?q=…), parsed. */
const queries = () =>
  requests.filter((u) => new URL(u).pathname.endsWith('/v1/query')).map((u) => JSON.parse(new URL(u).searchParams.get('q')!) as QueryRequest);
/** Fails the query API for usage metrics only. */
const failUsage = () =>
  http.get(`${API}/v1/query`, ({ request }) => {
    const q = JSON.parse(new URL(request.url).searchParams.get('q')!) as QueryRequest;
    return q.metrics[0] === 'views' ? HttpResponse.json({ error: { code: 'boom', message: 'down' } }, { status: 500 }) : undefined;
  });

describe('StatsDashboard shell', () => {
  it('when rendered with a layout, then tabs show and widgets receive the last 12 months by month', async () => {
    render(dashboard());
    expect(screen.getByRole('tab', { name: 'Main' })).toHaveAttribute('aria-selected', 'true');
    await probeText('records', /periods=12 first=2023-07-01 summary=\d+ cmp=none/);
    await probeText('types', /items=dataset\|publication-article/);
    expect(screen.getByText(/Data as of Jun 15, 2024/)).toBeInTheDocument();
    // The widgets get whole months (through Jun 30); the header says where the days end: today.
    expect(screen.getByText('Jul 1, 2023 to Jun 15, 2024')).toBeInTheDocument();
  });

  it('when another tab is chosen with the keyboard, then its widgets show', async () => {
    render(dashboard());
    screen.getByRole('tab', { name: 'Main' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Cumulative traffic' })).toHaveAttribute('aria-selected', 'true');
    await probeText('top', /records=10/);
  });

  it('when no layout is given, then the community’s layout is fetched and shown', async () => {
    render(dashboard({ layout: undefined }));
    expect(await screen.findByRole('tab', { name: 'Content' })).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Content', 'Contributions', 'Cumulative traffic', 'Usage rates']);
    // The layout's configured tab icons render (decorative, beside the words).
    expect(screen.getAllByRole('tab').map((t) => t.querySelector('i.icon[aria-hidden="true"]')?.className)).toEqual(['chart pie icon', 'users icon', 'world icon', 'download icon']);
    expect(requests.some((u) => u.endsWith('/v1/communities/global/layout'))).toBe(true);
  });

  it('when the layout is a patch, then it is merged over the default', async () => {
    render(dashboard({ layout: { tabs: { remove: ['content', 'contributions'], order: ['usage'] } } }));
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Usage rates', 'Cumulative traffic']);
  });
});

describe('controls change what widgets receive', () => {
  it('when granularity becomes quarter, then the range snaps to whole quarters', async () => {
    render(dashboard());
    await probeText('records', /periods=12/);
    choose(select('Granularity'), 'Quarter');
    await probeText('records', /periods=4 first=2023-07-01/);
    expect(shownChoice(select('Date range'))).toBe('Last 4 quarters');
  });

  it('when a preset is chosen, then widgets get that range', async () => {
    render(dashboard());
    choose(select('Granularity'), 'Day');
    choose(select('Date range'), 'Last 7 days');
    await probeText('records', /periods=7 first=2024-06-09/);
  });

  it('when a custom range is typed and applied, then widgets get it', async () => {
    render(dashboard());
    choose(select('Date range'), 'Custom range');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2022-11-15' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2023-02-10' } });
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await probeText('records', /periods=4 first=2022-11-01/);
    expect(queries().some((q) => q.metrics[0] === 'records' && JSON.stringify(q.date_range) === '["2022-11-01","2023-02-28"]')).toBe(true);
  });

  it('when the range starts before the community has data, then the widget still gets every period of it', async () => {
    render(dashboard({ community: 'history' }));
    await probeText('records', /periods=12/);
    choose(select('Date range'), 'Custom range');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2019-01-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2023-02-10' } });
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await probeText('records', /periods=50 first=2019-01-01/);
  });

  it('when the date basis changes, then record widgets read that basis and usage widgets do not refetch', async () => {
    render(dashboard());
    await probeText('records', /summary=(\d+)/);
    const before = screen.getByTestId('records').textContent;
    const views = screen.getByTestId('views').textContent;
    choose(select('Date basis'), 'Published');
    await waitFor(() => expect(screen.getByTestId('records').textContent).not.toBe(before), { timeout: 5000 });
    expect(queries().some((q) => q.metrics[0] === 'records' && q.basis === 'published')).toBe(true);
    expect(queries().filter((q) => q.metrics[0] === 'views')).toHaveLength(1);
    expect(screen.getByTestId('views').textContent).toBe(views);
  });

  it.each([
    ['Previous year', /cmp=\d+/],
    ['Previous period', /cmp=\d+/],
  ])('when comparing with the %s, then widgets receive a comparison', async (label, expected) => {
    render(dashboard());
    await probeText('records', /cmp=none/);
    choose(select('Compare with'), label);
    await probeText('records', expected);
  });

  it('when exporting as JSON, then the document holds every data widget of every tab for the view', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), 'blob:x'));
    URL.revokeObjectURL = vi.fn();
    render(dashboard());
    await userEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    await screen.findByText('Exported 3 series.');
    const doc = JSON.parse(await blobs[0]!.text());
    expect(doc.widgets.map((w: { id: string }) => w.id)).toEqual(['records', 'views', 'types']);
    expect(doc.widgets[0].series[0].periods).toHaveLength(12);
  });
  it('when the export menu shows, then its COUNTER links fetch the community’s PR and IR for the months of the view', () => {
    render(dashboard({ community: 'physics' }));
    expect(screen.getByRole('link', { name: 'COUNTER PR report (TSV)' })).toHaveAttribute('href', `${API}/v1/communities/physics/counter/pr.tsv?begin_date=2023-07&end_date=2024-06`);
    expect(screen.getByRole('link', { name: 'COUNTER IR report (TSV)' })).toHaveAttribute('href', `${API}/v1/communities/physics/counter/ir.tsv?begin_date=2023-07&end_date=2024-06`);
  });
});

describe('states', () => {
  it('when a widget’s query fails, then the widget shows an error with retry, and retry recovers', async () => {
    server.use(failUsage());
    // A host QueryClient without retries: the failure shows at once.
    render(dashboard({ queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }) }));
    await probeText('views', /^error/);
    await probeText('records', /periods=12/); // one failure never blanks the others
    server.resetHandlers();
    await userEvent.click(screen.getByRole('button', { name: 'retry views' }));
    await probeText('views', /periods=12/);
  });

  it('when the range holds no data, then widgets are empty', async () => {
    render(dashboard({ initialView: { range: { kind: 'custom', start: '2015-01-01', end: '2015-12-31' } } }));
    await probeText('records', /^empty$/);
  });

  it('when data is loading, then widgets are pending', async () => {
    server.use(http.get(`${API}/v1/query`, () => new Promise(() => undefined)));
    render(dashboard());
    await probeText('records', /^pending$/);
  });

  it('when an aggregation runs, then a banner says so', async () => {
    server.use(...createHandlers({ apiBase: API, today: TODAY, aggregating: true }));
    render(dashboard());
    expect(await screen.findByText('Aggregation in progress: figures may change shortly.')).toBeInTheDocument();
  });

  it('when the community is disabled, then a message replaces the dashboard', async () => {
    render(dashboard({ community: 'archive' }));
    expect(await screen.findByText('Statistics are not enabled for this community.')).toBeInTheDocument();
  });

  it('when the layout is invalid, then a panel lists each path and message', () => {
    const onError = vi.fn();
    render(dashboard({ layout: { version: 1, tabs: [{ id: 'a', label: 'A', rows: [{ widgets: [{ type: 'single-stat', metric: 'likes', mode: 'delta', width: 20 }] }] }] }, onError }));
    const panel = screen.getByRole('alert');
    expect(panel).toHaveTextContent('The dashboard layout is invalid (2 problems):');
    expect(within(panel).getByText('tabs[0].rows[0].widgets[0].metric')).toBeInTheDocument();
    expect(within(panel).getByText('tabs[0].rows[0].widgets[0].width')).toBeInTheDocument();
    expect(onError).toHaveBeenCalledOnce();
  });

  it('when a widget type is unknown, then a notice stands where it would be and the rest renders', async () => {
    render(dashboard({ layout: { version: 1, tabs: [{ id: 'a', label: 'A', rows: [{ widgets: [{ type: 'gauge', width: 4 }, { type: 'single-stat', id: 'records', metric: 'records', mode: 'delta', width: 4 }] }] }] } }));
    expect(screen.getByRole('note')).toHaveTextContent('Unknown widget type “gauge”');
    await probeText('records', /periods=12/);
  });

  it('when a widget crashes, then its cell offers retry and the others stay', async () => {
    let crash = true;
    const Crashy = () => {
      if (crash) throw new Error('bad render');
      return <p>recovered</p>;
    };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(dashboard({ widgets: { ...PROBE_WIDGETS, text: Crashy }, layout: { version: 1, tabs: [{ id: 'a', label: 'A', rows: [{ widgets: [{ type: 'text', body: 'x', width: 8 }, { type: 'single-stat', id: 'records', metric: 'records', mode: 'delta', width: 8 }] }] }] } }));
    expect(screen.getByRole('alert')).toHaveTextContent('This widget failed to display.');
    crash = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(screen.getByText('recovered')).toBeInTheDocument();
    await probeText('records', /periods=12/);
  });
});

describe('instances, URL and language', () => {
  it('when two dashboards share a page, then their controls and languages are independent', async () => {
    render(
      <>
        <section aria-label="one">{dashboard({ locale: 'en' })}</section>
        <section aria-label="two">{dashboard({ locale: 'fr' })}</section>
      </>,
    );
    const one = within(screen.getByRole('region', { name: 'one' }));
    const two = within(screen.getByRole('region', { name: 'two' }));
    expect(two.getByRole('tab', { name: 'Principal' })).toBeInTheDocument();
    choose(one.getByRole('combobox', { name: 'Granularity' }), 'Year');
    await waitFor(() => expect(one.getByTestId('records').textContent).toMatch(/periods=5/), { timeout: 5000 });
    await waitFor(() => expect(two.getByTestId('records').textContent).toMatch(/periods=12/), { timeout: 5000 });
    expect(shownChoice(two.getByRole('combobox', { name: 'Granularité' }))).toBe('Mois');
  });

  it('when urlSync is on, then changes reach the URL and a shared link restores the view', async () => {
    const first = render(dashboard({ urlSync: true }));
    choose(select('Granularity'), 'Week');
    choose(select('Compare with'), 'Previous year');
    await waitFor(() => expect(window.location.search).toBe('?rs.range=last-12-weeks&rs.g=week&rs.cmp=previous-year'), { timeout: 5000 });
    const link = window.location.search;
    first.unmount();
    window.history.replaceState(null, '', `/${link}`);
    render(dashboard({ urlSync: true }));
    expect(shownChoice(select('Granularity'))).toBe('Week');
    expect(shownChoice(select('Compare with'))).toBe('Previous year');
    await probeText('records', /periods=12 first=2024-03-25 summary=\d+ cmp=\d+/);
  });

  it('when two synced dashboards use namespaces, then each keeps its own parameters', async () => {
    window.history.replaceState(null, '', '/?a.g=year&b.g=day');
    render(
      <>
        <section aria-label="a">{dashboard({ urlSync: { namespace: 'a' } })}</section>
        <section aria-label="b">{dashboard({ urlSync: { namespace: 'b' } })}</section>
      </>,
    );
    expect(shownChoice(within(screen.getByRole('region', { name: 'a' })).getByRole('combobox', { name: 'Granularity' }))).toBe('Year');
    expect(shownChoice(within(screen.getByRole('region', { name: 'b' })).getByRole('combobox', { name: 'Granularity' }))).toBe('Day');
  });

  it('when the locale prop changes, then labels, controls and dates switch language', async () => {
    const { rerender } = render(dashboard({ locale: 'en' }));
    expect(await screen.findByText(/Data as of Jun 15, 2024/)).toBeInTheDocument();
    rerender(dashboard({ locale: 'fr' }));
    expect(await screen.findByRole('tab', { name: 'Principal' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Granularité' })).toBeInTheDocument();
    expect(screen.getByText(/Données au 15 juin 2024/)).toBeInTheDocument();
    rerender(dashboard({ locale: 'de' }));
    expect(await screen.findByRole('combobox', { name: 'Auflösung' })).toBeInTheDocument();
  });

  it('when a data hook is used outside a dashboard, then it throws a clear error', () => {
    const Lost = () => {
      useSeries({ metric: 'records', mode: 'delta' });
      return null;
    };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Lost />)).toThrow(/inside <StatsDashboard>/);
  });
});
