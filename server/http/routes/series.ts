/**
 * GET /api/v1/communities/{id|global}/series/{category}[.csv|.xlsx|.json]?year=YYYY[&basis=…]
 * Served from the response cache; exports are rendered from the cached bundle once per ETag.
 */
import { Router } from 'express';
import { z } from 'zod';
import { BASES, CATEGORIES, type Category } from '../../../src/core/metrics';
import type { SeriesBundle } from '../../../src/api/schemas';
import { bodyBytes, encodeBody, etagOf, withIdentity, type EncodedBody } from '../../cache/encode';
import { Lru } from '../../cache/lru';
import type { ServerContext } from '../context';
import { HttpError, badRequest } from '../errors';
import { bundleCsv, bundleXlsx, exportFileName } from '../exports';
import { YearSchema, parseWith } from '../params';
import { bodyEncoding, sendEncoded, seriesPolicy } from '../send';

const FORMATS = ['json', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const RecordQuery = z.object({ year: YearSchema, basis: z.enum(BASES).default('added') });
const UsageQuery = z.object({ year: YearSchema });

function parseName(name: string): { category: Category; format: Format | null } {
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot + 1) : null;
  if (!(CATEGORIES as readonly string[]).includes(base)) {
    throw badRequest('category', `expected one of ${CATEGORIES.join(', ')}`);
  }
  if (ext !== null && !(FORMATS as readonly string[]).includes(ext)) {
    throw badRequest('format', `expected .${FORMATS.join(', .')}`);
  }
  return { category: base as Category, format: ext as Format | null };
}

export function seriesRouter(ctx: ServerContext): Router {
  const router = Router();
  // Exports are derived from a bundle body, so its ETag + format identifies them exactly.
  const exportsCache = new Lru<EncodedBody>(64 * 1024 * 1024, bodyBytes);

  router.get('/api/v1/communities/:community/series/:name', async (req, res) => {
    const community = await ctx.readableCommunity(req, req.params.community);
    const { category, format } = parseName(req.params.name);
    const isRecord = category.startsWith('record-');
    if (!isRecord && req.query.basis !== undefined) {
      throw badRequest('basis', 'usage categories have no date basis; leave it out');
    }
    const query = isRecord ? parseWith(RecordQuery, req.query) : parseWith(UsageQuery, req.query);
    const basis = isRecord ? (query as z.output<typeof RecordQuery>).basis : null;
    const key = { community: community.id, category, year: query.year, basis };
    const entry = await ctx.cache.get(key);
    if (!entry) {
      throw new HttpError(404, 'no_data', `community "${community.id}" has no ${category} data for ${query.year}`, 'year');
    }
    const policy = seriesPolicy({ year: query.year, now: ctx.now(), restricted: community.restricted });
    if (format === null) {
      // The cache holds bundles compressed only; a client that takes neither brotli nor gzip gets them inflated.
      const body = bodyEncoding(req, entry.etag) === 'identity' ? await withIdentity(entry) : entry;
      sendEncoded(req, res, body, { contentType: CONTENT_TYPES.json, policy });
      return;
    }
    const exportKey = `${entry.etag}|${format}`;
    let body = exportsCache.get(exportKey);
    if (!body) {
      const json = await withIdentity(entry);
      const bundle = JSON.parse(json.identity.toString('utf8')) as SeriesBundle;
      if (format === 'xlsx') {
        const xlsx = await bundleXlsx(bundle);
        body = { etag: etagOf(xlsx), identity: xlsx, gzip: xlsx, br: xlsx, builtAt: entry.builtAt };
      } else {
        body = format === 'json' ? json : await encodeBody(bundleCsv(bundle), entry.builtAt);
      }
      exportsCache.set(exportKey, body);
    }
    const fileName = exportFileName({ community: community.id, category, year: query.year, basis }, format);
    sendEncoded(req, res, body, {
      contentType: CONTENT_TYPES[format],
      policy,
      disposition: `attachment; filename="${fileName}"`,
      // XLSX is already a zip archive: compressing it again gains nothing.
      compress: format !== 'xlsx',
    });
  });
  return router;
}
