/**
 * Breakdown: a field's items (+ exact Other) for one metric over the range, as rows and as a
 * bar or ring chart. Shares are of the metric's total, so for multi-valued fields (a record with
 * two subjects counts under both) they may add up to more than 100 %. Other's share is then left
 * out (null): its items overlap, so a share of the total would be meaningless (and can pass 100 %).
 */
import type { WidgetSeries } from '../series/types';
import { truncateMiddle } from '../format/truncate';
import { aria, type ChartCommon, type ChartOption } from './types';

/** A ring is offered only for a field with at most this many named items. */
export const RING_MAX_ITEMS = 6;

export interface BreakdownRow {
  id: string;
  name: string;
  value: number;
  /** Fraction of the total (0…1), or null when the total is 0. */
  share: number | null;
  isOther: boolean;
}

/** The rows a reader sees, largest first, with Other (when non-zero) last. */
export function breakdownRows(
  series: WidgetSeries,
  names: { item: (item: { id: string; labels: Record<string, string> }) => string; other: (items: number) => string },
): BreakdownRow[] {
  const b = series.breakdown;
  if (!b) return [];
  const total = series.summary !== 0 ? series.summary : b.items.reduce((s, i) => s + i.summary, 0) + b.other.summary;
  const share = (v: number) => (total > 0 ? v / total : null);
  const rows = b.items
    .map((item) => ({ id: item.id, name: names.item(item), value: item.summary, share: share(item.summary), isOther: false }))
    .sort((a, z) => z.value - a.value);
  const overlapping = b.items.reduce((s, i) => s + i.summary, 0) + b.other.summary > total;
  if (b.other.summary !== 0)
    rows.push({
      id: '__other__',
      name: names.other(b.other.items),
      value: b.other.summary,
      share: overlapping ? null : share(b.other.summary),
      isOther: true,
    });
  return rows;
}

export interface BreakdownChartInput extends ChartCommon {
  rows: BreakdownRow[];
  view: 'bar' | 'pie';
  /** Item colours in order (ECharts' own cycling is lost once a colour callback is set). */
  palette: string[];
  otherColor: string;
  /** Label colour (the theme's text), drawn without the halo ECharts adds by default. */
  textColor: string;
  /** Chart width: narrow rings drop their slice labels for the legend. */
  widthPx: number;
  /** Formats a share (0…1) as a percentage. */
  percent: (fraction: number) => string;
}

export function breakdownOption(input: BreakdownChartInput): ChartOption {
  const { view, otherColor } = input;
  const { rows } = input;
  const source = rows.map((r) => ({ name: r.name, value: r.value, share: r.share ?? 0, isOther: r.isOther }));
  const { palette } = input;
  const colorOf = (p: { dataIndex: number }) =>
    source[p.dataIndex]?.isOther ? otherColor : (palette[p.dataIndex % palette.length] ?? otherColor);
  const label = (p: { dataIndex: number }) => {
    const r = source[p.dataIndex];
    return r ? `${input.value(r.value)} (${input.percent(r.share)})` : '';
  };
  const common = {
    animation: input.animation,
    aria: aria(input.description, { decal: view === 'pie' }),
    dataset: { dimensions: ['name', 'value', 'share'], source },
    tooltip: {
      trigger: 'item' as const,
      formatter: (p: unknown) => {
        const { dataIndex } = p as { dataIndex: number };
        return `${source[dataIndex]?.name ?? ''}: ${label({ dataIndex })}`;
      },
    },
  };
  if (view === 'pie')
    // Rings are offered for few items only (RING_MAX_ITEMS): every slice is labelled outside the
    // ring with its name (shortened in the middle) and share, so no legend is needed.
    return {
      ...common,
      series: [
        {
          type: 'pie',
          radius: ['42%', '66%'],
          center: ['50%', '50%'],
          encode: { itemName: 'name', value: 'value' },
          itemStyle: { color: colorOf, borderWidth: 1, borderColor: 'transparent' },
          label: {
            show: true,
            position: 'outside',
            color: input.textColor,
            textBorderWidth: 0,
            formatter: (p) => `${truncateMiddle((p as { name: string }).name, input.widthPx >= 480 ? 28 : 16)}\n${input.percent(source[p.dataIndex]?.share ?? 0)}`,
          },
          labelLine: { show: true },
        },
      ],
    };
  return {
    ...common,
    grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
    // Every bar carries its value and share, so the value axis would only crowd narrow screens.
    xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { show: false } },
    // Largest at the top, in reading order.
    yAxis: { type: 'category', inverse: true, axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        encode: { y: 'name', x: 'value' },
        itemStyle: { color: colorOf },
        label: { show: true, position: 'right', color: input.textColor, textBorderWidth: 0, formatter: label },
      },
    ],
  };
}
