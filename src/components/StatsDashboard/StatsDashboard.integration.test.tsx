/**
 * The shipped dashboard (real widget registry) on the default layout against the MSW handlers:
 * what a host gets from `<StatsDashboard />` and from `mountStatsDashboard`.
 */
import { configure, act, render, screen, waitFor, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../mocks/handlers';
import { defaultLayout } from '../../layout/defaults';
import { validateLayout } from '../../layout/validate';
import { choose } from '../controls/testing';
import { cardAction, tableRows } from '../widgets/testing';
import { mountStatsDashboard } from '../../mount';
import { StatsDashboard } from './StatsDashboard';

const API = 'http://localhost/api';
const server = setupServer(...createHandlers({ apiBase: API, today: '2024-06-15' }));
// findBy*/waitFor wait up to 5 s: a full parallel run on 2 cores renders jsdom slowly.
configure({ asyncUtilTimeout: 5000 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('StatsDashboard with the real widgets', () => {
  it('when the default layout renders, then the content tab shows its totals without crashing a widget', async () => {
    render(<StatsDashboard apiBase={API} today="2024-06-15" layout={defaultLayout} />);
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Content', 'Contributions', 'Cumulative traffic', 'Usage rates']);
    const panel = screen.getByRole('tabpanel');
    await waitFor(() => expect(within(panel).getByRole('heading', { name: 'Total records' })).toBeInTheDocument(), { timeout: 5000 });
    expect(within(panel).queryByText('This widget failed to display.')).toBeNull();
    expect(within(panel).queryByText(/Unknown widget type/)).toBeNull();
  });

  it('when every widget of the content tab has data, then "Data as of" is said once for the whole dashboard', async () => {
    const { container } = render(<StatsDashboard apiBase={API} today="2024-06-15" layout={defaultLayout} />);
    const panel = screen.getByRole('tabpanel');
    await waitFor(() => expect(within(panel).getAllByRole('heading').length).toBeGreaterThan(10), { timeout: 5000 });
    await waitFor(() => expect(panel.querySelector('[aria-busy="true"]')).toBeNull(), { timeout: 8000 });
    await waitFor(() => expect(screen.getByText(/^Data as of /)).toBeInTheDocument());
    expect(container.textContent!.match(/Data as of/g)).toHaveLength(1);
    expect(within(panel).queryByText(/Data as of/)).toBeNull();
  });

  it.each([
    // "Last 12 months" by month on Jun 15 snaps to Jul 1 – Jun 30; the header says where the days end: today.
    ['en', 'Physics', 'Jul 1, 2023 to Jun 15, 2024'],
    ['fr', 'Physics', 'du 1 juil. 2023 au 15 juin 2024'],
  ])('when a community is named by its slug in %s, then the header shows its title, the range in words up to today and data as of', async (locale, title, range) => {
    render(<StatsDashboard apiBase={API} today="2024-06-15" layout={defaultLayout} community="physics" locale={locale} />);
    const header = (await screen.findByRole('heading', { level: 2, name: title })).closest('header')!;
    expect(header.textContent).toContain(range);
    expect(header.textContent).toMatch(locale === 'en' ? /Data as of Jun 15, 2024/ : /Données au 15 juin 2024/);
  });

  it('when the host gives a title, then the header shows it instead of the community’s', async () => {
    render(<StatsDashboard apiBase={API} today="2024-06-15" layout={defaultLayout} title="Our physics output" />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Our physics output' })).toBeInTheDocument();
  });

  it.each(['Contributions', 'Cumulative traffic', 'Usage rates'])('when the %s tab is opened, then its widgets render without a crash', async (name) => {
    render(<StatsDashboard apiBase={API} today="2024-06-15" layout={defaultLayout} />);
    act(() => screen.getByRole('tab', { name }).click());
    const panel = screen.getByRole('tabpanel');
    await waitFor(() => expect(within(panel).getAllByRole('heading').length).toBeGreaterThan(5), { timeout: 5000 });
    await waitFor(() => expect(panel.querySelector('[aria-busy="true"]')).toBeNull(), { timeout: 8000 });
    expect(within(panel).queryByText('This widget failed to display.')).toBeNull();
  });

  it('when mounted on a plain element, then update switches the language and unmount empties it', async () => {
    const element = document.createElement('div');
    document.body.append(element);
    let mounted!: ReturnType<typeof mountStatsDashboard>;
    act(() => {
      mounted = mountStatsDashboard(element, { apiBase: API, today: '2024-06-15', layout: defaultLayout });
    });
    await waitFor(() => expect(within(element).getByRole('tab', { name: 'Content' })).toBeInTheDocument());
    act(() => mounted.update({ locale: 'es' }));
    await waitFor(() => expect(within(element).getByRole('tab', { name: 'Contenido' })).toBeInTheDocument());
    act(() => mounted.unmount());
    expect(element.innerHTML).toBe('');
    element.remove();
  });

  it('when the reader compares with the previous period and shows views separately, then the table has each item’s previous period', async () => {
    const result = validateLayout({
      version: 1,
      tabs: [{ id: 'usage', label: 'Usage', rows: [{ widgets: [{ type: 'time-series', metrics: ['views'], mode: 'delta', breakdownBy: ['resource_types'], topN: 3, width: 16 }] }] }],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    render(<StatsDashboard apiBase={API} today="2024-06-15" layout={result.layout} />);
    choose(screen.getByRole('combobox', { name: 'Compare with' }), 'Previous period');
    const separately = await screen.findByRole('combobox', { name: 'Show separately' });
    choose(separately, 'Show separately: Resource types');
    // The card's menu opens once the separate series have arrived (it is disabled while pending).
    // The card keeps its controls while the separate series load (the control is the same element).
    expect(separately).toHaveFocus();
    cardAction('View as table', separately.closest('section')!);
    await waitFor(() => expect(tableRows(screen.getByRole('table'))[0]).toHaveLength(1 + 2 * 4));
    const [header, ...rows] = tableRows(screen.getByRole('table'));
    const shown = header!.slice(1).filter((_, i) => i % 2 === 0);
    expect(header!.slice(1).filter((_, i) => i % 2 === 1)).toEqual(
      shown.map((name) => (name.startsWith('Other') ? 'Other (previous period)' : `${name} (previous period)`)),
    );
    // The previous period has figures (the mock repository has data before the range).
    expect(rows.some((r) => r.slice(1).some((cell, i) => i % 2 === 1 && cell !== '0'))).toBe(true);
  });
});
