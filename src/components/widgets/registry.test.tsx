/**
 * The real widgets inside the real dashboard, fed by the shared MSW handlers: every widget of the
 * default layout renders data (no error, no placeholder), and axe finds nothing on each tab.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../mocks/handlers';
import { defaultLayout } from '../../layout/defaults';
import { Dashboard } from '../StatsDashboard/Dashboard';
import { WIDGETS } from './registry';
import { axeViolations } from './testing';

const API = 'http://localhost/api';
const TODAY = '2025-12-31';
const server = setupServer(...createHandlers({ apiBase: API, today: TODAY }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const settled = () =>
  waitFor(
    () => {
      expect(document.querySelector('[aria-busy="true"]')).toBeNull();
      expect(document.querySelectorAll('.rs-widget').length).toBeGreaterThan(3);
    },
    { timeout: 20_000 },
  );

describe('widgets in the dashboard', () => {
  it('when the default layout renders, then every tab shows its widgets with data and axe finds no violations', async () => {
    const { container } = render(<Dashboard apiBase={API} today={TODAY} layout={defaultLayout} widgets={WIDGETS} />);
    const tabs = await screen.findAllByRole('tab');
    expect(tabs).toHaveLength(4);
    for (const tab of tabs) {
      await userEvent.click(tab);
      await settled();
      const panel = screen.getByRole('tabpanel');
      expect(within(panel).queryAllByRole('alert').map((a) => a.textContent)).toEqual([]);
      expect(within(panel).queryAllByText('No data for this range.')).toEqual([]);
      expect(panel.querySelectorAll('.rs-stat-value data').length).toBe(3);
      expect(panel.querySelectorAll('.rs-chart svg').length).toBeGreaterThan(0);
      expect(await axeViolations(container)).toEqual([]);
    }
  }, 120_000);

  it('when the traffic tab renders, then the map and the most-viewed records are there', async () => {
    render(<Dashboard apiBase={API} today={TODAY} layout={defaultLayout} widgets={WIDGETS} />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Cumulative traffic' }));
    await settled();
    const panel = screen.getByRole('tabpanel');
    await waitFor(() => expect(panel.querySelectorAll('.rs-map path').length).toBeGreaterThan(150), { timeout: 20_000 });
    expect(within(panel).getAllByRole('columnheader', { name: /Rank/ }).length).toBe(2);
  }, 60_000);
});
