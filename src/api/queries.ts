/**
 * TanStack Query option factories with full, typed keys. One factory per resource; the key holds
 * everything the answer depends on, so two dashboards (or two communities) never share a wrong
 * entry and a host QueryClient can hold several dashboards at once.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiUrl, getJson } from './client';
import { QueryResponseSchema, type QueryRequest, type QueryResponse } from './query';
import { CommunitiesResponseSchema, TopRecordsResponseSchema, type TopRecordsRequest } from './schemas';

/** Answers change only when an aggregation run ends; the server's ETag makes a refetch cheap. */
const FIVE_MINUTES = 5 * 60_000;

/** The key of one query-API answer: the normalised query is its own identity. */
export function apiQueryKey(apiBase: string, query: QueryRequest) {
  return ['repostats', apiBase, 'query', query] as const;
}

/**
 * One answer of the query API, asked as `GET /v1/query?q=<JSON>` so browsers and CDNs can cache
 * it. A time-only query longer than one page (`MAX_QUERY_LIMIT` periods) is read page by page
 * and joined, so a widget always receives every period of its range.
 *
 * @example
 * useQuery(apiQuery(apiBase, widgetQuery(spec)))
 */
export function apiQuery(apiBase: string, query: QueryRequest) {
  return queryOptions({
    queryKey: apiQueryKey(apiBase, query),
    queryFn: async ({ signal }): Promise<QueryResponse> => {
      const page = (offset: number) =>
        getJson({ url: apiUrl(apiBase, '/v1/query', { q: JSON.stringify({ ...query, offset }) }), schema: QueryResponseSchema, signal });
      const first = await page(query.offset);
      const paged = query.dimensions.length === 1 && query.dimensions[0]!.startsWith('time:');
      let answer = first;
      for (let got = first.results.length; paged && got === query.limit; ) {
        const next = await page(query.offset + answer.results.length);
        answer = { ...answer, results: [...answer.results, ...next.results] };
        got = next.results.length;
      }
      return answer;
    },
    staleTime: FIVE_MINUTES,
    // While a changed query loads, the previous answer stays on screen, if it has the same shape
    // (a field breakdown is never drawn from a time-only answer, or the other way round).
    placeholderData: (previous, previousQuery) =>
      previousQuery && sameShape(previousQuery.queryKey[3], query) ? previous : undefined,
  });
}

function sameShape(a: QueryRequest, b: QueryRequest): boolean {
  const shape = (q: QueryRequest) => q.dimensions.map((d) => (d.startsWith('time:') ? 'time' : d)).join(' ');
  return a.metrics.join() === b.metrics.join() && shape(a) === shape(b);
}

export interface TopRecordsKeyParts extends TopRecordsRequest {
  apiBase: string;
}

export function topRecordsQuery({ apiBase, community, metric, start, end, limit, filters = [] }: TopRecordsKeyParts) {
  return queryOptions({
    queryKey: ['repostats', apiBase, 'top-records', community, metric, start, end, limit, filters] as const,
    queryFn: ({ signal }) =>
      getJson({
        url: apiUrl(apiBase, `/v1/communities/${encodeURIComponent(community)}/top-records`, {
          metric, start, end, limit, ...(filters.length > 0 ? { filters: JSON.stringify(filters) } : {}),
        }),
        schema: TopRecordsResponseSchema,
        signal,
      }),
    staleTime: FIVE_MINUTES,
    placeholderData: keepPreviousData,
  });
}

export function communitiesQuery(apiBase: string) {
  return queryOptions({
    queryKey: ['repostats', apiBase, 'communities'] as const,
    queryFn: ({ signal }) => getJson({ url: apiUrl(apiBase, '/v1/communities'), schema: CommunitiesResponseSchema, signal }),
    staleTime: FIVE_MINUTES,
  });
}

/** The effective layout as the server answers it; validated later by the layout module (errors shown with paths). */
const LayoutResponseSchema = z.object({ layout: z.unknown() }).loose();

export function layoutQuery({ apiBase, community }: { apiBase: string; community: string }) {
  return queryOptions({
    queryKey: ['repostats', apiBase, 'layout', community] as const,
    queryFn: async ({ signal }) =>
      (
        await getJson({
          url: apiUrl(apiBase, `/v1/communities/${encodeURIComponent(community)}/layout`),
          schema: LayoutResponseSchema,
          signal,
        })
      ).layout,
    staleTime: FIVE_MINUTES,
  });
}

/**
 * The parts of `GET /api/v1/status` the dashboard reads. Loose on purpose: the status document
 * grows with the server, and the dashboard only needs to know whether a run is going on.
 */
export const StatusLiteSchema = z
  .object({ aggregation: z.object({ running: z.boolean() }).loose().optional() })
  .loose();

export function statusQuery(apiBase: string) {
  return queryOptions({
    queryKey: ['repostats', apiBase, 'status'] as const,
    queryFn: ({ signal }) => getJson({ url: apiUrl(apiBase, '/v1/status'), schema: StatusLiteSchema, signal }),
    staleTime: 30_000,
    refetchInterval: (query) => (query.state.data?.aggregation?.running ? 10_000 : false),
    retry: false,
  });
}
