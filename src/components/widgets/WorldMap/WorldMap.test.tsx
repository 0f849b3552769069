import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WorldMapView, type WorldMapViewProps } from './WorldMapView';
import { echarts } from '../../charts/echarts';
import { makeSeries } from '../../../core/charts/testSeries';
import type { WidgetSeries } from '../../../core/series/types';
import { axeViolations, cardAction, tableRows, viewCommon } from '../testing';

const countrySeries = (): WidgetSeries =>
  makeSeries({
    values: [100],
    summary: 100,
    breakdown: {
      field: 'countries',
      items: [
        { id: 'DE', labels: {}, values: [50], summary: 50 },
        { id: 'FR', labels: {}, values: [30], summary: 30 },
        { id: 'ZZ', labels: {}, values: [5], summary: 5 },
      ],
      other: { values: [15], summary: 15, items: 12 },
    },
  });

const props = (over: Partial<WorldMapViewProps> = {}): WorldMapViewProps => ({
  ...viewCommon('en'),
  title: 'Views by country',
  metric: 'views',
  mode: 'delta',
  height: 300,
  series: countrySeries(),
  ...over,
});

describe('WorldMapView', () => {
  it('when drawn, then the map is described with the number of countries and the leader, and shapes are drawn', async () => {
    const { container } = render(<WorldMapView {...props()} />);
    await waitFor(() => expect(container.querySelectorAll('path').length).toBeGreaterThan(150));
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('2 countries; most from Germany (50)');
    expect(container.querySelectorAll('path').length).toBeGreaterThan(150);
  });

  it('when a country code cannot be placed, then a note says how many visits are missing from the map', () => {
    render(<WorldMapView {...props()} />);
    expect(screen.getByText('5 visits could not be placed on the map (unknown country).')).toBeInTheDocument();
  });

  it('when shown as a table in German, then country names, values and shares are German', async () => {
    render(<WorldMapView {...props(viewCommon('de'))} />);
    cardAction('Als Tabelle anzeigen');
    expect(tableRows(screen.getByRole('table'))).toEqual([
      ['Land', 'Aufrufe', 'Anteil'],
      ['Deutschland', '50', '50 %'],
      ['Frankreich', '30', '30 %'],
      ['Unbekannte Region', '5', '5 %'],
      ['Sonstige (12 Einträge)', '15', '15 %'],
    ]);
  });

  it('when rendered, then axe finds no violations', async () => {
    const { container } = render(<WorldMapView {...props()} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('selecting a country', () => {
  it('when the reader clicks a country on the map, then the widget reports its code', async () => {
    const picked: string[] = [];
    const { container } = render(<WorldMapView {...props({ onSelect: (code) => picked.push(code) })} />);
    const dom = container.querySelector('.rs-chart') as HTMLElement;
    await waitFor(() => expect(echarts.getInstanceByDom(dom)).toBeDefined());
    echarts.getInstanceByDom(dom)!.trigger('click', { name: 'DE', componentType: 'series' } as never);
    expect(picked).toEqual(['DE']);
  });

  it('when a keyboard user presses Enter on a country in the table view, then the widget reports its code, as a click on the map does', async () => {
    const picked: string[] = [];
    render(<WorldMapView {...props({ onSelect: (code) => picked.push(code) })} />);
    cardAction('View as table');
    screen.getByRole('button', { name: 'France' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(picked).toEqual(['FR']);
    expect(screen.queryByRole('button', { name: /Other/ })).toBeNull();
  });
});
