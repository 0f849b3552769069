/**
 * Metrics over time: line / area / bars, stacked or overlapping, optionally one series per item
 * of a field (top N + exact Other), with the comparison period dashed (per item when shown
 * separately, in the item's colour). Controlled: the metric
 * and the "show separately" field change what data is requested, so their owner holds them.
 */
import { Button } from 'semantic-ui-react';
import { memo, useCallback, useId, useState } from 'react';
import type { FieldId } from '../../../core/fields';
import type { MetricId, Mode } from '../../../core/metrics';
import type { WidgetSeries } from '../../../core/series/types';
import { MAX_COMPARED_ITEMS, timeSeriesColumns, timeSeriesOption, type TimeChartKind } from '../../../core/charts/timeSeries';
import { ChartWidget, type ChartContext } from '../shared/ChartWidget';
import { metricCompact, metricName, metricValue } from '../shared/labels';
import type { TableModel } from '../shared/tableModel';
import type { ViewCommon } from '../shared/types';

export interface TimeSeriesViewProps extends ViewCommon {
  title: string;
  description?: string;
  /** Metrics offered; a switcher appears when there is more than one. */
  metrics: MetricId[];
  metric: MetricId;
  onMetricChange: (metric: MetricId) => void;
  mode: Mode;
  chart: TimeChartKind;
  stacked: boolean;
  /** Fields offered under "show separately". */
  breakdownBy: FieldId[];
  separately: FieldId | null;
  onSeparatelyChange: (field: FieldId | null) => void;
  height: number;
  series: WidgetSeries;
  themeKey?: string;
}

const CHARTS: TimeChartKind[] = ['line', 'area', 'bar'];

export const TimeSeriesView = memo(function TimeSeriesView(props: TimeSeriesViewProps) {
  const { t, format, series, metric, mode } = props;
  const ids = { metric: useId(), chart: useId(), separately: useId() };
  const [chart, setChart] = useState<TimeChartKind>(props.chart);
  const [stacked, setStacked] = useState(props.stacked);
  const separately = props.separately !== null && series.breakdown !== null;
  const value = metricValue(format, metric);
  const kind = series.comparison?.kind;
  const names = {
    total: metricName(t, metric),
    comparison: kind ? t(`comparison.${kind}`) : '',
    itemComparison: (item: string) => (kind ? t(`timeSeries.itemComparison.${kind}`, { item }) : item),
    other: series.breakdown ? t('common.otherItems', { count: series.breakdown.other.items }) : t('common.other'),
    // "Other (previous period)", not "Other (2 items) (previous period)": the count is today's.
    otherComparison: kind ? t(`timeSeries.itemComparison.${kind}`, { item: t('common.other') }) : undefined,
    item: (item: { labels: Record<string, string>; id: string }) =>
      format.item(series.breakdown?.field ?? '', item),
  };
  const period = (day: string) => format.date(day, series.granularity);
  const columns = timeSeriesColumns({ series, separately, names });
  // Shown separately, only the top MAX_COMPARED_ITEMS items are compared (see there): say so.
  const capped = kind && separately && (series.breakdown?.items.length ?? 0) > MAX_COMPARED_ITEMS;
  const description = [
    t('timeSeries.description', {
      metric: names.total,
      granularity: t(`granularity.${series.granularity}`),
      start: series.periods[0] ? period(series.periods[0]) : '',
      end: series.periods.at(-1) ? period(series.periods.at(-1)!) : '',
      total: value(series.summary),
      mode: t(`modes.${mode}`),
    }),
    ...(capped ? [t(`timeSeries.comparedTop.${kind}`, { count: MAX_COMPARED_ITEMS })] : []),
  ].join(' ');
  const partial = (series.partialPeriods ?? []).filter((p) => series.periods.includes(p));
  const partialNote =
    partial.length > 0
      ? t(kind ? 'timeSeries.partialCompared' : 'timeSeries.partial', {
          periods: partial.map(period).join(', '),
          count: partial.length,
          start: series.comparisonRange ? format.date(series.comparisonRange.start, 'day') : '',
          end: series.comparisonRange ? format.date(series.comparisonRange.end, 'day') : '',
        })
      : null;
  const table: TableModel = {
    caption: description,
    columns: [{ key: 'period', header: t('common.period') }, ...columns.map((c) => ({ key: c.key, header: c.name, numeric: true }))],
    rows: series.periods.map((day, i) => ({
      key: day,
      cells: [
        { raw: day, display: period(day) },
        ...columns.map((c) => ({ raw: c.values[i] ?? null, display: c.values[i] === undefined ? '–' : value(c.values[i]!) })),
      ],
    })),
  };

  const buildOption = useCallback(
    ({ widthPx, animation, tokens }: ChartContext) =>
      timeSeriesOption({
        series,
        chart,
        stacked,
        separately,
        names,
        period,
        widthPx,
        animation,
        description,
        value,
        axisValue: metricCompact(format, metric),
        palette: tokens.palette,
        otherColor: tokens.other,
      }),
    // names/period/value derive from (t, format, series, metric): listing those is enough.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [series, chart, stacked, separately, t, format, metric, description],
  );

  const controls = (
    <>
      {props.metrics.length > 1 && (
        <label htmlFor={ids.metric} className="rs-control">
          <span className="rs-visually-hidden">{t('timeSeries.metric')}</span>
          <select id={ids.metric} className="rs-select ui compact dropdown" value={metric} onChange={(e) => props.onMetricChange(e.target.value as MetricId)}>
            {props.metrics.map((m) => (
              <option key={m} value={m}>
                {metricName(t, m)}
              </option>
            ))}
          </select>
        </label>
      )}
      {props.breakdownBy.length > 0 && (
        <label htmlFor={ids.separately} className="rs-control">
          <span className="rs-visually-hidden">{t('timeSeries.separately')}</span>
          <select
            id={ids.separately}
            className="rs-select ui compact dropdown"
            value={props.separately ?? ''}
            onChange={(e) => props.onSeparatelyChange((e.target.value || null) as FieldId | null)}
          >
            <option value="">{t('timeSeries.together')}</option>
            {props.breakdownBy.map((f) => (
              <option key={f} value={f}>
                {`${t('timeSeries.separately')}: ${t(`fields.${f}`)}`}
              </option>
            ))}
          </select>
        </label>
      )}
      <label htmlFor={ids.chart} className="rs-control">
        <span className="rs-visually-hidden">{t('timeSeries.chart')}</span>
        <select id={ids.chart} className="rs-select ui compact dropdown" value={chart} onChange={(e) => setChart(e.target.value as TimeChartKind)}>
          {CHARTS.map((c) => (
            <option key={c} value={c}>
              {t(`timeSeries.${c}`)}
            </option>
          ))}
        </select>
      </label>
      {separately && (
        <Button type="button" basic size="small" compact toggle active={stacked} onClick={() => setStacked((s) => !s)}>
          {t('timeSeries.stacked')}
        </Button>
      )}
    </>
  );

  return (
    <ChartWidget
      title={props.title}
      description={props.description}
      t={t}
      controls={controls}
      buildOption={buildOption}
      table={table}
      json={{ metric, mode, granularity: series.granularity, periods: series.periods, series: columns.map(({ name, values }) => ({ name, values })) }}
      height={props.height}
      themeKey={props.themeKey}
      className="rs-time-series"
      note={partialNote && <p className="rs-note rs-partial-note">{partialNote}</p>}
    />
  );
});
