/**
 * MSW handlers for the repostats API: one set for Vitest, Storybook, the dev server and host
 * applications' own tests. Answers are built from the shared response schemas' shapes with
 * deterministic synthetic data (see bundles.ts); the query API answers from the same bundles
 * (queryAnswer.ts).
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { createHandlers } from 'repostats/mocks'; // or src/mocks/handlers
 * const server = setupServer(...createHandlers({ apiBase: 'http://localhost/api' }));
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { Community, SeriesBundle, TopRecordsResponse } from '../api/schemas';
import { CATEGORIES, BASES, type Basis, type Category } from '../core/metrics';
import { defaultLayoutFor } from '../layout/defaults';
import { QueryRequestSchema, RECORD_DIMENSION } from '../api/query';
import { MOCK_FIRST_DAY, mockBundle, type MockBundleOptions } from './bundles';
import { mockQueryAnswer } from './queryAnswer';

export interface MockHandlerOptions {
  /** The API base the dashboard under test uses (default `/api`). */
  apiBase?: string;
  /** The last aggregated day (default: UTC today). */
  today?: string;
  communities?: Community[];
  /** Report an aggregation run in progress from GET /v1/status. */
  aggregating?: boolean;
  /**
   * Where series bundles come from (default: the synthetic `mockBundle`), e.g. the demo fixtures
   * rendered by the real pipeline. Null, or a bundle without days, answers 404 `no_data`.
   */
  bundle?: (options: MockBundleOptions) => SeriesBundle | null | Promise<SeriesBundle | null>;
}

export const MOCK_COMMUNITIES: Community[] = [
  { id: 'global', slug: null, title: 'All records', restricted: false, enabled: true, records: 41234, firstDay: MOCK_FIRST_DAY, lastDay: null },
  { id: 'c0ffee00-0000-4000-8000-000000000001', slug: 'physics', title: 'Physics', restricted: false, enabled: true, records: 8120, firstDay: '2021-03-01', lastDay: null },
  { id: 'c0ffee00-0000-4000-8000-000000000002', slug: 'history', title: 'History', restricted: false, enabled: true, records: 2310, firstDay: '2022-06-15', lastDay: null },
  { id: 'c0ffee00-0000-4000-8000-000000000003', slug: 'archive', title: 'Closed archive', restricted: false, enabled: false, records: 12, firstDay: null, lastDay: null },
];

const error = (status: number, code: string, message: string, path?: string) =>
  HttpResponse.json({ error: { code, message, ...(path ? { path } : {}) } }, { status });

export function createHandlers({ apiBase = '/api', today = new Date().toISOString().slice(0, 10), communities = MOCK_COMMUNITIES, aggregating = false, bundle: bundleFor = mockBundle }: MockHandlerOptions = {}): HttpHandler[] {
  const base = apiBase.replace(/\/+$/, '');
  const withLastDay = communities.map((c) => ({ ...c, lastDay: c.lastDay ?? (c.firstDay ? today : null) }));
  const find = (id: string) => withLastDay.find((c) => c.id === id || c.slug === id);

  const answerQuery = async (body: unknown) => {
    const parsed = QueryRequestSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return error(400, 'invalid_request', issue.message, issue.path.join('.'));
    }
    // The mock answers from series bundles, which hold no per-record figures (the real server
    // does: server/query); the dashboard asks for records through top-records instead.
    const byRecord = parsed.data.dimensions.indexOf(RECORD_DIMENSION);
    if (byRecord >= 0) return error(400, 'invalid_request', 'the mock API does not answer the record dimension (ask top-records)', `dimensions.${byRecord}`);
    const community = find(parsed.data.community);
    if (!community) return error(404, 'unknown_community', `no community "${parsed.data.community}"`);
    const q = { ...parsed.data, community: community.id };
    if (!community.firstDay || !community.lastDay) {
      return HttpResponse.json({ results: [], meta: { data_as_of: null, partial_periods: [], labels: {}, notes: [] }, query: q });
    }
    return HttpResponse.json(await mockQueryAnswer(q, { bundle: bundleFor, community: community.id, today: community.lastDay, firstDay: community.firstDay }));
  };

  return [
    http.get(`${base}/v1/communities`, () => HttpResponse.json({ communities: withLastDay })),
    http.get(`${base}/v1/status`, () =>
      HttpResponse.json({ aggregation: { state: aggregating ? 'running' : 'idle', running: aggregating, lastRun: null }, status: null, cache: null }),
    ),
    http.get(`${base}/v1/communities/:community/layout`, ({ params }) => {
      const community = find(String(params.community));
      if (!community) return error(404, 'unknown_community', `no community "${String(params.community)}"`);
      return HttpResponse.json({ community: community.id, overridden: false, layout: defaultLayoutFor(community.id) });
    }),
    http.get(`${base}/v1/communities/:community/series/:category`, async ({ params, request }) => {
      const community = find(String(params.community));
      if (!community) return error(404, 'unknown_community', `no community "${String(params.community)}"`);
      const category = String(params.category) as Category;
      if (!CATEGORIES.includes(category)) return error(400, 'invalid_category', `unknown category "${category}"`, 'category');
      const url = new URL(request.url);
      const year = Number(url.searchParams.get('year'));
      if (!Number.isInteger(year) || year < 1900) return error(400, 'invalid_year', 'year must be a 4-digit year', 'year');
      const basis = (url.searchParams.get('basis') ?? 'added') as Basis;
      if (!BASES.includes(basis)) return error(400, 'invalid_basis', `unknown basis "${basis}"`, 'basis');
      const bundle = await bundleFor({ community: community.id, category, year, basis, today });
      if (!bundle || bundle.dates.length === 0) return error(404, 'no_data', `community "${community.id}" has no ${category} data for ${year}`, 'year');
      return HttpResponse.json(bundle);
    }),
    http.post(`${base}/v1/query`, async ({ request }) => answerQuery(await request.json().catch(() => null))),
    http.get(`${base}/v1/query`, ({ request }) => {
      const q = new URL(request.url).searchParams.get('q');
      if (!q) return error(400, 'invalid_request', 'expected the query as JSON: ?q={"metrics":["views"]}', 'q');
      let body: unknown;
      try {
        body = JSON.parse(q);
      } catch {
        return error(400, 'invalid_request', 'is not valid JSON', 'q');
      }
      return answerQuery(body);
    }),
    http.get(`${base}/v1/communities/:community/top-records`, ({ request }) => {
      const url = new URL(request.url);
      const metric = url.searchParams.get('metric') === 'downloads' ? 'downloads' : 'views';
      const limit = Math.min(100, Number(url.searchParams.get('limit') ?? 10));
      const body: TopRecordsResponse = {
        metric,
        start: url.searchParams.get('start') ?? today,
        end: url.searchParams.get('end') ?? today,
        records: Array.from({ length: limit }, (_, i) => ({
          id: `rec-${String(i + 1).padStart(4, '0')}`,
          title: `Synthetic record ${i + 1}`,
          value: Math.round((metric === 'views' ? 5000 : 1800) / (i + 1)),
          uniqueVisitors: Math.round((metric === 'views' ? 3100 : 900) / (i + 1)),
        })),
      };
      return HttpResponse.json(body);
    }),
  ];
}

/** Handlers for the default `/api` base. */
export const handlers = createHandlers();
