import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SeriesTableView } from './SeriesTableView';
import { breakdownSeries, makeSeries } from '../../../core/charts/testSeries';
import { axeViolations, tableRows, viewCommon } from '../testing';

const views = makeSeries({ values: [10, 2000, 30] });
const volume = makeSeries({ metric: 'download_volume', values: [1_000_000, 0, 2_500_000] });

describe('SeriesTableView', () => {
  it('when no field is set, then there is one row per period, one column per metric, and the total last', () => {
    render(<SeriesTableView {...viewCommon('en')} title="Usage" metrics={['views', 'download_volume']} mode="delta" series={[views, volume]} />);
    expect(tableRows(screen.getByRole('table'))).toEqual([
      ['Period', 'Views', 'Download volume'],
      ['Jan 1, 2024', '10', '1 MB'],
      ['Jan 2, 2024', '2,000', '0 bytes'],
      ['Jan 3, 2024', '30', '2.5 MB'],
      ['Total', '2,040', '3.5 MB'],
    ]);
  });

  it('when sorted by a metric, then rows reorder and the total stays last', async () => {
    render(<SeriesTableView {...viewCommon('en')} title="Usage" metrics={['views']} mode="delta" series={[views]} />);
    await userEvent.click(screen.getByRole('button', { name: 'Sort by Views, descending' }));
    expect(tableRows(screen.getByRole('table')).map((r) => r[1])).toEqual(['Views', '2,000', '30', '10', '2,040']);
  });

  it('when a field is set, then there is one row per item with Other and the total pinned, in German', () => {
    render(<SeriesTableView {...viewCommon('de')} title="Aufrufe" metrics={['views']} mode="delta" field="resource_types" series={[breakdownSeries()]} />);
    expect(tableRows(screen.getByRole('table'))).toEqual([
      ['Ressourcentypen', 'Aufrufe'],
      ['Datensatz', '40'],
      ['Artikel', '25'],
      ['Software', '5'],
      ['Sonstige (2 Einträge)', '30'],
      ['Gesamt', '100'],
    ]);
  });

  it('when rendered, then axe finds no violations', async () => {
    const { container } = render(<SeriesTableView {...viewCommon('en')} title="Usage" metrics={['views']} mode="delta" series={[views]} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
