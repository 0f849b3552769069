/**
 * Portable stories: the widget stories themselves, rendered in jsdom, asserting what a reader
 * sees. If a story breaks or drifts from the component, these fail.
 */
import './support/portable';
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { composeStories } from '@storybook/react-vite';
import * as singleStat from '../src/components/widgets/SingleStat/SingleStat.stories';
import * as breakdown from '../src/components/widgets/Breakdown/Breakdown.stories';
import * as topRecords from '../src/components/widgets/TopRecords/TopRecords.stories';
import * as text from '../src/components/widgets/TextBlock/TextBlock.stories';
import * as table from '../src/components/widgets/SeriesTable/SeriesTable.stories';
import * as timeSeries from '../src/components/widgets/TimeSeries/TimeSeries.stories';
import * as worldMap from '../src/components/widgets/WorldMap/WorldMap.stories';
import { snapRange } from '../src/core/dates';
import { bucketsOf, comparisonRange } from '../src/core/queryRange';
import { DEFAULT_PRESET, resolvePreset } from '../src/core/series/presets';
import { STORY_TODAY } from './support/demoSeries';
import { cardAction, tableRows } from '../src/components/widgets/testing';
import { RTL_LABELS } from './support/variants';
import usageDelta from '../src/mocks/fixtures/global.usage-delta.2025.json';
import recordSnapshot from '../src/mocks/fixtures/global.record-snapshot.added.2025.json';

const SingleStat = composeStories(singleStat);
const SingleStatFr = composeStories(singleStat, { initialGlobals: { locale: 'fr' } });

