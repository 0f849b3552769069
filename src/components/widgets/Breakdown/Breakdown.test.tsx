import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BreakdownView, type BreakdownViewProps } from './BreakdownView';
import { breakdownSeries } from '../../../core/charts/testSeries';
import { axeViolations, cardAction, tableRows, viewCommon } from '../testing';

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

  it('when items exceed the page size, then pages show them in turn and Other closes the last page only', async () => {
    render(<BreakdownView {...props({ pageSize: 2 })} />);
    expect(tableRows(screen.getByRole('table')).map((r) => r[0])).toEqual(['Resource types', 'Dataset', 'Article']);
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(tableRows(screen.getByRole('table')).map((r) => r[0])).toEqual(['Resource types', 'Software', 'Other (2 items)']);
    expect(screen.getByText('Page 2 of 2')).toBeInTheDocument();
  });

  it('when shown as bars, then each item has its value and share, Other is hidden until the reader shows it', async () => {
    render(<BreakdownView {...props({ view: 'bar', series: hugeOther() })} />);
    const list = screen.getByRole('list', { name: /Views by Resource types/ });
    const items = () => within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(items()).toEqual(['Dataset403.7%', 'Article252.3%', 'Software50.5%']);
    await userEvent.click(screen.getByRole('button', { name: 'Show “Other (40 items)” (1,000)' }));
    expect(items()).toHaveLength(4);
    expect(items()[3]).toContain('Other (40 items)');
  });

  it('when a field has more items than a ring can show, then the ring is not offered and bars stand in', () => {
    const s = breakdownSeries();
    s.breakdown!.items = Array.from({ length: 8 }, (_, i) => ({ id: `t${i}`, labels: { en: `Type ${i}` }, values: [1, 1], summary: 2 }));
    render(<BreakdownView {...props({ view: 'pie', series: s })} />);
    expect(screen.queryByRole('button', { name: 'Ring' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Bars' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('when a field has more items than the page size, then the bars show the largest and say how many more the table has', () => {
    render(<BreakdownView {...props({ view: 'bar', pageSize: 2 })} />);
    expect(within(screen.getByRole('list', { name: /^Views by/ })).getAllByRole('listitem').map((li) => li.firstChild?.nextSibling?.textContent)).toEqual(['Dataset', 'Article']);
    expect(screen.getByText('1 more item is in the table.')).toBeInTheDocument();
  });

  it('when items overlap (shares above 100 %), then a note says so', () => {
    const s = breakdownSeries({ summary: 50 });
    render(<BreakdownView {...props({ view: 'bar', series: s })} />);
    expect(screen.getByText('Shares add up to more than 100 %: a record can have several resource types, and counts under each.')).toBeInTheDocument();
  });

  it('when collapsed, then only the title and the card menu remain, and Show brings the body back', () => {
    render(<BreakdownView {...props({ collapsed: true })} />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Views by resource type' })).toBeInTheDocument();
    cardAction('Show');
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
