/**
 * GET /api/v1/communities/{id|global}/counter/{report}.{tsv|xlsx|json}?begin_date=&end_date=&…
 *
 * The tabular COUNTER reports for the dashboard's export menu: the "administrative/reporting site"
 * of section 3.2, under the dashboard's own access rules (public communities are open, restricted
 * ones need their token or the admin token). The report parameters are the SUSHI ones. Errors are
 * the API's usual `{error: {code, message, path}}`; the availability Exceptions (3030, 3031, 3032)
 * are in the report's Exceptions header row.
 */
import { Router } from 'express';
import { GLOBAL } from '../../../src/core/kinds';
import { prepareReport } from '../../domain/counter/service';
import { REPORTS, REPORT_PATHS, SushiError, type ReportPath } from '../../domain/counter/spec';
import { isAdmin } from '../access';
import type { ServerContext } from '../context';
import type { CounterFormat, CounterResponder } from '../counterReports';
import { HttpError, badRequest } from '../errors';

const FILE = /^([a-z0-9_]+)\.(tsv|xlsx|json)$/i;

export function counterExportRouter(ctx: ServerContext, responder: CounterResponder): Router {
  const router = Router();
  router.get('/api/v1/communities/:community/counter/:file', async (req, res) => {
    const community = await ctx.readableCommunity(req, req.params.community);
    const m = FILE.exec(req.params.file);
    const path = m?.[1]?.toLowerCase() as ReportPath | undefined;
    if (!m || !path || !REPORT_PATHS.includes(path)) {
      throw new HttpError(404, 'unknown_report', `expected one of ${REPORT_PATHS.map((p) => `${p}.tsv`).join(', ')} (or .xlsx, .json)`, 'report');
    }
    const format = m[2]!.toLowerCase() as CounterFormat;
    const customer = {
      customerId: community.id,
      community: community.id,
      institutionName: community.id === GLOBAL ? 'The World' : (community.title ?? community.id),
      includeRestricted: community.id === GLOBAL && isAdmin(req, ctx.config),
    };
    let prepared;
    try {
      prepared = await prepareReport(ctx.db, { report: REPORTS[path], query: req.query, customer, counter: ctx.config.counter, now: ctx.now() });
    } catch (error) {
      if (error instanceof SushiError) {
        const param = /^(begin_date|end_date)/.exec(error.exception.Data ?? '')?.[1] ?? 'begin_date';
        throw badRequest(param, `${error.exception.Message}: ${error.exception.Data ?? ''}`.replace(/: $/, ''));
      }
      throw error;
    }
    const period = `${prepared.period.begin}_${prepared.period.end}`;
    await responder.send(req, res, prepared, {
      format,
      policy: { visibility: community.restricted || customer.includeRestricted ? 'private' : 'public', maxAgeSeconds: 300 },
      filename: `${REPORTS[path].id}_${community.id}_${period}`.replace(/[^A-Za-z0-9._-]/g, '_'),
    });
  });
  return router;
}
