import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { choose } from '../../controls/testing';
import { TimeSeriesView, type TimeSeriesViewProps } from './TimeSeriesView';
import { breakdownSeries, comparedBreakdownSeries, makeSeries, manyComparedItems } from '../../../core/charts/testSeries';
import { axeViolations, cardAction, tableRows, viewCommon } from '../testing';

function props(over: Partial<TimeSeriesViewProps> = {}): TimeSeriesViewProps {
  return {
    ...viewCommon('en'),
    title: 'Views over time',
    metrics: ['views'],
    metric: 'views',
    onMetricChange: () => {},
    mode: 'delta',
    chart: 'line',
    stacked: false,
    breakdownBy: [],
    separately: null,
    onSeparatelyChange: () => {},
    height: 240,
    series: makeSeries({ values: [1200, 20, 30], comparison: { kind: 'previous-year', values: [5, 6, 7], summary: 18 } }),
    ...over,
  };
}

const rowsOf = tableRows;

describe('TimeSeriesView', () => {
  it('when drawn, then the chart is described for screen readers with the range and total', () => {
    render(<TimeSeriesView {...props()} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('Views per day, Jan 1, 2024 to Jan 3, 2024: 1,250 in period.');
  });

  it('when the reader asks for the table, then each period shows its value and the comparison', async () => {
    render(<TimeSeriesView {...props()} />);
    cardAction('View as table');
    expect(rowsOf(screen.getByRole('table'))).toEqual([
      ['Period', 'Views', 'Previous year'],
      ['Jan 1, 2024', '1,200', '5'],
      ['Jan 2, 2024', '20', '6'],
      ['Jan 3, 2024', '30', '7'],
    ]);
  });

  it('when shown separately, then each item and an exact Other with its item count are columns', async () => {
    render(<TimeSeriesView {...props({ breakdownBy: ['resource_types'], separately: 'resource_types', series: breakdownSeries() })} />);
    cardAction('View as table');
    expect(rowsOf(screen.getByRole('table'))[0]).toEqual(['Period', 'Article', 'Dataset', 'Software', 'Other (2 items)']);
    expect(rowsOf(screen.getByRole('table'))[1]).toEqual(['Jan 1, 2024', '10', '20', '5', '15']);
  });

  describe('when shown separately with the previous period on', () => {
    const separately = () => props({ breakdownBy: ['resource_types'], separately: 'resource_types', series: comparedBreakdownSeries() });

    afterEach(() => vi.restoreAllMocks());

    it('then the table has each item’s previous period beside it, period by period', async () => {
      render(<TimeSeriesView {...separately()} />);
      cardAction('View as table');
      expect(rowsOf(screen.getByRole('table'))).toEqual([
        [
          'Period',
          'Article',
          'Article (previous period)',
          'Dataset',
          'Dataset (previous period)',
          'Software',
          'Software (previous period)',
          'Other (2 items)',
          'Other (previous period)',
        ],
        ['Jan 1, 2024', '10', '8', '20', '25', '5', '0', '15', '10'],
        ['Jan 2, 2024', '15', '12', '20', '25', '0', '5', '15', '10'],
      ]);
    });

    it('then the chart draws each item solid and its previous period dashed, in the same colour', async () => {
      const { container } = render(<TimeSeriesView {...separately()} />);
      await waitFor(() => expect(container.querySelector('svg path')).not.toBeNull());
      // The data lines are 2px (1.5px for comparisons); axes and grid lines are thinner.
      const lines = [...container.querySelectorAll('svg path[fill="none"]')].filter((p) => Number(p.getAttribute('stroke-width')) >= 1.5);
      const strokes = (dashed: boolean) => lines.filter((p) => p.hasAttribute('stroke-dasharray') === dashed).map((p) => p.getAttribute('stroke'));
      expect(strokes(false)).toHaveLength(4); // Article, Dataset, Software, Other
      expect(new Set(strokes(false)).size).toBe(4);
      expect(strokes(true)).toEqual(strokes(false));
    });

    it('then the CSV and JSON exports carry the previous-period columns', async () => {
      const files: Blob[] = [];
      vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (files.push(b as Blob), 'blob:x'));
      vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
      render(<TimeSeriesView {...separately()} />);
      cardAction('Download CSV');
      cardAction('Download JSON');
      expect((await files[0]!.text()).split('\r\n').slice(0, 2)).toEqual([
        'Period,Article,Article (previous period),Dataset,Dataset (previous period),Software,Software (previous period),Other (2 items),Other (previous period)',
        '2024-01-01,10,8,20,25,5,0,15,10',
      ]);
      const json = JSON.parse(await files[1]!.text()) as { series: { name: string; values: number[] }[] };
      expect(json.series.filter((s) => s.name.endsWith('(previous period)'))).toEqual([
        { name: 'Article (previous period)', values: [8, 12] },
        { name: 'Dataset (previous period)', values: [25, 25] },
        { name: 'Software (previous period)', values: [0, 5] },
        { name: 'Other (previous period)', values: [10, 10] },
      ]);
    });

    it('when the previous year is compared in German, then the columns say so in German', async () => {
      const series = comparedBreakdownSeries();
      render(<TimeSeriesView {...separately()} {...viewCommon('de')} series={{ ...series, comparison: { ...series.comparison!, kind: 'previous-year' } }} />);
      cardAction('Als Tabelle anzeigen');
      expect(rowsOf(screen.getByRole('table'))[0]?.slice(1, 3)).toEqual(['Artikel', 'Artikel (Vorjahr)']);
      expect(rowsOf(screen.getByRole('table'))[0]?.at(-1)).toBe('Sonstige (Vorjahr)');
    });

    it('when more than eight items are shown, then the description says only the top eight are compared', async () => {
      render(<TimeSeriesView {...separately()} series={manyComparedItems(10)} />);
      expect(screen.getByRole('img').getAttribute('aria-label')).toContain('The previous period is drawn for the top 8 items only.');
      cardAction('View as table');
      const header = rowsOf(screen.getByRole('table'))[0]!;
      expect(header.filter((h) => h.endsWith('(previous period)'))).toHaveLength(8);
      expect(header).toContain('Item 8 (previous period)');
      expect(header).not.toContain('Item 9 (previous period)');
    });

    it('when eight items or fewer are shown, then the description does not mention a limit', () => {
      render(<TimeSeriesView {...separately()} />);
      expect(screen.getByRole('img').getAttribute('aria-label')).not.toContain('top');
    });
  });

  it('when the reader picks another metric or a field, then the owner is told', async () => {
    const onMetricChange = vi.fn();
    const onSeparatelyChange = vi.fn();
    render(<TimeSeriesView {...props({ metrics: ['views', 'downloads'], breakdownBy: ['countries'], onMetricChange, onSeparatelyChange })} />);
    // By keyboard: focus, ↓ opens on the current choice, ↓ moves, Enter picks.
    screen.getByRole('combobox', { name: 'Metric' }).focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('combobox', { name: 'Metric' })).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{ArrowDown}');
    expect(onMetricChange).not.toHaveBeenCalled();
    await userEvent.keyboard('{Enter}');
    choose(screen.getByRole('combobox', { name: 'Show separately' }), 'Show separately: Countries');
    expect(onMetricChange).toHaveBeenCalledWith('downloads');
    expect(onSeparatelyChange).toHaveBeenCalledWith('countries');
  });

  it('when the locale is German, then dates and numbers in the table are German', async () => {
    render(<TimeSeriesView {...props(viewCommon('de'))} />);
    cardAction('Als Tabelle anzeigen');
    expect(rowsOf(screen.getByRole('table'))[1]).toEqual(['1. Jan. 2024', '1.200', '5']);
  });

  it('when rendered as chart and as table, then axe finds no violations', async () => {
    const { container } = render(<TimeSeriesView {...props({ metrics: ['views', 'downloads'], breakdownBy: ['countries'] })} />);
    expect(await axeViolations(container)).toEqual([]);
    cardAction('View as table');
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('partial periods', () => {
  it('when the last period is partial, then a note names it', () => {
    render(<TimeSeriesView {...props({ series: makeSeries({ partialPeriods: ['2024-01-03'] }) })} />);
    expect(screen.getByText(/is not complete: it is shaded, and drawn dashed on lines/)).toHaveTextContent(/^Jan 3, 2024 is not complete/);
  });

  it('when a partial period is compared, then the note says the comparison covers the same number of days', () => {
    const series = makeSeries({
      partialPeriods: ['2024-01-03'],
      comparison: { kind: 'previous-period', values: [1, 2, 3], summary: 6 },
      comparisonRange: { start: '2023-12-29', end: '2023-12-31' },
    });
    render(<TimeSeriesView {...props({ series })} />);
    expect(screen.getByText(/The comparison covers the same number of days, Dec 29, 2023 to Dec 31, 2023/)).toBeInTheDocument();
  });
});
