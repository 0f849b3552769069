/**
 * Time-series option builder: a `WidgetSeries` → line / area / bar over the periods, from one
 * dataset whose columns are the plotted series (total + comparison, or one per item + Other, each
 * followed by its comparison).
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
  names: {
    total: string;
    comparison: string;
    other: string;
    item: (item: SeriesItem) => string;
    /** A shown item's comparison series, from the item's name: "Dataset (previous period)". */
    itemComparison: (name: string) => string;
    /** Other's comparison series (default: `itemComparison(other)`). */
    otherComparison?: string;
  };
  /** Period start (`YYYY-MM-DD`) → axis label. */
  period: (day: string) => string;
  /** Plot width in pixels: above one point per pixel, lines are LTTB-sampled. */
  widthPx: number;
  /** Series colours: shown separately, item i takes colour i and its comparison the same one. */
  palette: readonly string[];
  /** Colour of the Other column. */
  otherColor?: string;
}

/** Above this many periods the chart gets zoom controls. */
export const ZOOM_THRESHOLD = 60;

/**
 * Shown separately, at most this many items get a comparison series. Each comparison line takes
 * its item's colour and the theme palette has 8 (Okabe & Ito): past it colours repeat, so a
 * dashed line would match two items by colour, and ten items + Other would carry 22 lines. So past
 * the cap only the top items (the first, by summary) are compared, and Other is not: stacked, its
 * comparison would sit on items that have none. The table and the widget's CSV/JSON use the same
 * columns, and the view adds a sentence saying so to the chart's description (and table caption).
 */
export const MAX_COMPARED_ITEMS = 8;

interface Column {
  key: string;
  name: string;
  values: number[];
  role: 'main' | 'comparison' | 'other';
  /** For a comparison column shown separately: the key of the item (or Other) column it compares. */
  of?: string;
}

