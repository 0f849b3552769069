/**
 * What a widget asks the query API (`src/api/query.ts`) for: one metric in one mode, over the
 * dashboard's range, by its granularity (or over the whole range), optionally by one field, with
 * the dashboard's filters. The result is the query in normalised form (every default filled in,
 * filters in a canonical order), so it serves as its own cache key: two widgets asking the same
 * thing share one request, and a control change alters only the queries it affects.
 *
 * @example
 * widgetQuery({ community: 'global', metric: 'views', mode: 'delta', basis: 'added', range,
 *   granularity: 'month', comparison: 'none', filters: [] })
 */
import { FIELDS, type FieldId } from '../core/fields';
import { METRICS, type Basis, type MetricId, type Mode, type QueryMode } from '../core/metrics';
import type { Comparison, DateRange, Granularity } from '../core/series/types';
import { MAX_QUERY_LIMIT, type QueryFilter, type QueryRequest } from './query';

export interface WidgetQuerySpec {
  community: string;
  metric: MetricId;
  mode: Mode;
  basis: Basis;
  range: DateRange;
  /** One row per period of this granularity; null: one figure over the whole range. */
  granularity: Granularity | null;
  field?: FieldId;
  /** Items kept before the exact Other (field queries; default 10). */
  topN?: number;
  comparison: Comparison;
  filters: readonly QueryFilter[];
}

/**
 * The query mode behind a dashboard mode. A record `delta` on the dashboard is the net change
 * (added − removed) for summed metrics; for distinct counts (uploaders, parents) it is the
 * distinct count among what entered in the period, which a net change cannot express.
 */
export function queryModeFor(metric: MetricId, mode: Mode): QueryMode {
  if (mode === 'cumulative') return 'cumulative';
  const m = METRICS[metric];
  return m.family === 'records' && m.overPeriod === 'sum' ? 'net' : 'delta';
}

/** Whether a filter on `field` applies to `metric` (usage-only fields cannot filter record metrics). */
export function filterApplies(metric: MetricId, field: FieldId): boolean {
  return (FIELDS[field].scope as readonly string[]).includes(METRICS[metric].family);
}

const fieldOfFilter = (f: QueryFilter) => f[1].slice('field:'.length) as FieldId;

/** Filters in one order with sorted, distinct values, so equal filter sets make equal keys. */
export function canonicalFilters(filters: readonly QueryFilter[]): QueryFilter[] {
  return filters
    .map(([op, ref, values]): QueryFilter => [op, ref, [...new Set(values)].sort()])
    .sort((a, b) => `${a[1]} ${a[0]} ${a[2].join(',')}`.localeCompare(`${b[1]} ${b[0]} ${b[2].join(',')}`));
}

/** The normalised query for one widget request; filters that cannot apply to the metric are left out. */
export function widgetQuery(spec: WidgetQuerySpec): QueryRequest {
  const { metric, field, granularity } = spec;
  const usage = METRICS[metric].family === 'usage';
  const dimensions: QueryRequest['dimensions'] = [
    ...(granularity ? [`time:${granularity}` as const] : []),
    ...(field ? [`field:${field}` as const] : []),
  ];
  return {
    community: spec.community,
    metrics: [metric],
    mode: queryModeFor(metric, spec.mode),
    // Usage has no basis: one key whatever the control says, so a basis change never refetches it.
    basis: usage ? 'added' : spec.basis,
    date_range: [spec.range.start, spec.range.end],
    dimensions,
    filters: canonicalFilters(spec.filters.filter((f) => filterApplies(metric, fieldOfFilter(f)))),
    order_by: field ? [[metric, 'desc']] : [],
    limit: field ? Math.min(spec.topN ?? 10, MAX_QUERY_LIMIT) : granularity ? MAX_QUERY_LIMIT : 1,
    offset: 0,
    include: {
      other: Boolean(field),
      totals: dimensions.length > 0,
      comparison: spec.comparison === 'previous-period' ? 'previous_period' : spec.comparison === 'previous-year' ? 'previous_year' : null,
    },
  };
}
