/**
 * Portable stories: the layout playground stories rendered in jsdom, asserting what a site owner
 * sees. The dashboard preview fetches through the project's MSW handlers, as in Storybook.
 */
import './support/portable';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { composeStories } from '@storybook/react-vite';
import { setupServer } from 'msw/node';
import * as playground from './LayoutPlayground.stories';
import type { HttpHandler } from 'msw';

const { BrokenLayout, NotJson, UnknownWidgetType } = composeStories(playground);

// The stories' own MSW handlers (their `parameters.msw`), so the test serves what Storybook serves.
const server = setupServer(...(UnknownWidgetType.parameters.msw as HttpHandler[]));
beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('layout playground stories', () => {
  it('when the layout is broken, then every problem is listed with its path and no dashboard is drawn', () => {
    render(<BrokenLayout />);
    const problems = within(screen.getByRole('list', { name: 'Layout problems' }));
    expect(screen.getByRole('heading', { name: '3 problems in the layout' })).toBeInTheDocument();
    expect(problems.getByText('tabs[0].rows[0].widgets[0].metric')).toBeInTheDocument();
    expect(problems.getByText('tabs[0].rows[0].widgets[1].width')).toBeInTheDocument();
    expect(problems.getByText('tabs[0].rows[0].widgets[2].mode')).toBeInTheDocument();
    expect(screen.getByText('Fix the layout to see the dashboard.')).toBeInTheDocument();
  });

  it('when the text is not JSON, then the one problem says so', () => {
    render(<NotJson />);
    expect(within(screen.getByRole('list', { name: 'Layout problems' })).getByText(/^Not valid JSON/)).toBeInTheDocument();
  });

  it('when a widget type is unknown, then the layout is still valid, the warning names it and the dashboard draws', async () => {
    render(<UnknownWidgetType />);
    expect(screen.getByText('Layout is valid.')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Layout warnings' })).getByText('tabs[0].rows[0].widgets[0].type')).toBeInTheDocument();
    const preview = within(screen.getByRole('region', { name: 'Dashboard preview' }));
    expect(await preview.findByRole('heading', { name: 'Views' }, { timeout: 10_000 })).toBeInTheDocument();
  });
});
