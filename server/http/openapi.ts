/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that render and parse responses.
 */
import { z } from 'zod';
import {
  CommunitiesResponseSchema,
  ErrorBodySchema,
  SeriesBundleSchema,
  TopRecordsResponseSchema,
} from '../../src/api/schemas';
import { QueryRequestSchema, QueryResponseSchema } from '../../src/api/query';
import { AGGREGATION_KINDS } from '../../src/core/kinds';
import { BASES, CATEGORIES } from '../../src/core/metrics';
import { LayoutSchema } from '../../src/layout/schema';
import { STAT_NAMES, StatsRequestSchema } from './routes/stats';
import { DASHBOARD_MEDIA_TYPES, DASHBOARD_STAT_NAMES } from './routes/statsDashboard';
import { ServerStatusSchema } from './routes/admin';
import { counterOpenApi } from './openapiCounter';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
const err = (description: string) => ({ description, content: json('Error') });
const path = (name: string, description: string, extra: Record<string, unknown> = {}) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', ...extra },
});
const query = (name: string, description: string, s: Record<string, unknown>, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema: s,
});
const day = { type: 'string', format: 'date' };
const community = path('community', 'community id or slug, or `global`');
const auth = [{ bearer: [] }];
const errors = {
  '400': err('a parameter is invalid (the error names it); dates must be real days from 1990-01-01 to the end of next year'),
  '401': err('a token is required'),
  '403': err('the token does not grant access, or the dashboard is disabled (`dashboard_disabled`)'),
  '404': err('unknown community (a restricted one answers so without its token), or no data for that year'),
};