/** The plotted columns, in legend order. Pure: also used for the table and the exports. */
export function timeSeriesColumns(input: Pick<TimeSeriesChartInput, 'series' | 'separately' | 'names'>): Column[] {
  const { series, separately, names } = input;
  if (separately && series.breakdown) {
    const { items, other } = series.breakdown;
    const compared = series.comparison ? MAX_COMPARED_ITEMS : 0;
    const cols: Column[] = [];
    const push = (column: Column, comparison: { name: string; values: number[] | undefined }) => {
      cols.push(column);
      if (comparison.values) cols.push({ key: `${column.key}Comparison`, name: comparison.name, values: comparison.values, role: 'comparison', of: column.key });
    };
    items.forEach((item, i) => {
      const name = names.item(item);
      push({ key: `item${i}`, name, values: item.values, role: 'main' }, { name: names.itemComparison(name), values: i < compared ? item.comparison?.values : undefined });
    });
    if (other.summary !== 0 || other.values.some((v) => v !== 0)) {
      const comparison = { name: names.otherComparison ?? names.itemComparison(names.other), values: items.length <= compared ? other.comparison?.values : undefined };
      push({ key: 'other', name: names.other, values: other.values, role: 'other' }, comparison);
    }
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
  const partial = new Set(series.partialPeriods ?? []);
  // A partial last period (data to mid-month, the current year) is drawn apart on lines: the
  // main columns stop one period early and a dashed column carries their last segment.
  const dashLast = chart !== 'bar' && n >= 2 && partial.has(series.periods[n - 1]!);
  const mains = columns.filter((c) => c.role !== 'comparison');
  const source = series.periods.map((day, i) => [
    period(day),
    ...columns.map((c) => (dashLast && c.role !== 'comparison' && i === n - 1 ? null : (c.values[i] ?? null))),
    ...(dashLast ? mains.map((c) => (i >= n - 2 ? (c.values[i] ?? null) : null)) : []),
  ]);
  const long = n > ZOOM_THRESHOLD;

  const colors = columnColors(input, columns);
  // Shown separately, an area chart is drawn as plain lines: translucent stacked areas of many
  // items blend into muddy colours, and lines compare items directly.
  const asLines = input.separately && chart === 'area';
  const plotted: (LineSeriesOption | BarSeriesOption)[] = columns.map((c): LineSeriesOption | BarSeriesOption => {
    const isComparison = c.role === 'comparison';
    // An item's comparison is paler than the item, so the current period stays in front.
    const faint = isComparison && c.of !== undefined;
    const color = colors.get(c.key);
    const common = {
      name: c.name,
      encode: { x: 'period', y: c.key },
      // Stacked, comparisons stack among themselves: each dashed line then sits where its item's
      // layer edge was in the comparison period.
      stack: stacked && !asLines ? (isComparison ? 'comparison' : 'total') : undefined,
      ...(color ? { itemStyle: { color, ...(faint ? { opacity: 0.6 } : {}) } } : {}),
    };
    if (chart === 'bar' && !isComparison) return { ...common, type: 'bar', large: n > 500 };
    return {
      ...common,
      type: 'line',
      showSymbol: n <= ZOOM_THRESHOLD,
      // LTTB keeps the visual shape when there are more points than pixels to draw them.
      sampling: n > widthPx ? 'lttb' : undefined,
      areaStyle: chart === 'area' && !isComparison && !asLines ? { opacity: stacked ? 0.85 : 0.35 } : undefined,
      lineStyle: faint ? { type: 'dashed', width: 1.5, opacity: 0.6 } : isComparison ? { type: 'dashed', width: 2 } : { width: 2 },
    };
  });

  if (dashLast) {
    for (const c of mains) {
      const color = colors.get(c.key);
      // Same name as its column: one legend entry; shown and hidden together.
      plotted.push({
        name: c.name, type: 'line', encode: { x: 'period', y: `${c.key}Partial` }, showSymbol: n <= ZOOM_THRESHOLD,
        stack: stacked && !asLines ? 'partial' : undefined,
        lineStyle: { type: 'dashed', width: 2 }, ...(color ? { itemStyle: { color } } : {}),
      });
    }
  }
  // Partial periods are shaded, so a short last bar reads as "not complete", not as a fall.
  const shaded = series.periods.filter((p) => partial.has(p));
  if (shaded.length > 0 && plotted[0]) {
    (plotted[0] as LineSeriesOption).markArea = {
      silent: true,
      itemStyle: { color: 'rgba(128, 128, 128, 0.14)' },
      data: shaded.map((p) => [{ xAxis: period(p) }, { xAxis: period(p) }] as [{ xAxis: string }, { xAxis: string }]),
    };
  }

  return {
    animation: input.animation,
    aria: aria(input.description, { decal: chart === 'bar' && columns.length > 1 }),
    dataset: { dimensions: ['period', ...columns.map((c) => c.key), ...(dashLast ? mains.map((c) => `${c.key}Partial`) : [])], source },
    grid: { left: 8, right: 16, top: columns.length > 1 ? 40 : 16, bottom: long ? 64 : 8, containLabel: true },
    legend: columns.length > 1 ? { type: 'scroll', top: 0 } : { show: false },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? input.value(v) : '–') },
    xAxis: { type: 'category', boundaryGap: chart === 'bar' },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => (input.axisValue ?? input.value)(v) } },
    dataZoom: long ? [{ type: 'inside' }, { type: 'slider', height: 24, bottom: 8 }] : [],
    series: plotted,
  };
}

/**
 * Explicit colours when shown separately (item i → palette colour i, Other → its own, a comparison
 * → its item's), so adding comparison series never shifts the items' colours. The total and its
 * comparison keep the theme's order, as before comparisons per item existed.
 */
function columnColors(input: Pick<TimeSeriesChartInput, 'series' | 'separately' | 'palette' | 'otherColor'>, columns: readonly Column[]): Map<string, string> {
  const colors = new Map<string, string>();
  if (!input.separately || !input.series.breakdown || input.palette.length === 0) return colors;
  const { palette } = input;
  let next = 0;
  for (const c of columns) {
    const color =
      c.role === 'comparison' ? colors.get(c.of ?? '')
      : c.role === 'other' ? (input.otherColor ?? palette[next % palette.length])
      : palette[next++ % palette.length];
    if (color) colors.set(c.key, color);
  }
  return colors;
}
