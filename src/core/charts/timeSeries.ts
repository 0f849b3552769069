/**
 * Time-series option builder: a `WidgetSeries` → line / area / bar over the periods, from one
 * dataset whose columns are the plotted series (total, comparison, or one per item + Other).
 */
import type { LineSeriesOption, BarSeriesOption } from 'echarts/charts';
import type { SeriesItem, WidgetSeries } from '../series/types';
import { aria, type ChartCommon, type ChartOption } from './types';

export type TimeChartKind = 'line' | 'area' | 'bar';

export interface TimeSeriesChartInput extends ChartCommon {
  series: WidgetSeries;
  chart: TimeChartKind;
  stacked: boolean;
  /** Plot the breakdown's items (+ exact Other) instead of the total. */
  separately: boolean;
  names: { total: string; comparison: string; other: string; item: (item: SeriesItem) => string };
  /** Period start (`YYYY-MM-DD`) → axis label. */
  period: (day: string) => string;
  /** Plot width in pixels: above one point per pixel, lines are LTTB-sampled. */
  widthPx: number;
  /** Colour of the Other column. */
  otherColor?: string;
}

/** Above this many periods the chart gets zoom controls. */
export const ZOOM_THRESHOLD = 60;

interface Column {
  key: string;
  name: string;
  values: number[];
  role: 'main' | 'comparison' | 'other';
}

/** The plotted columns, in legend order. Pure: also used for the table and the exports. */
export function timeSeriesColumns(input: Pick<TimeSeriesChartInput, 'series' | 'separately' | 'names'>): Column[] {
  const { series, separately, names } = input;
  if (separately && series.breakdown) {
    const cols: Column[] = series.breakdown.items.map((item, i) => ({
      key: `item${i}`,
      name: names.item(item),
      values: item.values,
      role: 'main',
    }));
    const { other } = series.breakdown;
    if (other.summary !== 0 || other.values.some((v) => v !== 0))
      cols.push({ key: 'other', name: names.other, values: other.values, role: 'other' });
    return cols;
  }
  const cols: Column[] = [{ key: 'total', name: names.total, values: series.values, role: 'main' }];
  if (series.comparison)
    cols.push({ key: 'comparison', name: names.comparison, values: series.comparison.values, role: 'comparison' });
  return cols;
}

export function timeSeriesOption(input: TimeSeriesChartInput): ChartOption {
  const { series, chart, stacked, period, widthPx } = input;
  const columns = timeSeriesColumns(input);
  const n = series.periods.length;
  const source = series.periods.map((day, i) => [period(day), ...columns.map((c) => c.values[i] ?? null)]);
  const long = n > ZOOM_THRESHOLD;

  const plotted = columns.map((c): LineSeriesOption | BarSeriesOption => {
    const isComparison = c.role === 'comparison';
    const common = {
      name: c.name,
      encode: { x: 'period', y: c.key },
      stack: stacked && !isComparison ? 'total' : undefined,
      ...(c.role === 'other' && input.otherColor ? { itemStyle: { color: input.otherColor } } : {}),
    };
    if (chart === 'bar' && !isComparison) return { ...common, type: 'bar', large: n > 500 };
    return {
      ...common,
      type: 'line',
      showSymbol: n <= ZOOM_THRESHOLD,
      // LTTB keeps the visual shape when there are more points than pixels to draw them.
      sampling: n > widthPx ? 'lttb' : undefined,
      areaStyle: chart === 'area' && !isComparison ? { opacity: stacked ? 0.85 : 0.35 } : undefined,
      lineStyle: isComparison ? { type: 'dashed', width: 2 } : { width: 2 },
    };
  });

  return {
    animation: input.animation,
    aria: aria(input.description, { decal: chart === 'bar' && columns.length > 1 }),
    dataset: { dimensions: ['period', ...columns.map((c) => c.key)], source },
    grid: { left: 8, right: 16, top: columns.length > 1 ? 40 : 16, bottom: long ? 64 : 8, containLabel: true },
    legend: columns.length > 1 ? { type: 'scroll', top: 0 } : { show: false },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? input.value(v) : '–') },
    xAxis: { type: 'category', boundaryGap: chart === 'bar' },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => (input.axisValue ?? input.value)(v) } },
    dataZoom: long ? [{ type: 'inside' }, { type: 'slider', height: 24, bottom: 8 }] : [],
    series: plotted,
  };
}
