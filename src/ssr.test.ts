/**
 * SSR safety: the public entry imports and renders to a string in plain Node (no window, no
 * document), so hosts can server-render the page that embeds a dashboard.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

describe('SSR', () => {
  it('when the package is imported and rendered in Node, then it needs no window and prints the tabs', async () => {
    expect(typeof window).toBe('undefined');
    const { StatsDashboard, defaultLayout } = await import('./index');
    const html = renderToString(createElement(StatsDashboard, { apiBase: 'http://localhost/api', layout: defaultLayout, locale: 'de', urlSync: true }));
    expect(html).toContain('class="rs-dashboard rs-theme-light"');
    expect(html).toContain('role="tab"');
    expect(html).toContain('Beiträge');
  });
});
