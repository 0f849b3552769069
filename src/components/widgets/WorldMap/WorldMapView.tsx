/**
 * World choropleth of a usage metric by visitor country, with a continuous legend and the same
 * figures as a table. Geometry ships with the package (world-atlas), registered on first use.
 */
import { memo, useCallback } from 'react';
import { breakdownRows } from '../../../core/charts/breakdown';
import { mapOption, type CountryValue } from '../../../core/charts/map';
import { mappableCountries } from '../../../core/geo/world';
import type { MetricId, Mode } from '../../../core/metrics';
import type { WidgetSeries } from '../../../core/series/types';
import { ensureWorldMap, WORLD_MAP } from '../../charts/echarts';
import { breakdownTable } from '../Breakdown/breakdownTable';
import { ChartWidget, type ChartContext } from '../shared/ChartWidget';
import { metricCompact, metricName, metricValue } from '../shared/labels';
import type { ViewCommon } from '../shared/types';

export interface WorldMapViewProps extends ViewCommon {
  title: string;
  description?: string;
  metric: MetricId;
  mode: Mode;
  height: number;
  /** The metric broken down by `countries`. */
  series: WidgetSeries;
  themeKey?: string;
  /** Told the country code the reader clicks (the dashboard adds a filter on it). */
  onSelect?: (code: string) => void;
}

export const WorldMapView = memo(function WorldMapView(props: WorldMapViewProps) {
  const { t, format, series, metric } = props;
  ensureWorldMap();
  const value = metricValue(format, metric);
  const rows = breakdownRows(series, {
    item: (i) => format.item('countries', i),
    other: (items) => t('common.otherItems', { count: items }),
  });
  const mappable = mappableCountries();
  const countries: CountryValue[] = rows
    .filter((r) => !r.isOther && mappable.has(r.id.toUpperCase()))
    .map((r) => ({ code: r.id.toUpperCase(), name: r.name, value: r.value }));
  const unmapped = rows.filter((r) => !r.isOther && !mappable.has(r.id.toUpperCase())).reduce((s, r) => s + r.value, 0);
  const top = countries.reduce<CountryValue | null>((best, c) => (!best || c.value > best.value ? c : best), null);
  const description = t('map.description', {
    metric: metricName(t, metric),
    count: countries.length,
    top: top?.name ?? '–',
    value: top ? value(top.value) : '–',
  });
  // The table's country buttons are the keyboard's way to what a click on the map does.
  const table = breakdownTable(rows, { caption: description, field: 'countries', metricName: metricName(t, metric), value, t, format, onSelect: props.onSelect });
  table.columns[0] = { key: 'item', header: t('map.country') };

  const buildOption = useCallback(
    ({ animation, tokens }: ChartContext) =>
      mapOption({
        rows: countries,
        mapName: WORLD_MAP,
        areaColor: tokens.surface,
        borderColor: tokens.border,
        legend: { high: t('map.high'), low: t('map.low') },
        description,
        value,
        axisValue: metricCompact(format, metric),
        animation,
      }),
    // countries/value derive from (series, format, metric).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [series, t, format, metric, description],
  );

  return (
    <ChartWidget
      title={props.title}
      description={props.description}
      t={t}
      buildOption={buildOption}
      table={table}
      json={{ metric, mode: props.mode, countries: rows.map(({ id, name, value: v, share, isOther }) => ({ id, name, value: v, share, isOther })) }}
      height={props.height}
      note={unmapped > 0 ? t('map.unmapped', { count: unmapped }) : undefined}
      themeKey={props.themeKey}
      className="rs-map"
      onSelect={props.onSelect}
    />
  );
});
