/**
 * Export of the whole dashboard's data: every data widget of every tab, computed for the current
 * view from the same query-API answers the widgets use (fetched through the dashboard's
 * QueryClient, so what is cached is not fetched again), as one JSON document or one long CSV table.
 */
import type { QueryClient } from '@tanstack/react-query';
import { apiQuery } from '../../api/queries';
import type { QueryRequest } from '../../api/query';
import { toCsv } from '../../core/format/csv';
import type { WidgetSeries } from '../../core/series/types';
import { seriesPlan, type SeriesView, type WidgetSeriesRequest } from '../../data/seriesPlan';
import type { Layout, WidgetConfig } from '../../layout/schema';

/** Every item a breakdown holds, not just a page: exports are for analysis. */
const ALL_ITEMS = 10_000;

/** What a widget draws, as series requests (top-records and text carry no series). */
export function widgetRequests(w: WidgetConfig): WidgetSeriesRequest[] {
  switch (w.type) {
    case 'single-stat':
      return [{ metric: w.metric, mode: w.mode, filters: w.filters }];
    case 'time-series':
      return w.metrics.map((metric) => ({ metric, mode: w.mode, filters: w.filters }));
    case 'breakdown':
      return [{ metric: w.metric, mode: w.mode, field: w.field, topN: ALL_ITEMS, filters: w.filters }];
    case 'map':
      return [{ metric: w.metric, mode: w.mode, field: 'countries', topN: ALL_ITEMS, filters: w.filters }];
    case 'table':
      return w.metrics.map((metric) => ({ metric, mode: w.mode, field: w.field, topN: ALL_ITEMS, filters: w.filters }));
    case 'top-records':
    case 'text':
      return [];
  }
}

export interface ExportView extends SeriesView {
  apiBase: string;
}

export interface DashboardExport extends ExportView {
  widgets: { id: string; tab: string; type: WidgetConfig['type']; series: WidgetSeries[] }[];
}

export async function collectExport({ layout, queryClient, view }: { layout: Layout; queryClient: QueryClient; view: ExportView }): Promise<DashboardExport> {
  const widgets: DashboardExport['widgets'] = [];
  const answer = (query: QueryRequest) => queryClient.fetchQuery(apiQuery(view.apiBase, query));
  for (const tab of layout.tabs) {
    for (const [r, row] of tab.rows.entries()) {
      for (const [i, w] of row.widgets.entries()) {
        const requests = widgetRequests(w);
        if (requests.length === 0) continue;
        const series = await Promise.all(
          requests.map(async (request) => {
            const plan = seriesPlan(view, request);
            const [main, total] = await Promise.all([answer(plan.main), plan.total ? answer(plan.total) : undefined]);
            const built = plan.build(main, total);
            return built === 'empty' ? null : built;
          }),
        );
        widgets.push({ id: w.id ?? `${tab.id}-${r}-${i}`, tab: tab.id, type: w.type, series: series.filter((s) => s !== null) });
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
