/**
 * From a widget's request and the dashboard's view to the query-API queries that answer it, and
 * from their answers to the `WidgetSeries` the widget draws. One place for both, used by
 * `useSeries` and by the dashboard export, so an export holds exactly the figures on screen.
 */
import type { QueryFilter, QueryRequest, QueryResponse } from '../api/query';
import { widgetQuery, type WidgetQuerySpec } from '../api/widgetQuery';
import type { Basis } from '../core/metrics';
import { isEmptyAnswer, seriesFromQuery } from '../core/series/fromQuery';
import type { Comparison, DateRange, Granularity, SeriesRequest, WidgetSeries } from '../core/series/types';

/** The parts of the dashboard's view every widget's figures depend on. */
export interface SeriesView {
  community: string;
  range: DateRange;
  granularity: Granularity;
  basis: Basis;
  comparison: Comparison;
  filters: readonly QueryFilter[];
}

/** A widget's request with its own layout `filters`, ANDed with the dashboard's for it alone. */
export interface WidgetSeriesRequest extends SeriesRequest {
  filters?: readonly QueryFilter[];
}

export interface SeriesPlan {
  main: QueryRequest;
  /** By period and field: the total per period (Other per period is it less the shown items). */
  total: QueryRequest | null;
  /** The widget's series from the answers (`empty` when the range holds no figure). */
  build(main: QueryResponse, total: QueryResponse | undefined): WidgetSeries | 'empty';
}

export function seriesPlan(view: SeriesView, request: WidgetSeriesRequest): SeriesPlan {
  const { metric, mode, field, topN, over = 'periods' } = request;
  const byPeriod = over === 'periods';
  const filters = request.filters ? [...view.filters, ...request.filters] : view.filters;
  const spec: WidgetQuerySpec = {
    community: view.community, metric, mode, basis: view.basis, range: view.range, filters, field, topN,
    granularity: byPeriod ? view.granularity : null,
    // A breakdown over the range draws no comparison: it is not asked for.
    comparison: field && !byPeriod ? 'none' : view.comparison,
  };
  return {
    main: widgetQuery(spec),
    total: field && byPeriod ? widgetQuery({ ...spec, field: undefined }) : null,
    build: (answer, total) =>
      isEmptyAnswer(answer)
        ? 'empty'
        : seriesFromQuery({
            answer, totalByPeriod: total, metric, mode, field,
            comparison: spec.comparison, granularity: spec.granularity, viewGranularity: view.granularity,
          }),
  };
}
