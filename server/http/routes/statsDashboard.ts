/**
 * POST /api/stats-dashboard — the reference's current frontend: its `*-category` queries answered
 * with data-series sets (server/domain/dataSeries), in the format its `Accept` header names.
 * Body: `{"<name>": {"stat": "record-delta-category", "params": {community_id, date_basis, start_date, end_date}}}`
 * (`community_id` `global` for the repository); answer `{"<name>": <data-series set>}`.
 *
 * | Accept | answer |
 * | --- | --- |
 * | `application/json` (or none) | JSON, compressed by `Accept-Encoding` |
 * | `application/json+gzip`, `application/json+br` | the JSON with `Content-Encoding: gzip` / `br`, as an attachment |
 * | `text/csv`, `application/xml`, the XLSX type | one table of every point (CSV, a sheet per query) or the nested XML |
 */
import { Router, type Request, type Response } from 'express';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AggregationKind } from '../../../src/core/kinds';
import { buildDataSeriesSet, type DashboardCategory, type DataSeriesSet } from '../../domain/dataSeries/build';
import { dataSeriesCsv, dataSeriesXml, writeDataSeriesXlsx } from '../../domain/dataSeries/export';
import type { ServerContext } from '../context';
import { HttpError, badRequest } from '../errors';
import { parseWith } from '../params';
import { cacheControl, sendJson } from '../send';
import { StatsRequestSchema, queryScope } from './stats';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CATEGORY_QUERIES: Record<string, DashboardCategory> = {
  'record-delta-category': 'record-delta',
  'record-snapshot-category': 'record-snapshot',
  'usage-delta-category': 'usage-delta',
  'usage-snapshot-category': 'usage-snapshot',
};
export const DASHBOARD_STAT_NAMES = Object.keys(CATEGORY_QUERIES);

type Format = 'json' | 'json+gzip' | 'json+br' | 'csv' | 'xml' | 'xlsx';
const FORMATS: Record<string, Format> = {
  'application/json': 'json',
  'application/*': 'json',
  '*/*': 'json',
  'application/json+gzip': 'json+gzip',
  'application/json+br': 'json+br',
  'text/csv': 'csv',
  'application/xml': 'xml',
  'text/xml': 'xml',
  [XLSX_TYPE]: 'xlsx',
};
export const DASHBOARD_MEDIA_TYPES = ['application/json', 'application/json+gzip', 'application/json+br', 'text/csv', 'application/xml', XLSX_TYPE];

/** The first format the `Accept` header lists (by q, then order) that we serve; JSON when it says nothing. */
export function negotiateFormat(accept: string | undefined): Format | null {
  if (!accept || accept.trim() === '') return 'json';
  const ranked = accept
    .split(',')
    .map((part, i) => {
      const [type = '', ...params] = part.split(';').map((x) => x.trim().toLowerCase());
      const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? 1);
      return { type, q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranked) if (FORMATS[r.type]) return FORMATS[r.type]!;
  return null;
}

const kindOf = (category: DashboardCategory, basis: string): AggregationKind =>
  (category === 'record-delta' ? `records-delta-${basis}` : category === 'record-snapshot' ? `records-snapshot-${basis}` : category) as AggregationKind;

export function statsDashboardRouter(ctx: ServerContext): Router {
  const router = Router();
  router.post('/api/stats-dashboard', async (req, res) => {
    if (!req.is('application/json')) throw new HttpError(415, 'unsupported_media_type', 'send the query as application/json');
    const format = negotiateFormat(req.get('accept'));
    if (!format) throw new HttpError(406, 'not_acceptable', `Accept one of: ${DASHBOARD_MEDIA_TYPES.join(', ')}`);
    const body = parseWith(StatsRequestSchema, req.body ?? null, 'body');
    const out: Record<string, DataSeriesSet> = {};
    let community = '';
    for (const [name, { stat, params }] of Object.entries(body)) {
      const category = CATEGORY_QUERIES[stat];
      if (!category) throw badRequest(`${name}.stat`, `expected one of ${DASHBOARD_STAT_NAMES.join(', ')}`);
      const scope = await queryScope(ctx, req, name, params.community_id, params);
      community ||= scope.community.id;
      const kind = kindOf(category, params.date_basis ?? 'added');
      const docs = await ctx.domain.getDailyDocs(ctx.db, { kind, community: scope.community.id, start: scope.start, end: scope.end });
      out[name] = buildDataSeriesSet(category, docs);
    }
    await send(req, res, out, format, community);
  });
  return router;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

async function send(req: Request, res: Response, out: Record<string, DataSeriesSet>, format: Format, community: string): Promise<void> {
  res.vary('Accept');
  if (format === 'json') {
    await sendJson(req, res, out, { policy: { visibility: 'private', maxAgeSeconds: 0 } });
    return;
  }
  res.set('Cache-Control', cacheControl({ visibility: 'private', maxAgeSeconds: 0 }));
  const file = `stats_series_${community}`.replace(/[^A-Za-z0-9._-]/g, '_');
  const attach = (name: string) => res.set('Content-Disposition', `attachment; filename="${name}"`);
  if (format === 'json+gzip' || format === 'json+br') {
    const json = Buffer.from(JSON.stringify(out), 'utf8');
    const gz = format === 'json+gzip';
    // As the reference: the JSON, compressed, with its Content-Encoding (browsers and fetch inflate it).
    res.set('Content-Encoding', gz ? 'gzip' : 'br');
    attach(`${file}.json.${gz ? 'gz' : 'br'}`);
    // Fast settings: this is computed per request, not cached.
    const body = gz ? await gzipAsync(json, { level: 6 }) : await brotliAsync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    res.type('application/json; charset=utf-8').send(body);
  } else if (format === 'csv') {
    attach(`${file}.csv`);
    res.type('text/csv; charset=utf-8').send(dataSeriesCsv(out));
  } else if (format === 'xml') {
    attach(`${file}.xml`);
    res.type('application/xml; charset=utf-8').send(dataSeriesXml(out));
  } else {
    attach(`${file}.xlsx`);
    res.type(XLSX_TYPE);
    await writeDataSeriesXlsx(out, res);
  }
}
