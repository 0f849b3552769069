/**
 * The queries the query-API bench sends: those of a first dashboard view (the default layout of
 * a community at the default view, resolved against `today` as a browser would, built by the
 * dashboard's own code: src/data/layoutQueries.ts, as server/http/warmLayouts.ts does), and each
 * of them again with one filter on another field, the way a reader narrows the dashboard.
 */
import type { QueryFilter, QueryRequest } from '../../src/api/query';
import { METRICS } from '../../src/core/metrics';
import { layoutQueries } from '../../src/data/layoutQueries';
import { defaultLayoutFor } from '../../src/layout/defaults';
import { LayoutSchema } from '../../src/layout/schema';
import { DEFAULT_VIEW } from '../../src/state/defaults';
import { effectiveRange } from '../../src/state/range';

/** Filters tried in order, per metric family: the first on a field the query neither breaks down by nor filters on is added. */
export const OTHER_FIELD_FILTERS: Record<'records' | 'usage', readonly QueryFilter[]> = {
  records: [
    ['is', 'field:resource_types', ['dataset']],
    ['is', 'field:access_statuses', ['open']],
  ],
  usage: [
    ['is', 'field:countries', ['US']],
    ['is', 'field:resource_types', ['dataset']],
  ],
};

/** The queries a first view of `community`'s default layout sends on `today` (YYYY-MM-DD). */
export function firstViewQueries(community: string, today: string): QueryRequest[] {
  const layout = LayoutSchema.parse(defaultLayoutFor(community));
  const { range, granularity, basis, comparison, filters } = DEFAULT_VIEW;
  return layoutQueries(layout, { community, range: effectiveRange(range, granularity, { today }), granularity, basis, comparison, filters });
}

/** `q` with one more filter on a field it does not use yet (see OTHER_FIELD_FILTERS). */
export function withOtherFieldFilter(q: QueryRequest): QueryRequest {
  const used = new Set<string>([...q.dimensions, ...q.filters.map(([, field]) => field)]);
  const family = METRICS[q.metrics[0]!].family;
  const filter = OTHER_FIELD_FILTERS[family].find(([, field]) => !used.has(field));
  if (!filter) throw new Error(`no other field to filter ${JSON.stringify(q)} by`);
  return { ...q, filters: [...q.filters, filter] };
}

/** The `GET /api/v1/query?q=` path of a query, as the dashboard asks it (src/api/queries.ts). */
export function queryPath(q: QueryRequest): string {
  return `/api/v1/query?q=${encodeURIComponent(JSON.stringify({ ...q, offset: q.offset }))}`;
}
