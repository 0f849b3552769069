import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TimeSeriesView, type TimeSeriesViewProps } from './TimeSeriesView';
import { breakdownSeries, makeSeries } from '../../../core/charts/testSeries';
import { axeViolations, tableRows, viewCommon } from '../testing';

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
    await userEvent.click(screen.getByRole('button', { name: 'View as table' }));
    expect(rowsOf(screen.getByRole('table'))).toEqual([
      ['Period', 'Views', 'Previous year'],
      ['Jan 1, 2024', '1,200', '5'],
      ['Jan 2, 2024', '20', '6'],
      ['Jan 3, 2024', '30', '7'],
    ]);
  });

  it('when shown separately, then each item and an exact Other with its item count are columns', async () => {
    render(<TimeSeriesView {...props({ breakdownBy: ['resource_types'], separately: 'resource_types', series: breakdownSeries() })} />);
    await userEvent.click(screen.getByRole('button', { name: 'View as table' }));
    expect(rowsOf(screen.getByRole('table'))[0]).toEqual(['Period', 'Article', 'Dataset', 'Software', 'Other (2 items)']);
    expect(rowsOf(screen.getByRole('table'))[1]).toEqual(['Jan 1, 2024', '10', '20', '5', '15']);
  });

  it('when the reader picks another metric or a field, then the owner is told', async () => {
    const onMetricChange = vi.fn();
    const onSeparatelyChange = vi.fn();
    render(<TimeSeriesView {...props({ metrics: ['views', 'downloads'], breakdownBy: ['countries'], onMetricChange, onSeparatelyChange })} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Metric' }), 'Downloads');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Show separately' }), 'Show separately: Countries');
    expect(onMetricChange).toHaveBeenCalledWith('downloads');
    expect(onSeparatelyChange).toHaveBeenCalledWith('countries');
  });

  it('when the locale is German, then dates and numbers in the table are German', async () => {
    render(<TimeSeriesView {...props(viewCommon('de'))} />);
    await userEvent.click(screen.getByRole('button', { name: 'Als Tabelle anzeigen' }));
    expect(rowsOf(screen.getByRole('table'))[1]).toEqual(['1. Jan. 2024', '1.200', '5']);
  });

  it('when rendered as chart and as table, then axe finds no violations', async () => {
    const { container } = render(<TimeSeriesView {...props({ metrics: ['views', 'downloads'], breakdownBy: ['countries'] })} />);
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'View as table' }));
    expect(await axeViolations(container)).toEqual([]);
  });
});
