import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { choose } from '../../controls/testing';
import { CardMenu, type CardMenuProps } from './CardMenu';
import { WidgetFrame } from './WidgetFrame';
import { LoadableView } from './Loadable';
import type { TableModel } from './tableModel';
import { axeViolations, viewCommon } from '../testing';

const table: TableModel = {
  caption: 'Views',
  columns: [
    { key: 'item', header: 'Item' },
    { key: 'value', header: 'Views', numeric: true },
  ],
  rows: [
    { key: 'a', cells: [{ raw: 'Dataset, raw' }, { raw: 40, display: '40' }] },
    { key: 'b', cells: [{ raw: '=cmd' }, { raw: 5 }] },
  ],
};

/** Captures what the export menu hands the browser to download. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blobs.push(b as Blob);
    return 'blob:x';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

afterEach(() => vi.restoreAllMocks());

const menu = () => screen.getByRole('combobox', { name: 'More actions: Views' });
const offered = () => [...document.querySelectorAll('[role="listbox"] [role="option"]')].map((o) => o.textContent);
const cardMenu = (props: Partial<CardMenuProps> = {}) => (
  <CardMenu title="Views" t={viewCommon('en').t} exports={{ filename: 'views', table }} hidden={false} onHiddenChange={() => {}} {...props} />
);

describe('CardMenu', () => {
  it('when the reader downloads CSV, then the file holds the table with safe quoting', async () => {
    const { blobs, names } = captureDownloads();
    render(cardMenu());
    choose(menu(), 'Download CSV');
    expect(names).toEqual(['views.csv']);
    expect(await blobs[0]!.text()).toBe('Item,Views\r\n"Dataset, raw",40\r\n\'=cmd,5\r\n');
  });

  it('when the reader downloads JSON, then rows are keyed by column', async () => {
    const { blobs } = captureDownloads();
    render(cardMenu());
    choose(menu(), 'Download JSON');
    expect(JSON.parse(await blobs[0]!.text())).toEqual([
      { item: 'Dataset, raw', value: 40 },
      { item: '=cmd', value: 5 },
    ]);
  });

  it('when no chart is shown, then no image export is offered, and table, downloads and hide are, in that order', () => {
    render(cardMenu({ tableToggle: { shown: false, onToggle: () => {} } }));
    expect(offered()).toEqual(['View as table', 'Download CSV', 'Download JSON', 'Hide']);
  });

  it('when used with the keyboard, then ↓ opens it on the first action, ↓ moves, Enter runs the action', async () => {
    const onToggle = vi.fn();
    const onHiddenChange = vi.fn();
    render(cardMenu({ tableToggle: { shown: true, onToggle }, onHiddenChange }));
    menu().focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(menu()).toHaveAttribute('aria-expanded', 'true');
    expect(document.getElementById(menu().getAttribute('aria-activedescendant')!)).toHaveTextContent('View as chart');
    await userEvent.keyboard('{ArrowUp}{Enter}');
    expect(onHiddenChange).toHaveBeenCalledWith(true);
    expect(onToggle).not.toHaveBeenCalled();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(onToggle).toHaveBeenCalledOnce();
  });

  it('when the card is hidden, then only Show is offered', () => {
    const onHiddenChange = vi.fn();
    render(cardMenu({ hidden: true, onHiddenChange, tableToggle: { shown: false, onToggle: () => {} } }));
    expect(offered()).toEqual(['Show']);
    choose(menu(), 'Show');
    expect(onHiddenChange).toHaveBeenCalledWith(false);
  });

  it('when open, then axe finds no violations', async () => {
    const { container } = render(cardMenu());
    choose(menu(), 'Hide');
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('WidgetFrame', () => {
  it('when the reader hides the card, then its body and switches go and its title and menu stay, until shown again', () => {
    render(
      <WidgetFrame title="Views" description="All views" t={viewCommon('en').t} controls={<button type="button">Bars</button>} exports={{ filename: 'views', table }}>
        <p>the chart</p>
      </WidgetFrame>,
    );
    choose(menu(), 'Hide');
    expect(screen.queryByText('the chart')).toBeNull();
    expect(screen.queryByText('All views')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Bars' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Views' })).toBeInTheDocument();
    choose(menu(), 'Show');
    expect(screen.getByText('the chart')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Bars' })).toBeInTheDocument();
  });
});

describe('LoadableView', () => {
  const t = viewCommon('en').t;
  it('when loading failed, then the message and a Retry button that retries are shown under the title', async () => {
    const retry = vi.fn();
    const { container } = render(
      <LoadableView loadable={{ status: 'error', error: new Error('boom'), retry }} t={t} title="Views" height={100}>
        {() => null}
      </LoadableView>,
    );
    expect(screen.getByRole('heading', { name: 'Views' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('This widget could not load its data.');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(retry).toHaveBeenCalledOnce();
    expect(await axeViolations(container)).toEqual([]);
  });

  it.each([
    ['pending', 'Loading…'],
    ['empty', 'No data for this range.'],
  ] as const)('when the data is %s, then the reader is told so', (status, text) => {
    render(
      <LoadableView loadable={{ status }} t={t} title="Views" height={100}>
        {() => null}
      </LoadableView>,
    );
    expect(screen.getByText(text)).toBeInTheDocument();
  });

  it('when the data arrived, then the view renders it', () => {
    render(
      <LoadableView loadable={{ status: 'success', data: 42 }} t={t} title="Views" height={100}>
        {(n) => <p>{n} views</p>}
      </LoadableView>,
    );
    expect(screen.getByText('42 views')).toBeInTheDocument();
  });
});
