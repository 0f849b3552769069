/**
 * COUNTER reports for one customer: parse the request, decide which months are available,
 * compute the metrics from the counted events (storage/counter.ts) and build the report. The SUSHI
 * routes, the dashboard's export and the CLI all come through here.
 *
 * `prepareReport` is cheap (parameters and a few small queries) and yields the cache key: the
 * request, the customer and the data version (the last finished run and what it covered), so a
 * month is cached like any other query and a run or a late event makes a fresh one.
 */
import type { CounterConfig } from '../../config/counter';
import { USAGE_KINDS } from '../aggregate/state';
import { counterCoverage, monthlyItemMetrics, recordMetadata, recordsMentioning, type CounterCoverage, type CounterFilters } from '../../storage/counter';
import type { SqlEngine } from '../../storage/port';
import { availableMonths, resolvePeriod, type ResolvedPeriod } from './availability';
import { itemMetadata, type ItemMeta } from './metadata';
import { itemRows, platformRows, reportMetrics, type CounterReport } from './model';
import { addMonths, firstDay, lastDay, monthOf } from './months';
import { parseReportRequest, type ReportRequest } from './request';
import { REPORT_PATHS, REPORTS, RELEASE, counterException, type CounterException, type DataType, type ReportDefinition } from './spec';

/** Whose usage a report shows. */
export interface CounterCustomer {
  /** The Customer_ID as the request named it (`global` for the whole repository). */
  customerId: string;
  /** `global` or the community's id. */
  community: string;
  institutionName: string;
  /** Count records of restricted communities in a `global` report (admin only). */
  includeRestricted: boolean;
}

export interface PreparedReport {
  request: ReportRequest;
  customer: CounterCustomer;
  period: ResolvedPeriod;
  exceptions: CounterException[];
  /** Identifies the report's content: equal keys, equal reports (but for Created). */
  cacheKey: string;
}

const today = (now: Date) => now.toISOString().slice(0, 10);

async function coverageOf(db: SqlEngine, community: string): Promise<CounterCoverage> {
  return counterCoverage(db, { community, usageKind: USAGE_KINDS[0] as string });
}

export async function prepareReport(
  db: SqlEngine,
  options: { report: ReportDefinition; query: Record<string, unknown>; customer: CounterCustomer; counter: CounterConfig; now: Date },
): Promise<PreparedReport> {
  const { request, exceptions } = parseReportRequest(options.report, options.query, { platform: options.counter.platform });
  const coverage = await coverageOf(db, options.customer.community);
  const period = resolvePeriod({ begin: request.begin, end: request.end }, coverage, today(options.now));
  const { report, ...params } = request;
  const cacheKey = JSON.stringify([report.path, params, options.customer, period, coverage.lastRun?.runId ?? null]);
  return { request, customer: options.customer, period, exceptions: [...exceptions, ...period.exceptions], cacheKey };
}

/** item_id → record ids: `platformId:recordId`, a DOI (bare, `doi:` or a doi.org link), or a record id. */
async function resolveItemId(db: SqlEngine, itemId: string, counter: CounterConfig): Promise<string[]> {
  const prefix = `${counter.platformId}:`;
  if (itemId.startsWith(prefix)) return [itemId.slice(prefix.length)];
  const doi = /^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\S+\/\S+)$/i.exec(itemId)?.[1];
  if (!doi) return [itemId];
  const candidates = await recordMetadata(db, await recordsMentioning(db, doi));
  return candidates
    .filter((r) => itemMetadata({ raw: r.raw, title: r.title, dataType: 'Other' }).doi?.toLowerCase() === doi.toLowerCase())
    .map((r) => r.record_id);
}

/** Each item's metadata, read a chunk of records at a time so their stored JSON never sits in memory all at once. */
async function itemMetas(db: SqlEngine, dataTypes: ReadonlyMap<string, DataType>): Promise<Map<string, ItemMeta>> {
  const ids = [...dataTypes.keys()];
  const out = new Map<string, ItemMeta>();
  const CHUNK = 500;
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const r of await recordMetadata(db, ids.slice(i, i + CHUNK))) {
      out.set(r.record_id, itemMetadata({ raw: r.raw, title: r.title, dataType: dataTypes.get(r.record_id) ?? 'Other' }));
    }
  }
  return out;
}

export async function computeReport(
  db: SqlEngine,
  prepared: PreparedReport,
  options: { counter: CounterConfig; now: Date },
): Promise<CounterReport> {
  const { request, customer, period } = prepared;
  const item = request.report.kind === 'item';
  const metrics = reportMetrics(request);
  // Every counted event is Regular: robots are excluded and TDM is not told apart.
  const regular = request.accessMethods === null || request.accessMethods.includes('Regular');
  const exceptions = [...prepared.exceptions];
  let body: CounterReport['body'] = item ? { kind: 'item', items: [] } : { kind: 'platform', rows: [] };

  if (period.compute && metrics.length > 0 && regular) {
    const filters: CounterFilters = {
      ...(request.dataTypes ? { dataTypes: request.dataTypes } : {}),
      ...(item && request.accessTypes ? { accessTypes: request.accessTypes } : {}),
      ...(item && request.yop ? { yop: request.yop } : {}),
      ...(item && request.itemId ? { recordIds: await resolveItemId(db, request.itemId, options.counter) } : {}),
    };
    const rows = await monthlyItemMetrics(db, {
      community: customer.community,
      includeRestricted: customer.includeRestricted,
      from: firstDay(period.compute.from),
      to: lastDay(period.compute.to),
      by: item ? 'item' : 'data_type',
      filters,
    });
    if (item) {
      const metas = await itemMetas(db, new Map(rows.map((r) => [r.record_id as string, r.data_type as DataType])));
      body = { kind: 'item', items: itemRows(rows, metrics, (id, dataType) => metas.get(id) ?? itemMetadata({ raw: null, title: null, dataType })) };
    } else {
      body = { kind: 'platform', rows: platformRows(rows, metrics) };
    }
  }
  const empty = body.kind === 'item' ? body.items.length === 0 : body.rows.length === 0;
  if (empty && period.compute) {
    exceptions.push(counterException(3030, `no usage from ${firstDay(period.compute.from)} to ${lastDay(period.compute.to)} for the filters given`));
  }
  return {
    request,
    identity: {
      platform: options.counter.platform,
      platformId: options.counter.platformId,
      institutionName: customer.institutionName,
      customerId: customer.customerId,
      createdBy: options.counter.createdBy,
      registryRecord: options.counter.registryRecord,
      recordUrl: options.counter.recordUrl,
    },
    begin: period.begin,
    end: period.end,
    created: `${options.now.toISOString().slice(0, 19)}Z`,
    exceptions: exceptions.sort((a, b) => a.Code - b.Code),
    metrics,
    body,
  };
}

/** `GET /r51/reports`: every report with the months available to this customer. */
export async function reportList(db: SqlEngine, options: { community: string; now: Date }) {
  const available = availableMonths(await coverageOf(db, options.community), today(options.now));
  // Nothing processed yet: the schema needs months, so both are the last month that could have been.
  const fallback = addMonths(monthOf(today(options.now)), -1);
  return REPORT_PATHS.map((path) => {
    const r = REPORTS[path];
    return {
      Report_Name: r.name,
      Report_ID: r.id,
      Release: RELEASE,
      Report_Description: r.description,
      Path: `/r51/reports/${path}`,
      First_Month_Available: available?.first ?? fallback,
      Last_Month_Available: available?.last ?? fallback,
    };
  });
}
