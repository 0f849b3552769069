/**
 * Exports of query-API answers: over HTTP on the seeded server (real DuckDB, loopback), and the
 * writers' streaming (a large answer is written in bounded chunks, never as one body).
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryRequestInput, QueryResponse } from '../../src/api/query';
import { ErrorBodySchema } from '../../src/api/schemas';
import { queryTable, writeQueryCsv, writeQueryJson } from './queryExport';
import { seedAndAggregate, startTestServer, type TestServer } from './testing';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  await seedAndAggregate(s.db);
});
afterAll(async () => s?.stop());

// Seed (server/http/testing.ts): community "open" holds r1 (dataset) and r2 (article); on
// 2024-03-05 r1 has 5 views and 2 downloads, r2 2 views and 1 download.
const BY_TYPE: QueryRequestInput = {
  community: 'open-science', metrics: ['views', 'downloads'], date_range: ['2024-01-01', '2024-03-31'],
  dimensions: ['field:resource_types'], include: { totals: true },
};

const exportOf = (q: unknown, format: string) =>
  fetch(`${s.url}/api/v1/query/export?format=${format}&q=${encodeURIComponent(JSON.stringify(q))}`);

describe('GET /api/v1/query/export', () => {
  it('when a query is exported as CSV, then each result is a row with its labels, then the totals', async () => {
    const res = await exportOf(BY_TYPE, 'csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="repostats-query-open.csv"');
    expect((await res.text()).trim().split('\r\n')).toEqual([
      'field:resource_types,field:resource_types label,views,downloads',
      'dataset,Dataset,5,2',
      'article,Article,2,1',
      '_total,Total,7,3',
    ]);
  });

  it('when the top records are exported as JSON, then the rows name each record by its title', async () => {
    const res = await exportOf({ ...BY_TYPE, dimensions: ['record'], include: {} }, 'json');
    expect(await res.json()).toEqual([
      { record: 'r1', 'record label': 'Most viewed open record', views: 5, downloads: 2 },
      { record: 'r2', 'record label': 'Second open record', views: 2, downloads: 1 },
    ]);
  });

  it('when exported as XLSX, then a workbook comes uncompressed by HTTP', async () => {
    const res = await fetch(`${s.url}/api/v1/query/export?format=xlsx&q=${encodeURIComponent(JSON.stringify(BY_TYPE))}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });

  it.each([
    ['an unknown format', 'pdf', BY_TYPE, 'format'],
    ['an unknown metric', 'csv', { ...BY_TYPE, metrics: ['likes'] }, 'metrics.0'],
  ])('when %s is asked, then 400 names it', async (_, format, q, path) => {
    const res = await exportOf(q, format);
    expect(res.status).toBe(400);
    expect(ErrorBodySchema.parse(await res.json()).error.path).toBe(path);
  });
});

describe('query export writers', () => {
  const ROWS = 50_000;
  const big: QueryResponse = {
    results: Array.from({ length: ROWS }, (_, i) => ({ dimensions: [`2024-01-01`, `item-${i}`], metrics: [i, 2 * i] })),
    meta: { data_as_of: '2024-12-31', partial_periods: [], labels: { 'item-7': { en: '=SUM(A1)' } }, notes: [] },
    query: {},
  };
  const table = queryTable(big, ['time:day', 'field:subjects'], ['views', 'downloads']);

  /** A destination that keeps only the size of each write it receives. */
  function sizes(): { out: Writable; writes: number[]; text: () => string } {
    const writes: number[] = [];
    let head = '';
    const out = new Writable({
      write(chunk: Buffer | string, _enc, done) {
        writes.push(chunk.length);
        if (head.length < 1000) head += chunk.toString();
        done();
      },
    });
    return { out, writes, text: () => head };
  }

  it.each([
    ['CSV', writeQueryCsv],
    ['JSON', writeQueryJson],
  ])('when %s of 50,000 rows is written, then it goes out in many chunks of at most ~64 KB, never as one body', async (_, write) => {
    const sink = sizes();
    await write(table, sink.out);
    const total = sink.writes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(1_000_000);
    expect(sink.writes.length).toBeGreaterThan(15);
    expect(Math.max(...sink.writes)).toBeLessThan(70 * 1024);
  });

  it('when a label looks like a formula, then the CSV defuses it', async () => {
    const sink = sizes();
    await writeQueryCsv(table, sink.out);
    expect(sink.text().split('\r\n')[8]).toBe("2024-01-01,item-7,'=SUM(A1),7,14");
  });
});
