/**
 * GET /api/v1/communities/{id|global}/series/{category}[.csv|.xlsx|.json]?year=YYYY[&basis=…]
 * Served from the response cache; CSV and XLSX exports are written from the cached bundle row by
 * row as they are sent (flat memory), tagged by the bundle's ETag and the format.
 */
import { Router } from 'express';
import { z } from 'zod';
import { BASES, CATEGORIES, type Category } from '../../../src/core/metrics';
import type { SeriesBundle } from '../../../src/api/schemas';
import { withIdentity } from '../../cache/encode';
import type { ServerContext } from '../context';
import { HttpError, badRequest } from '../errors';
import { CONTENT_TYPES, EXPORT_FORMATS as FORMATS, exportFileName, writeBundleCsv, writeBundleXlsx, type ExportFormat as Format } from '../exports';
import { YearSchema, parseWith } from '../params';
import { bodyEncoding, sendEncoded, seriesPolicy } from '../send';
import { sendStream } from '../sendStream';
import { categoryParts } from '../../../src/core/kinds';


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

  router.get('/api/v1/communities/:community/series/:name', async (req, res) => {
    const community = await ctx.readableCommunity(req, req.params.community);
    const { category, format } = parseName(req.params.name);
    const isRecord = categoryParts(category).family === 'records';
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
    const fileName = exportFileName({ community: community.id, category, year: query.year, basis }, format ?? 'json');
    const disposition = format === null ? undefined : `attachment; filename="${fileName}"`;
    if (format === null || format === 'json') {
      // The cache holds bundles compressed only; a client that takes neither brotli nor gzip gets them inflated.
      const body = bodyEncoding(req, entry.etag) === 'identity' ? await withIdentity(entry) : entry;
      sendEncoded(req, res, body, { contentType: CONTENT_TYPES.json, policy, disposition });
      return;
    }
    // An export is derived from the bundle alone, so the bundle's ETag and the format identify it.
    const etag = entry.etag.replace(/"$/, `-${format}"`);
    const bundle = async () => JSON.parse((await withIdentity(entry)).identity.toString('utf8')) as SeriesBundle;
    await sendStream(
      req,
      res,
      // XLSX is already a zip archive: compressing it again gains nothing.
      { contentType: CONTENT_TYPES[format], policy, etag, disposition, compress: format !== 'xlsx' },
      async (out) => (format === 'xlsx' ? writeBundleXlsx(await bundle(), out) : writeBundleCsv(await bundle(), out)),
    );
  });
  return router;
}
