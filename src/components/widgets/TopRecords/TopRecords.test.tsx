import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TopRecordsView } from './TopRecordsView';
import type { TopRecordsResponse } from '../../../api/schemas';
import { axeViolations, tableRows, viewCommon } from '../testing';

const data: TopRecordsResponse = {
  metric: 'downloads',
  start: '2024-01-01',
  end: '2024-03-31',
  records: [
    { id: 'abc12', title: 'Ocean temperatures 1990–2020', value: 12034, uniqueVisitors: 8000 },
    { id: 'def34', title: null, value: 530, uniqueVisitors: 9100 },
  ],
};

describe('TopRecordsView', () => {
  it('when records are given, then they are ranked with values, untitled ones named by id, and linked', () => {
    render(<TopRecordsView {...viewCommon('en')} title="Most downloaded records" data={data} recordUrl="/records/{id}" />);
    expect(screen.getByText('Jan 1, 2024 to Mar 31, 2024')).toBeInTheDocument();
    expect(tableRows(screen.getByRole('table'))).toEqual([
      ['Rank', 'Record', 'Downloads', 'Unique visitors'],
      ['1', 'Ocean temperatures 1990–2020', '12,034', '8,000'],
      ['2', 'Untitled record def34', '530', '9,100'],
    ]);
    expect(screen.getByRole('link', { name: 'Untitled record def34' })).toHaveAttribute('href', '/records/def34');
  });

  it('when the reader sorts by unique visitors, then the larger comes first', async () => {
    render(<TopRecordsView {...viewCommon('en')} title="Most downloaded records" data={data} />);
    await userEvent.click(screen.getByRole('button', { name: 'Sort by Unique visitors, descending' }));
    expect(tableRows(screen.getByRole('table')).map((r) => r[3])).toEqual(['Unique visitors', '9,100', '8,000']);
    expect(screen.getByRole('columnheader', { name: /Unique visitors/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('when the locale is German, then numbers and dates are German', () => {
    render(<TopRecordsView {...viewCommon('de')} title="Meistheruntergeladene Datensätze" data={data} />);
    expect(tableRows(screen.getByRole('table'))[1]).toEqual(['1', 'Ocean temperatures 1990–2020', '12.034', '8.000']);
    expect(screen.getByText('1. Jan. 2024 bis 31. März 2024')).toBeInTheDocument();
  });

  it('when rendered, then axe finds no violations', async () => {
    const { container } = render(<TopRecordsView {...viewCommon('en')} title="Most downloaded records" data={data} recordUrl="/r/{id}" />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
