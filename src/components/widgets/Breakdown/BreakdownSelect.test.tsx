/**
 * Filtering from a breakdown, whatever its view: a ring slice and a table row's item report the
 * item's id as a bar-list row does (the dashboard adds a filter on it); Other names no item.
 */
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { echarts } from '../../charts/echarts';
import { breakdownSeries } from '../../../core/charts/testSeries';
import { BreakdownView, type BreakdownViewProps } from './BreakdownView';
import { viewCommon } from '../testing';

const props = (over: Partial<BreakdownViewProps>): BreakdownViewProps => ({
  ...viewCommon('en'),
  title: 'Views by resource type',
  field: 'resource_types',
  metric: 'views',
  mode: 'delta',
  view: 'pie',
  views: ['table', 'bar', 'pie'],
  pageSize: 10,
  collapsed: false,
  series: breakdownSeries(),
  ...over,
});

describe('selecting a breakdown item', () => {
  it('when the reader clicks a ring slice, then the widget reports that item’s id; a click on Other reports nothing', async () => {
    const onSelect = vi.fn();
    const { container } = render(<BreakdownView {...props({ onSelect })} />);
    // Show Other, so the ring holds a slice that names no item (Dataset 40, Article 25, Software 5, Other).
    await userEvent.click(screen.getByRole('button', { name: /^Show “Other/ }));
    const dom = container.querySelector('.rs-chart') as HTMLElement;
    await waitFor(() => expect(echarts.getInstanceByDom(dom)).toBeDefined());
    const chart = echarts.getInstanceByDom(dom)!;
    chart.trigger('click', { name: 'Article', dataIndex: 1, componentType: 'series' } as never);
    chart.trigger('click', { name: 'Other (2 items)', dataIndex: 3, componentType: 'series' } as never);
    expect(onSelect.mock.calls).toEqual([['article']]);
  });

  it('when a keyboard user presses Enter on a table row’s item, then the widget reports its id; Other is no button', async () => {
    const onSelect = vi.fn();
    render(<BreakdownView {...props({ view: 'table', onSelect })} />);
    const table = screen.getByRole('table');
    const dataset = within(table).getByRole('button', { name: 'Dataset' });
    expect(dataset).toHaveAttribute('title', 'Filter the dashboard by Dataset');
    expect(within(table).queryByRole('button', { name: /Other/ })).toBeNull();
    dataset.focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.click(within(table).getByRole('button', { name: 'Software' }));
    expect(onSelect.mock.calls).toEqual([['dataset'], ['software']]);
  });

  it('when the dashboard does not filter (no onSelect), then table items stay plain text or the host’s links', () => {
    render(<BreakdownView {...props({ view: 'table', searchUrl: '/search?q={id}' })} />);
    const table = screen.getByRole('table');
    expect(within(table).getByRole('link', { name: 'Dataset' })).toHaveAttribute('href', '/search?q=dataset');
    expect(within(table).queryByRole('button', { name: 'Dataset' })).toBeNull();
  });
});
