/**
 * Metrics over time: line / area / bars, stacked or overlapping, optionally one series per item
 * of a field (top N + exact Other), with the comparison period dashed (per item when shown
 * separately, in the item's colour). Controlled: the metric
 * and the "show separately" field change what data is requested, so their owner holds them.
 */
import { Button } from 'semantic-ui-react';
import { memo, useCallback, useState } from 'react';
import type { FieldId } from '../../../core/fields';
import type { MetricId, Mode } from '../../../core/metrics';
import type { WidgetSeries } from '../../../core/series/types';
import { MAX_COMPARED_ITEMS, timeSeriesColumns, timeSeriesOption, type TimeChartKind } from '../../../core/charts/timeSeries';
import { SelectControl } from '../../controls/SelectControl';
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
        <SelectControl<MetricId>
          label={t('timeSeries.metric')}
          hideLabel
          value={metric}
          options={props.metrics.map((m) => ({ value: m, label: metricName(t, m) }))}
          onChange={props.onMetricChange}
        />
      )}
      {props.breakdownBy.length > 0 && (
        <SelectControl<FieldId | ''>
          label={t('timeSeries.separately')}
          hideLabel
          value={props.separately ?? ''}
          options={[
            { value: '', label: t('timeSeries.together') },
            ...props.breakdownBy.map((f) => ({ value: f, label: `${t('timeSeries.separately')}: ${t(`fields.${f}`)}` })),
          ]}
          onChange={(v) => props.onSeparatelyChange(v || null)}
        />
      )}
      <SelectControl<TimeChartKind>
        label={t('timeSeries.chart')}
        hideLabel
        value={chart}
        options={CHARTS.map((c) => ({ value: c, label: t(`timeSeries.${c}`) }))}
        onChange={setChart}
      />
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
