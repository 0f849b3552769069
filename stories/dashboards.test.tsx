/**
 * Portable stories: the default dashboard story rendered in jsdom against its own MSW handlers
 * (the demo fixtures), asserting what a reader sees.
 */
import './support/portable';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { composeStories } from '@storybook/react-vite';
import type { HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import * as dashboards from './Dashboards.stories';

const { GlobalDashboard, DisabledCommunity, FilteredByResourceType } = composeStories(dashboards);

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => server.close());

describe('dashboard stories', () => {
  it('when the global dashboard story renders, then the default layout’s tabs and first widgets appear', async () => {
    server.resetHandlers(...(GlobalDashboard.parameters.msw as HttpHandler[]));
    render(<GlobalDashboard />);
    // The figures themselves are checked in Chromium (scripts/storybook-smoke.ts): parsing the
    // year's fixture bundles in jsdom takes longer than a unit test should wait.
    expect(await screen.findByRole('tab', { name: 'Content' }, { timeout: 15_000 })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Usage rates' })).toBeInTheDocument();
    // Asked again on each try: the widget's heading node is replaced when its data arrives, so a
    // node found a moment earlier can be detached by the time it is asserted on.
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Total records' })).toBeInTheDocument(), { timeout: 15_000 });
  });

  it('when the filtered story renders, then a chip names the resource type by its label', async () => {
    server.resetHandlers(...(FilteredByResourceType.parameters.msw as HttpHandler[]));
    render(<FilteredByResourceType />);
    const chips = await screen.findByRole('list', { name: 'Active filters' }, { timeout: 15_000 });
    await waitFor(() => expect(chips).toHaveTextContent('Resource types: Journal article'), { timeout: 15_000 });
  });

  it('when the community is switched off, then the story shows a message instead of a page', async () => {
    server.resetHandlers(...(DisabledCommunity.parameters.msw as HttpHandler[]));
    render(<DisabledCommunity />);
    expect(await screen.findByRole('status', {}, { timeout: 15_000 })).toHaveTextContent(/./);
  });
});
