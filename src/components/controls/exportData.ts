/**
 * Export of the whole dashboard's data: every data widget of every tab, computed for the current
 * view from the same year blocks the widgets use (fetched through the dashboard's QueryClient, so
 * what is cached is not fetched again), as one JSON document or one long CSV table.
 */
import type { QueryClient } from '@tanstack/react-query';
import { seriesQuery } from '../../api/queries';
import { toCsv } from '../../core/format/csv';
import { yearsIn } from '../../core/dates';
import { categoryFor, type Basis } from '../../core/metrics';
import { buildWidgetSeries } from '../../core/series/build';
import { comparisonRange } from '../../core/series/comparison';
import type { Comparison, DateRange, Granularity, SeriesRequest, WidgetSeries } from '../../core/series/types';
import type { Layout, WidgetConfig } from '../../layout/schema';

/** Every item a breakdown holds, not just a page: exports are for analysis. */
const ALL_ITEMS = 10_000;

/** What a widget draws, as series requests (top-records and text carry no series). */
export function widgetRequests(w: WidgetConfig): SeriesRequest[] {
  switch (w.type) {
    case 'single-stat':
      return [{ metric: w.metric, mode: w.mode }];
    case 'time-series':
      return w.metrics.map((metric) => ({ metric, mode: w.mode }));
    case 'breakdown':
      return [{ metric: w.metric, mode: w.mode, field: w.field, topN: ALL_ITEMS }];
    case 'map':
      return [{ metric: w.metric, mode: w.mode, field: 'countries', topN: ALL_ITEMS }];
    case 'table':
      return w.metrics.map((metric) => ({ metric, mode: w.mode, field: w.field, topN: ALL_ITEMS }));
    case 'top-records':
    case 'text':
      return [];
  }
}

export interface ExportView {
  apiBase: string;
  community: string;
  range: DateRange;
  granularity: Granularity;
  basis: Basis;
  comparison: Comparison;
}

export interface DashboardExport extends ExportView {
  widgets: { id: string; tab: string; type: WidgetConfig['type']; series: WidgetSeries[] }[];
}

export async function collectExport({ layout, queryClient, view }: { layout: Layout; queryClient: QueryClient; view: ExportView }): Promise<DashboardExport> {
  const { apiBase, community, range, granularity, basis, comparison } = view;
  const previous = comparison === 'none' ? null : comparisonRange(range, comparison, granularity);
  const years = [...new Set([...(previous ? yearsIn(previous) : []), ...yearsIn(range)])];
  const widgets: DashboardExport['widgets'] = [];
  for (const tab of layout.tabs) {
    for (const [r, row] of tab.rows.entries()) {
      for (const [i, w] of row.widgets.entries()) {
        const requests = widgetRequests(w);
        if (requests.length === 0) continue;
        const series = await Promise.all(
          requests.map(async (request) => {
            const category = categoryFor(request.metric, request.mode);
            const bundleBasis = category.startsWith('record') ? basis : null;
            const bundles = await Promise.all(
              years.map((year) => queryClient.fetchQuery(seriesQuery({ apiBase, community, category, year, basis: bundleBasis }))),
            );
            return buildWidgetSeries({
              bundles,
              request,
              range,
              granularity,
              comparison: previous && comparison !== 'none' ? { kind: comparison, range: previous, bundles } : null,
            });
          }),
        );
        widgets.push({ id: w.id ?? `${tab.id}-${r}-${i}`, tab: tab.id, type: w.type, series });
      }
    }
  }
  return { ...view, widgets };
}

/** One row per widget × metric × (item) × period: easy to pivot in a spreadsheet. */
export function exportToCsv(doc: DashboardExport): string {
  const rows: (string | number | null)[][] = [];
  for (const w of doc.widgets) {
    for (const s of w.series) {
      s.periods.forEach((period, p) => {
        rows.push([w.tab, w.id, s.metric, s.mode, s.granularity, period, '', s.values[p] ?? 0, s.comparison?.values[p] ?? null]);
        for (const item of s.breakdown?.items ?? []) {
          rows.push([w.tab, w.id, s.metric, s.mode, s.granularity, period, item.id, item.values[p] ?? 0, item.comparison?.values[p] ?? null]);
        }
        if (s.breakdown && s.breakdown.other.items > 0) {
          const { other } = s.breakdown;
          rows.push([w.tab, w.id, s.metric, s.mode, s.granularity, period, '(other)', other.values[p] ?? 0, other.comparison?.values[p] ?? null]);
        }
      });
    }
  }
  return toCsv(['tab', 'widget', 'metric', 'mode', 'granularity', 'period', 'item', 'value', 'comparison'], rows);
}
