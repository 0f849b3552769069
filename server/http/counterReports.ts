/**
 * Sending COUNTER reports: JSON and TSV rendered once per report and data version and kept in a
 * small byte-bounded LRU with their ETag and brotli/gzip forms (a month is cached like any other
 * query); XLSX streamed row by row with exceljs's streaming writer. The computation runs with the
 * work memory budget, as the other queries that scan events do.
 */
import type { Request, Response } from 'express';
import { Lru } from '../cache/lru';
import { bodyBytes, encodeBody, type EncodedBody } from '../cache/encode';
import { counterJson } from '../domain/counter/json';
import type { CounterReport } from '../domain/counter/model';
import { computeReport, type PreparedReport } from '../domain/counter/service';
import { toTable, toTsv } from '../domain/counter/tabular';
import { writeXlsx } from '../domain/counter/xlsx';
import { withMemoryLimit } from '../storage/open';
import type { ServerContext } from './context';
import { sendEncoded, type CachePolicy } from './send';

export type CounterFormat = 'json' | 'tsv' | 'xlsx';

export const COUNTER_CONTENT_TYPES: Record<CounterFormat, string> = {
  json: 'application/json',
  tsv: 'text/tab-separated-values; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Reports kept in memory, all customers together: a year's Item Report of a large repository is a few MB. */
const CACHE_BYTES = 32 * 1024 ** 2;

export interface CounterResponder {
  send(req: Request, res: Response, prepared: PreparedReport, options: { format: CounterFormat; policy: CachePolicy; filename?: string }): Promise<void>;
  /** Reports held in memory (for tests and status). */
  readonly cached: number;
}

export function counterResponder(ctx: ServerContext): CounterResponder {
  const cache = new Lru<EncodedBody>(CACHE_BYTES, bodyBytes);
  const compute = (prepared: PreparedReport): Promise<CounterReport> =>
    withMemoryLimit(ctx.db, ctx.config.duckdb.serveWorkMemoryBytes, () => computeReport(ctx.db, prepared, { counter: ctx.config.counter, now: ctx.now() }));

  return {
    get cached() {
      return cache.size;
    },
    async send(req, res, prepared, { format, policy, filename }) {
      const disposition = filename ? `attachment; filename="${filename}.${format}"` : undefined;
      if (format === 'xlsx') {
        const table = toTable(await compute(prepared));
        res.status(200).type(COUNTER_CONTENT_TYPES.xlsx).set('Cache-Control', `${policy.visibility}, max-age=${policy.maxAgeSeconds}`);
        if (disposition) res.set('Content-Disposition', disposition);
        await writeXlsx(table, { sheet: prepared.request.report.id, stream: res });
        return;
      }
      const key = `${format}|${prepared.cacheKey}`;
      let body = cache.get(key);
      if (!body) {
        const report = await compute(prepared);
        body = await encodeBody(format === 'json' ? JSON.stringify(counterJson(report)) : toTsv(toTable(report)), report.created);
        cache.set(key, body);
      }
      sendEncoded(req, res, body, { contentType: COUNTER_CONTENT_TYPES[format], policy, disposition });
    },
  };
}
