/**
 * What each widget of a layout asks on screen before the reader changes anything (each widget's
 * own first choices: a time series its first metric, no "show separately"), and the query-API
 * queries a whole layout sends for a view. The widgets take their requests' sizes from here, and
 * the server warms its query cache with `layoutQueries` after each aggregation run, so a first
 * dashboard view is answered from the cache.
 */
import type { QueryRequest } from '../api/query';
import type { SeriesRequest } from '../core/series/types';
import type { Layout, WidgetConfig } from '../layout/schema';
import { seriesPlan, type SeriesView } from './seriesPlan';

/** Items a breakdown or a table by field loads (its list and its exact Other). */
export const BREAKDOWN_ITEMS = 100;
/** Every country of the map. */
export const MAP_ITEMS = 250;

/** The series requests a widget sends when the dashboard opens (top-records and text send none). */
export function screenRequests(w: WidgetConfig): SeriesRequest[] {
  // The widget's own filters (layout `filters`), ANDed with the dashboard's by the series plan.
  const own = 'filters' in w && w.filters ? { filters: w.filters } : {};
  switch (w.type) {
    case 'single-stat':
      return [{ metric: w.metric, mode: w.mode, over: 'range', ...own }];
    case 'time-series':
      return [{ metric: w.metrics[0]!, mode: w.mode, ...own }];
    case 'breakdown':
      return [{ metric: w.metric, mode: w.mode, field: w.field, topN: BREAKDOWN_ITEMS, over: 'range', ...own }];
    case 'map':
      return [{ metric: w.metric, mode: w.mode, field: 'countries', topN: MAP_ITEMS, over: 'range', ...own }];
    case 'table':
      return w.metrics.map((metric) => ({ metric, mode: w.mode, ...own, ...(w.field ? { field: w.field, topN: BREAKDOWN_ITEMS, over: 'range' as const } : {}) }));
    case 'top-records':
    case 'text':
      return [];
  }
}

/** Every distinct query the layout's widgets send for `view` (every tab), in layout order. */
export function layoutQueries(layout: Layout, view: SeriesView): QueryRequest[] {
  const out = new Map<string, QueryRequest>();
  for (const tab of layout.tabs) {
    for (const row of tab.rows) {
      for (const w of row.widgets) {
        for (const request of screenRequests(w)) {
          const plan = seriesPlan(view, request);
          for (const q of [plan.main, plan.total]) if (q) out.set(JSON.stringify(q), q);
        }
      }
    }
  }
  return [...out.values()];
}
