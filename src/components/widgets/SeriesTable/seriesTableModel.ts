/**
 * The `table` widget's model: one row per period, or one row per item of a field (with the exact
 * Other and the total pinned last); one column per metric.
 */
import type { FieldId } from '../../../core/fields';
import type { MetricId } from '../../../core/metrics';
import type { WidgetSeries } from '../../../core/series/types';
import { metricName, metricValue } from '../shared/labels';
import type { TableModel, TableRow } from '../shared/tableModel';
import type { Format, WidgetT } from '../shared/types';

export interface SeriesTableInput {
  caption: string;
  metrics: MetricId[];
  /** Aligned with `metrics`. */
  series: WidgetSeries[];
  field?: FieldId;
  t: WidgetT;
  format: Format;
}

export function seriesTableModel({ caption, metrics, series, field, t, format }: SeriesTableInput): TableModel {
  const fmt = metrics.map((m) => metricValue(format, m));
  const cells = (values: (number | null)[]) =>
    values.map((v, i) => ({ raw: v, display: v === null ? '–' : fmt[i]!(v) }));
  const metricColumns = metrics.map((m) => ({ key: m, header: metricName(t, m), numeric: true }));

  if (!field) {
    const periods = series[0]?.periods ?? [];
    const granularity = series[0]?.granularity ?? 'day';
    return {
      caption,
      columns: [{ key: 'period', header: t('common.period') }, ...metricColumns],
      rows: [
        ...periods.map((day, p) => ({
          key: day,
          cells: [{ raw: day, display: format.date(day, granularity) }, ...cells(series.map((s) => s.values[p] ?? null))],
        })),
        { key: '__total__', pinned: true, cells: [{ raw: t('common.total') }, ...cells(series.map((s) => s.summary))] },
      ],
    };
  }

  const names = new Map<string, string>();
  for (const s of series)
    for (const item of s.breakdown?.items ?? [])
      if (!names.has(item.id)) names.set(item.id, format.item(field, item));
  const itemRows: TableRow[] = [...names].map(([id, name]) => ({
    key: id,
    cells: [{ raw: name }, ...cells(series.map((s) => s.breakdown?.items.find((i) => i.id === id)?.summary ?? null))],
  }));
  const others = series.map((s) => s.breakdown?.other ?? null);
  const otherItems = Math.max(0, ...others.map((o) => o?.items ?? 0));
  const pinned: TableRow[] = [];
  if (others.some((o) => o && o.summary !== 0))
    pinned.push({ key: '__other__', pinned: true, cells: [{ raw: t('common.otherItems', { count: otherItems }) }, ...cells(others.map((o) => o?.summary ?? null))] });
  pinned.push({ key: '__total__', pinned: true, cells: [{ raw: t('common.total') }, ...cells(series.map((s) => s.summary))] });
  return {
    caption,
    columns: [{ key: 'item', header: t(`fields.${field}`) }, ...metricColumns],
    rows: [...itemRows.sort((a, b) => Number(b.cells[1]?.raw ?? 0) - Number(a.cells[1]?.raw ?? 0)), ...pinned],
  };
}
