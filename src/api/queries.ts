/**
 * TanStack Query option factories with full, typed keys. One factory per resource; the key holds
 * everything the answer depends on, so two dashboards (or two communities) never share a wrong
 * entry and a host QueryClient can hold several dashboards at once.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { Basis, Category } from '../core/metrics';
import { ApiError, apiUrl, getJson } from './client';
import { CommunitiesResponseSchema, SeriesBundleSchema, TopRecordsResponseSchema, type SeriesBundle } from './schemas';

export interface SeriesKeyParts {
  apiBase: string;
  community: string;
  category: Category;
  year: number;
  /** Record categories only; usage bundles have no basis (pass null so the entry is shared). */
  basis: Basis | null;
}

/** The key tuple for one year block. */
export function seriesKey({ apiBase, community, category, year, basis }: SeriesKeyParts) {
  return ['repostats', apiBase, 'series', community, category, year, basis] as const;
}

/** Bundles for past years never change between aggregation runs; the current year may. */
const FIVE_MINUTES = 5 * 60_000;

/**
 * One year block. `firstYear`: the community's first year with data, when known; earlier years
 * are empty blocks without a request (a "Last 5 years" range must not log 404s in the console).
 */
export function seriesQuery(parts: SeriesKeyParts, { firstYear }: { firstYear?: number | null } = {}) {
  const { apiBase, community, category, year, basis } = parts;
  return queryOptions({
    queryKey: seriesKey(parts),
    queryFn: async ({ signal }): Promise<SeriesBundle> => {
      if (firstYear != null && year < firstYear) return emptyBundle(parts);
      const url = apiUrl(apiBase, `/v1/communities/${encodeURIComponent(community)}/series/${category}`, {
        year,
        basis: category.startsWith('record') ? basis : null,
      });
      try {
        return await getJson({ url, schema: SeriesBundleSchema, signal });
      } catch (error) {
        // A year with nothing aggregated is an empty block, not a failure of the widget.
        if (error instanceof ApiError && error.status === 404 && error.code === 'no_data') return emptyBundle(parts);
        throw error;
      }
    },
    staleTime: FIVE_MINUTES,
    placeholderData: keepPreviousData,
    // Bundles are large and replaced whole: deep-comparing them (structural sharing) took about a
    // third of the main thread on a granularity switch in a Chromium profile (BENCHMARKS.md).
    structuralSharing: false,
  });
}

export function emptyBundle({ community, category, year, basis }: SeriesKeyParts): SeriesBundle {
  return { schemaVersion: 1, community, category, basis: category.startsWith('record') ? basis : null, year, dates: [], dataAsOf: null, totals: {}, subcounts: {} };
}

export interface TopRecordsKeyParts {
  apiBase: string;
  community: string;
  metric: 'views' | 'downloads';
  start: string;
  end: string;
  limit: number;
}

export function topRecordsQuery({ apiBase, community, metric, start, end, limit }: TopRecordsKeyParts) {
  return queryOptions({
    queryKey: ['repostats', apiBase, 'top-records', community, metric, start, end, limit] as const,
    queryFn: ({ signal }) =>
      getJson({
        url: apiUrl(apiBase, `/v1/communities/${encodeURIComponent(community)}/top-records`, { metric, start, end, limit }),
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