describe('single-stat stories', () => {
  it('when the Records story renders, then the reader sees the records figure and its mode', () => {
    render(<SingleStat.Records />);
    expect(screen.getByRole('heading', { name: 'Records' })).toBeInTheDocument();
    expect(screen.getByText('total')).toBeInTheDocument();
    // The demo's records held at its last day, straight from the fixture the story draws from.
    const held = recordSnapshot.totals.records.at(-1);
    expect(document.querySelector('.rs-stat-value data')?.getAttribute('value')).toBe(String(held));
    expect(screen.getByText(String(held))).toBeInTheDocument();
  });

  it('when the Loading story renders, then a busy skeleton with a loading message shows', () => {
    render(<SingleStat.Loading />);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(document.querySelector('[aria-busy="true"]')).not.toBeNull();
  });

  it('when the Error story renders, then an alert offers Retry', () => {
    render(<SingleStat.ErrorState />);
    expect(screen.getByRole('alert')).toHaveTextContent('This widget could not load its data.');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('when the Huge numbers story renders, then the figure is compact, not a 16-digit string', () => {
    render(<SingleStat.HugeNumbers />);
    const figure = document.querySelector('.rs-stat-value data');
    expect(Number(figure?.getAttribute('value'))).toBeGreaterThan(1e15);
    expect(figure?.textContent).toMatch(/^[\d.,]+\s?[A-Z]+$/);
    expect(figure?.textContent?.length).toBeLessThan(12);
  });

  it('when the language global is French, then the widget speaks French', () => {
    render(<SingleStatFr.Records />);
    expect(screen.getByRole('heading', { name: 'Notices' })).toBeInTheDocument();
    expect(screen.getByText('au total')).toBeInTheDocument();
    // "Data as of" is said once, in the dashboard's header, not per widget.
    expect(screen.queryByText(/Données au/)).toBeNull();
  });
});

const Breakdown = composeStories(breakdown);
const TopRecords = composeStories(topRecords);
const Text = composeStories(text);
const Table = composeStories(table);

describe('breakdown stories', () => {
  it('when the resource-types table story renders, then each item row shows its count from the demo', () => {
    render(<Breakdown.ResourceTypesTable />);
    expect(screen.getByRole('heading', { name: 'Resource types' })).toBeInTheDocument();
    const rows = screen.getAllByRole('row');
    // Header + at least one item + "Other".
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows[1]?.textContent).toMatch(/\d/);
  });

  it('when the RTL-length labels story renders, then the Arabic and Hebrew names are shown whole', () => {
    render(<Breakdown.RtlLengthLabels />);
    expect(screen.getAllByText(RTL_LABELS[0]!).length).toBeGreaterThan(0);
    expect(screen.getAllByText(RTL_LABELS[1]!).length).toBeGreaterThan(0);
  });

  it('when the Error story renders, then the widget keeps its title above the alert', () => {
    render(<Breakdown.ErrorState />);
    expect(screen.getByRole('heading', { name: 'Resource types' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Retry');
  });
});

describe('other widget stories', () => {
  it('when the most-viewed story renders, then the first record is ranked 1 with its title', () => {
    render(<TopRecords.MostViewed />);
    const first = screen.getAllByRole('row')[1];
    expect(first?.textContent).toContain('Dictionary of Canadianisms');
  });

  it('when the text story renders, then heading and body read as written', () => {
    render(<Text.HeadingAndBody />);
    expect(screen.getByRole('heading', { name: 'About these statistics' })).toBeInTheDocument();
    expect(screen.getByText(/COUNTER Code of Practice/)).toBeInTheDocument();
  });

  it('when the usage-by-month table renders, then there is a row per month of the demo year and the total is the fixture total', () => {
    render(<Table.UsageByMonth />);
    const rows = screen.getAllByRole('row').map((row) => row.textContent ?? '');
    expect(rows.filter((text) => /^[A-Z][a-z]{2} 2025/.test(text))).toHaveLength(12);
    const views = usageDelta.totals.views.reduce((a, b) => a + b, 0);
    expect(rows.find((text) => text.startsWith('Total'))).toContain(views.toLocaleString('en'));
  });
});

const TimeSeries = composeStories(timeSeries);

describe('time-series stories', () => {
  it('when the compared-by-country story shows its table, then each country has its previous period, read from the fixture', async () => {
    render(<TimeSeries.ComparedByCountry />);
    cardAction('View as table');
    const [header, firstRow] = tableRows(screen.getByRole('table'));
    const names = header!.slice(1);
    // Every shown column (8 countries, Other) is followed by its previous period.
    expect(names.filter((_, i) => i % 2 === 1)).toEqual(names.filter((_, i) => i % 2 === 0).map((n) => (n.startsWith('Other') ? 'Other (previous period)' : `${n} (previous period)`)));
    expect(names).toHaveLength(18);
    // The first week's previous period: the first week of the query API's comparison range (the
    // same number of days just before the range, which ends on the data's last day), summed from the fixture.
    const first = snapRange(resolvePreset(DEFAULT_PRESET.week, { today: STORY_TODAY }), 'week').start;
    const week = bucketsOf(comparisonRange([first, STORY_TODAY], 'previous_period'), 'week')[0]!;
    const countries = usageDelta.subcounts.countries;
    const index = countries.items.findIndex((item) => new Intl.DisplayNames('en', { type: 'region' }).of(item.id) === names[0]);
    const from = usageDelta.dates.indexOf(week.start);
    expect(from).toBeGreaterThanOrEqual(0);
    const previous = countries.series.views![index]!.slice(from, usageDelta.dates.indexOf(week.end) + 1).reduce((a, b) => a + b, 0);
    expect(previous).toBeGreaterThan(0);
    expect(firstRow![2]).toBe(previous.toLocaleString('en'));
  });

  it('when the compared-by-resource-type story renders ten types, then the chart says only the top eight are compared', () => {
    render(<TimeSeries.ComparedByResourceTypeTopItems />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('The previous period is drawn for the top 8 items only.');
  });
});

const WorldMap = composeStories(worldMap);

/** Every widget kind's reader-state stories (READER_STATES), rendered as a reader meets them. */
const KINDS = { 'single-stat': SingleStat, breakdown: Breakdown, 'time-series': TimeSeries, map: WorldMap, 'top-records': TopRecords, table: Table };

describe('reader states of every widget kind', () => {
  it.each(Object.entries(KINDS))('when the %s menu-open story renders, then its ⋯ menu is open with its actions', async (_, stories) => {
    render(<stories.MenuOpen />);
    const menu = document.querySelector('.rs-card-menu')!;
    await waitFor(() => expect(menu).toHaveAttribute('aria-expanded', 'true'));
    expect(within(menu as HTMLElement).getByRole('option', { name: 'Download CSV' })).toBeInTheDocument();
    expect(within(menu as HTMLElement).getByRole('option', { name: 'Hide' })).toBeInTheDocument();
  });

  it.each(Object.entries(KINDS))('when the %s hidden-card story renders, then only the title and a menu offering Show are left', async (_, stories) => {
    const { container } = render(<stories.HiddenCard />);
    await waitFor(() => expect(container.querySelector('.rs-widget-hidden')).not.toBeNull());
    expect(container.querySelector('.rs-widget-body')).toBeNull();
    expect(within(container.querySelector<HTMLElement>('.rs-card-menu')!).getByRole('option', { name: 'Show' })).toBeInTheDocument();
  });

  it.each([
    ['time-series', TimeSeries],
    ['map', WorldMap],
  ] as const)('when the %s table-view story renders, then the chart is replaced by its table', async (_, stories) => {
    render(<stories.TableView />);
    await waitFor(() => expect(screen.getByRole('table')).toBeInTheDocument());
    expect(screen.queryByRole('img')).toBeNull();
  });

  it.each(Object.entries(KINDS))('when the %s dark story renders, then it is drawn on the dark theme', (_, stories) => {
    const { container } = render(<stories.Dark />);
    expect(container.querySelector('[data-rs-storybook-theme="dark"]')).not.toBeNull();
  });
});
