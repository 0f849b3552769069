/**
 * The COUNTER_SUSHI API 5.1 under `/api/v1/sushi/r51/`: `status` (public), `members`, `reports`
 * and `reports/{pr|pr_p1|ir|ir_a1|ir_m1}`. Errors that stop a request answer the single Exception
 * object of Appendix D with its HTTP status (1030 → 400, 2000/2020 → 401, 2010 → 403, 3020 → 400);
 * Exceptions that do not (3030, 3031, 3032, 3050, 3060, 3062, 3063) go in the report header with
 * 200. A report path that is not one of these is 404, as section 8 / Appendix D ask.
 */
import { Router, type NextFunction, type Request, type Response } from 'express';
import { prepareReport, reportList } from '../../domain/counter/service';
import { REPORTS, REPORT_PATHS, SushiError, type ReportPath } from '../../domain/counter/spec';
import { lastRuns } from '../../domain/aggregate/runs';
import type { ServerContext } from '../context';
import type { CounterResponder } from '../counterReports';
import { HttpError } from '../errors';
import { authenticate, authorize, memberList } from '../sushiAuth';

export const SUSHI_BASE = '/api/v1/sushi/r51';

type Handler = (req: Request, res: Response) => Promise<void>;

/** SushiErrors become their Exception with its status; anything else goes to the app's error handler. */
const sushi = (handler: Handler) => async (req: Request, res: Response, next: NextFunction) => {
  try {
    await handler(req, res);
  } catch (error) {
    if (!(error instanceof SushiError)) return next(error);
    res.status(error.status).set('Cache-Control', 'no-store').json(error.exception);
  }
};

const json = (res: Response, body: unknown) => res.status(200).set('Cache-Control', 'private, no-store').json(body);

export function sushiRouter(ctx: ServerContext, responder: CounterResponder): Router {
  const router = Router();

  router.get(`${SUSHI_BASE}/status`, sushi(async (_req, res) => {
    const { counter } = ctx.config;
    const runs = await lastRuns(ctx.db);
    json(res, [{
      Description: `COUNTER_SUSHI API 5.1 of ${counter.platform}`,
      Service_Active: true,
      ...(counter.registryRecord ? { Registry_Record: counter.registryRecord } : {}),
      Note: runs.last?.finishedAt ? `usage processed by the aggregation run that finished ${runs.last.finishedAt}` : 'no aggregation run has finished yet',
    }]);
  }));

  router.get(`${SUSHI_BASE}/members`, sushi(async (req, res) => {
    const { customerId, grant } = authenticate(req.query, ctx);
    const customer = await authorize(ctx, grant, customerId);
    json(res, await memberList(ctx, grant, customer));
  }));

  router.get(`${SUSHI_BASE}/reports`, sushi(async (req, res) => {
    const { customerId, grant } = authenticate(req.query, ctx);
    const customer = await authorize(ctx, grant, customerId);
    json(res, await reportList(ctx.db, { community: customer.community, now: ctx.now() }));
  }));

  router.get(`${SUSHI_BASE}/reports/:report`, sushi(async (req, res) => {
    const path = String(req.params.report).toLowerCase() as ReportPath;
    if (!REPORT_PATHS.includes(path)) {
      throw new HttpError(404, 'unknown_report', `no COUNTER report "${req.params.report}" here; this server provides ${REPORT_PATHS.join(', ')}`, 'report');
    }
    const { customerId, grant } = authenticate(req.query, ctx);
    const customer = await authorize(ctx, grant, customerId);
    const prepared = await prepareReport(ctx.db, { report: REPORTS[path], query: req.query, customer, counter: ctx.config.counter, now: ctx.now() });
    await responder.send(req, res, prepared, { format: 'json', policy: { visibility: 'private', maxAgeSeconds: 300 } });
  }));

  return router;
}
