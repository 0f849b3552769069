import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BreakdownView, type BreakdownViewProps } from './BreakdownView';
import { breakdownSeries } from '../../../core/charts/testSeries';
import { axeViolations, tableRows, viewCommon } from '../testing';

function props(over: Partial<BreakdownViewProps> = {}): BreakdownViewProps {
  return {
    ...viewCommon('en'),
    title: 'Views by resource type',
    field: 'resource_types',
    metric: 'views',
    mode: 'delta',
    view: 'table',
    views: ['table', 'bar', 'pie'],
    pageSize: 10,
    collapsed: false,
    series: breakdownSeries(),
    ...over,
  };
}

/** Other grown larger than all named items together (70). */
const hugeOther = () => {
  const s = breakdownSeries({ summary: 1070 });
  s.breakdown!.other = { values: [500, 500], summary: 1000, items: 40 };
  return s;
};

describe('BreakdownView', () => {
  it('when shown as a table, then items are largest first with value and share, and Other with its count last', () => {
    render(<BreakdownView {...props()} />);
    expect(tableRows(screen.getByRole('table'))).toEqual([
      ['Resource types', 'Views', 'Share'],
      ['Dataset', '40', '40%'],
      ['Article', '25', '25%'],
      ['Software', '5', '5%'],
      ['Other (2 items)', '30', '30%'],
    ]);
  });

  it('when the host gives a search URL, then named items link to it and Other does not', () => {
    render(<BreakdownView {...props({ searchUrl: '/search?q={field}:{id}' })} />);
    expect(screen.getByRole('link', { name: 'Dataset' })).toHaveAttribute('href', '/search?q=resource_types:dataset');
    expect(screen.queryByRole('link', { name: /Other/ })).toBeNull();
  });

  it('when items exceed the page size, then pages show them in turn and Other stays visible', async () => {
    render(<BreakdownView {...props({ pageSize: 2 })} />);
    expect(tableRows(screen.getByRole('table')).map((r) => r[0])).toEqual(['Resource types', 'Dataset', 'Article', 'Other (2 items)']);
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(tableRows(screen.getByRole('table')).map((r) => r[0])).toEqual(['Resource types', 'Software', 'Other (2 items)']);
    expect(screen.getByText('Page 2 of 2')).toBeInTheDocument();
  });

  it('when the reader switches to the ring and Other dwarfs the rest, then a note explains it is left out', async () => {
    render(<BreakdownView {...props({ series: hugeOther() })} />);
    await userEvent.click(screen.getByRole('button', { name: 'Ring' }));
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('Dataset leads with 40');
    expect(screen.getByText(/outweighs all named items together/)).toHaveTextContent('“Other (40 items)” (1,000)');
  });

  it('when Other is small, then the ring has no note', async () => {
    render(<BreakdownView {...props({ view: 'pie' })} />);
    expect(screen.queryByText(/outweighs/)).toBeNull();
  });

  it('when collapsed, then only the title and the expand button remain', async () => {
    render(<BreakdownView {...props({ collapsed: true })} />);
    expect(screen.queryByRole('table')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Show Views by resource type' }));
    expect(screen.getByRole('table')).toBeInTheDocument();
  });

  it('when the locale is German, then labels, numbers and shares are German', () => {
    render(<BreakdownView {...props({ ...viewCommon('de'), series: hugeOther() })} />);
    expect(tableRows(screen.getByRole('table'))).toEqual([
      ['Ressourcentypen', 'Aufrufe', 'Anteil'],
      ['Datensatz', '40', '3,7 %'],
      ['Artikel', '25', '2,3 %'],
      ['Software', '5', '0,5 %'],
      ['Sonstige (40 Einträge)', '1.000', '93,5 %'],
    ]);
  });

  it.each(['table', 'bar', 'pie'] as const)('when shown as %s, then axe finds no violations', async (view) => {
    const { container } = render(<BreakdownView {...props({ view, searchUrl: '/s?q={id}' })} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