export function buildOpenApi(): Record<string, unknown> {
  const counter = counterOpenApi();
  return {
    openapi: '3.1.0',
    info: { title: 'repostats', version: '1', description: 'Statistics of a research repository and its communities.' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'admin token or a community token' } },
      schemas: {
        SeriesBundle: schema(SeriesBundleSchema),
        Communities: schema(CommunitiesResponseSchema),
        TopRecords: schema(TopRecordsResponseSchema),
        Layout: schema(LayoutSchema),
        StatsRequest: schema(StatsRequestSchema),
        QueryRequest: z.toJSONSchema(QueryRequestSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
        QueryResponse: schema(QueryResponseSchema),
        Status: schema(ServerStatusSchema),
        Error: schema(ErrorBodySchema),
        ...counter.schemas,
      },
    },
    paths: {
      '/api/v1/query': {
        post: {
          summary: 'Figures for any period: metrics × date range × dimensions × filters (distinct counts exact over the period; see docs/api.md)',
          security: [{}, ...auth],
          requestBody: { required: true, content: json('QueryRequest') },
          responses: { '200': { description: 'the answer', content: json('QueryResponse') }, '304': { description: 'not modified' }, ...errors, '415': err('the body is not application/json') },
        },
        get: {
          summary: 'The same query as `POST`, for HTTP caches: `?q=<the JSON body, URL-encoded>`',
          security: [{}, ...auth],
          parameters: [query('q', 'the query as JSON (the POST body)', { type: 'string' }, true)],
          responses: { '200': { description: 'the answer', content: json('QueryResponse') }, '304': { description: 'not modified' }, ...errors },
        },
      },
      '/api/v1/query/export': {
        get: {
          summary: 'A query\'s answer as a file (streamed): one row per result (dimensions, item labels, metrics), then Other and totals',
          security: [{}, ...auth],
          parameters: [
            query('q', 'the query as JSON (the POST body of /api/v1/query)', { type: 'string' }, true),
            query('format', 'csv (default), xlsx or json', { enum: ['csv', 'xlsx', 'json'] }),
          ],
          responses: { '200': { description: 'the file (Content-Disposition: attachment)' }, ...errors },
        },
      },
      '/api/v1/communities': {
        get: { summary: 'List communities', responses: { '200': { description: 'communities', content: json('Communities') } } },
      },
      '/api/v1/communities/{community}/series/{category}': {
        get: {
          summary: 'The series bundle of one community × year × category (append .csv, .xlsx or .json to export)',
          parameters: [
            community,
            path('category', 'bundle category, optionally with an export extension', {
              pattern: `^(${CATEGORIES.join('|')})(\\.(csv|xlsx|json))?$`,
            }),
            query('year', 'calendar year', { type: 'integer' }, true),
            query('basis', 'record categories only; default `added`', { enum: [...BASES] }),
          ],
          responses: { '200': { description: 'the bundle', content: json('SeriesBundle') }, '304': { description: 'not modified' }, ...errors },
        },
      },
      '/api/v1/communities/{community}/aggregations/{kind}': {
        get: {
          summary: 'Raw daily documents of one aggregation kind, sorted by day',
          parameters: [
            community,
            path('kind', 'aggregation kind', { enum: [...AGGREGATION_KINDS] }),
            query('start', 'first day (default: 1 January of the end year)', day),
            query('end', 'last day (default: today)', day),
            query('limit', 'days in one page, at most REPOSTATS_MAX_RANGE_DAYS (its default); a longer range links the next page in `Link: <…>; rel="next"`', { type: 'integer' }),
          ],
          responses: { '200': { description: 'daily documents of one page' }, ...errors },
        },
      },
      '/api/v1/communities/{community}/top-records': {
        get: {
          summary: 'Most viewed or downloaded records',
          parameters: [
            community,
            query('metric', 'views or downloads', { enum: ['views', 'downloads'] }),
            query('start', 'first day', day),
            query('end', 'last day', day),
            query('limit', '1–1000, default 10', { type: 'integer' }),
            query('filters', 'the query API\'s filters as JSON, e.g. [["is","field:countries",["DE"]]]', { type: 'string' }),
          ],
          responses: { '200': { description: 'records', content: json('TopRecords') }, ...errors },
        },
      },
      '/api/v1/communities/{community}/layout': {
        get: { summary: 'Effective layout', parameters: [community], responses: { '200': { description: 'layout' }, ...errors } },
        put: {
          summary: 'Store the layout override',
          security: auth,
          parameters: [community],
          requestBody: { content: json('Layout') },
          responses: { '200': { description: 'the new effective layout' }, '415': err('not JSON'), ...errors },
        },
        delete: { summary: 'Restore the default', security: auth, parameters: [community], responses: { '200': { description: 'default layout' }, ...errors } },
      },
      '/api/stats': {
        post: {
          summary: `Reference-compatible queries: ${STAT_NAMES.join(', ')}`,
          requestBody: { content: json('StatsRequest') },
          responses: { '200': { description: '{name: result}' }, '415': err('not JSON'), ...errors },
        },
      },
      '/api/stats-dashboard': {
        post: {
          summary: `The reference frontend's data-series sets: ${DASHBOARD_STAT_NAMES.join(', ')} (params community_id, date_basis, start_date, end_date)`,
          requestBody: { content: json('StatsRequest') },
          responses: {
            '200': {
              description: '{name: data-series set}; the format the Accept header names (json+gzip / json+br: the JSON with that Content-Encoding; CSV and XLSX: one row per point)',
              content: Object.fromEntries(DASHBOARD_MEDIA_TYPES.map((t) => [t, {}])),
            },
            '406': err('no format of the Accept header is served'),
            '415': err('not JSON'),
            ...errors,
          },
        },
      },
      '/api/v1/ingest/{kind}': {
        post: {
          summary: 'Import records, memberships or events (JSON array or NDJSON)',
          security: auth,
          parameters: [path('kind', 'what the lines are', { enum: ['records', 'memberships', 'events'] })],
          responses: {
            '200': { description: 'import summary with per-line errors' },
            '413': err('body larger than the limit'),
            '415': err('unsupported content type'),
            '429': err('rate limited'),
            ...errors,
          },
        },
      },
      '/api/v1/aggregate': {
        post: { summary: 'Run the aggregations and rebuild affected cached bundles', security: auth, responses: { '200': { description: 'run report' }, '409': err('a run is in progress'), ...errors } },
      },
      '/api/v1/status': { get: { summary: 'Aggregation status, cache freshness, data as of', responses: { '200': { description: 'status', content: json('Status') } } } },
      '/healthz': { get: { summary: 'Liveness and the database state', responses: { '200': { description: 'ok' }, '503': { description: 'the database does not answer (being reopened)' } } } },
      ...counter.paths,
    },
  };
}
