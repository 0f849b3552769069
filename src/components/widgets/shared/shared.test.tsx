import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExportMenu } from './ExportMenu';
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

describe('ExportMenu', () => {
  it('when the reader downloads CSV, then the file holds the table with safe quoting', async () => {
    const { blobs, names } = captureDownloads();
    render(<ExportMenu spec={{ filename: 'views', table }} t={viewCommon('en').t} title="Views" />);
    await userEvent.click(screen.getByText('Export'));
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(names).toEqual(['views.csv']);
    expect(await blobs[0]!.text()).toBe('Item,Views\r\n"Dataset, raw",40\r\n\'=cmd,5\r\n');
  });

  it('when the reader downloads JSON, then rows are keyed by column', async () => {
    const { blobs } = captureDownloads();
    render(<ExportMenu spec={{ filename: 'views', table }} t={viewCommon('en').t} title="Views" />);
    await userEvent.click(screen.getByText('Export'));
    await userEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    expect(JSON.parse(await blobs[0]!.text())).toEqual([
      { item: 'Dataset, raw', value: 40 },
      { item: '=cmd', value: 5 },
    ]);
  });

  it('when no chart is shown, then no image export is offered', async () => {
    render(<ExportMenu spec={{ filename: 'views', table }} t={viewCommon('en').t} title="Views" />);
    expect(screen.queryByRole('button', { name: /PNG/ })).toBeNull();
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
