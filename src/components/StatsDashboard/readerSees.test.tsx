/**
 * What a reader sees on the shipped dashboard, in each of the four languages: the default layout
 * with the real widgets against the mock API serving the demo fixtures (bundles the real pipeline
 * rendered, so items carry the labels a real server sends: none for access statuses, file types
 * and countries, ids such as `metadata-only`, ROR ids, FAST URLs). Every card title, chart
 * legend and axis label, bar-list row and table cell of every tab is read and must be words.
 */
import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SeriesBundle } from '../../api/schemas';
import { defaultCommunityLayout, defaultLayout } from '../../layout/defaults';
import { LOCALES, RESOURCES, type Locale } from '../../i18n/createI18n';
import { ADDITION_WORDS, NET_WORDS } from '../../i18n/testing';
import { FIXTURE_COMMUNITY, FIXTURE_TODAY, fixtureHandlers } from '../../../stories/support/fixtureHandlers';
import usageDelta from '../../mocks/fixtures/global.usage-delta.2025.json';
import recordDelta from '../../mocks/fixtures/global.record-delta.added.2025.json';
import { plain } from '../widgets/testing';
import { StatsDashboard } from './StatsDashboard';

const server = setupServer(...fixtureHandlers());
// Rendering every widget of a tab in jsdom on a shared 2-core machine is slow.
configure({ asyncUtilTimeout: 20_000 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/**
 * Item ids that are not words: shown as written they would be a raw id. Publishers, periodicals
 * and referrers are left out: their ids are their names (a host name reads as written).
 */
const RAW_IDS = new Set(
  [usageDelta, recordDelta].flatMap((bundle) =>
    Object.entries((bundle as unknown as SeriesBundle).subcounts)
      .filter(([field]) => !['publishers', 'periodicals', 'referrers'].includes(field))
      .flatMap(([, sub]) => sub!.items.map((i) => i.id)),
  ),
);

/** `widgets.title`, `layout.widgets.total-records`, `dashboard:header.global`: an i18n key shown as text. */
const TOP_KEYS = [...new Set(Object.values(RESOURCES.en).flatMap((ns) => Object.keys(ns)))];
const I18N_KEY = new RegExp(`(^|\\s|:)(dashboard:|widgets:)?(${TOP_KEYS.join('|')})\\.[\\w-]+`);
const NOT_WORDS = /\bundefined\b|\bNaN\b|\bnull\b|\[object|\{\w+\}|\{\{/;

/** Every piece of reader text a tab shows: card titles, chart texts (legends, axes), list rows, table cells. */
function texts(panel: HTMLElement): { where: string; text: string }[] {
  const read = (selector: string, where: string) =>
    [...panel.querySelectorAll(selector)].map((el) => ({ where, text: plain(el.textContent).trim() })).filter((x) => x.text !== '');
  return [
    ...read('.rs-widget-title', 'card title'),
    ...read('svg text, svg tspan', 'chart label'),
    ...read('.rs-barlist-name', 'bar-list row'),
    ...read('td, th', 'table cell'),
    ...read('.rs-stat-value, .rs-widget-description, .rs-notes', 'card text'),
  ];
}

const problems = (shown: { where: string; text: string }[]) =>
  shown.filter(({ text }) => RAW_IDS.has(text) || I18N_KEY.test(text) || NOT_WORDS.test(text));

const NEGATIVE = /(^|\s)[−-]\s?\d/;

async function settled(panel: HTMLElement) {
  await waitFor(() => expect(within(panel).getAllByRole('heading').length).toBeGreaterThan(5));
  await waitFor(() => expect(panel.querySelector('[aria-busy="true"]')).toBeNull());
}

function tabNames(locale: Locale): string[] {
  const tabs = RESOURCES[locale].dashboard.layout.tabs;
  return [tabs.content, tabs.contributions, tabs.traffic, tabs.usage];
}

describe('what a reader sees, in each language', () => {
  it.each(LOCALES)('in %s, every card title, chart label, bar-list row and table cell of every tab is words, and "data as of" is said once', async (locale) => {
    const { container } = render(<StatsDashboard today={FIXTURE_TODAY} layout={defaultLayout} locale={locale} />);
    const seen: { tab: string; where: string; text: string }[] = [];
    for (const name of tabNames(locale)) {
      act(() => screen.getByRole('tab', { name }).click());
      const panel = screen.getByRole('tabpanel');
      await settled(panel);
      seen.push(...texts(panel).map((x) => ({ tab: name, ...x })));
      // Exactly one "data as of" line for the whole dashboard, whichever tab is open.
      const asOf = RESOURCES[locale].dashboard.states.dataAsOf.split('{')[0]!.trim();
      expect(container.textContent!.split(asOf).length - 1, `"${asOf}" on ${name}`).toBe(1);
    }
    expect(seen.filter((x) => x.where === 'card title').length).toBeGreaterThan(40);
    expect(seen.filter((x) => x.where === 'bar-list row').length).toBeGreaterThan(100);
    expect(problems(seen)).toEqual([]);
  }, 120_000);

  it.each(LOCALES)('in %s, a card that shows a negative figure says "net" in its title, never "added" or "new"', async (locale) => {
    // 31 August 2025: the demo's records, languages and data volume shrank that day (net −1).
    const day = { kind: 'custom', start: '2025-08-31', end: '2025-08-31' } as const;
    render(<StatsDashboard today={FIXTURE_TODAY} layout={defaultLayout} locale={locale} initialView={{ granularity: 'day', range: day, tab: 'contributions' }} />);
    expect(screen.getByRole('tab', { name: tabNames(locale)[1]! })).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel');
    await settled(panel);
    const negative = [...panel.querySelectorAll<HTMLElement>('section.rs-widget')]
      .map((card) => ({
        title: plain(card.querySelector('.rs-widget-title')!.textContent),
        figures: [...card.querySelectorAll('.rs-barlist-value, .rs-stat-value, td, svg text')].map((el) => plain(el.textContent)).filter((text) => NEGATIVE.test(text)),
      }))
      .filter((card) => card.figures.length > 0);
    // The demo has removals, so some net changes are negative: the check below is not empty.
    expect(negative.length).toBeGreaterThan(0);
    for (const card of negative) {
      expect(card.title, card.figures.join(' ')).not.toMatch(ADDITION_WORDS);
      expect(card.title).toMatch(NET_WORDS[locale]);
    }
  });

  it.each(LOCALES)('in %s, a community dashboard names its community in the header', async (locale) => {
    render(<StatsDashboard today={FIXTURE_TODAY} layout={defaultCommunityLayout} community={FIXTURE_COMMUNITY.slug!} locale={locale} />);
    const header = await screen.findByRole('heading', { level: 2, name: FIXTURE_COMMUNITY.title! });
    expect(header.closest('header')!.textContent).not.toMatch(RESOURCES[locale].dashboard.header.global);
  });
});
