import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { ErrorBodySchema, SeriesBundleSchema } from '../../../src/api/schemas';
import { ADMIN, SECRET_TOKEN, bearer, rawGet, seedAndAggregate, startTestServer, type TestServer } from '../testing';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  await seedAndAggregate(s.db);
});
afterAll(async () => s?.stop());

const url = (path: string) => `${s.url}/api/v1/communities/${path}`;

async function errorOf(res: Response) {
  return ErrorBodySchema.parse(await res.json()).error;
}

describe('GET …/series/{category}', () => {
  it('when a record bundle is asked without basis, then the added basis is served, valid by the shared schema', async () => {
    const res = await fetch(url('open/series/record-delta?year=2024'));
    expect(res.status).toBe(200);
    const bundle = SeriesBundleSchema.parse(await res.json());
    expect(bundle).toMatchObject({ community: 'open', category: 'record-delta', basis: 'added', year: 2024 });
    expect(bundle.dates).toContain('2024-01-10');
    expect(bundle.dataAsOf).toBe('2024-03-10');
    const added = bundle.totals.records ?? [];
    expect(added.reduce((a, b) => a + b, 0)).toBe(2);
    expect(res.headers.get('etag')).toMatch(/^".+"$/);
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/);
  });

  it('when a usage bundle is asked, then it has no basis and counts the community\'s views', async () => {
    const bundle = SeriesBundleSchema.parse(await (await fetch(url('open/series/usage-delta?year=2024'))).json());
    expect(bundle.basis).toBeNull();
    expect((bundle.totals.views ?? []).reduce((a, b) => a + b, 0)).toBe(7);
  });

  it('when If-None-Match carries the ETag, then the answer is 304 without a body', async () => {
    const first = await rawGet(url('open/series/record-snapshot?year=2024&basis=created'));
    const etag = String(first.headers.etag);
    const again = await rawGet(url('open/series/record-snapshot?year=2024&basis=created'), { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('when Accept-Encoding offers br or gzip, then that encoding is sent and decodes to the identity body', async () => {
    const path = url('open/series/usage-snapshot?year=2024');
    const plain = await rawGet(path);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await rawGet(path, { 'Accept-Encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const gz = await rawGet(path, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length);
  });

  it('when a past year is asked, then it may be cached long; the current year only briefly', async () => {
    const res = await fetch(url('open/series/usage-delta?year=2024'));
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400, must-revalidate');
  });

  it.each([
    ['open/series/record-delta', 'year'],
    ['open/series/record-delta?year=twenty', 'year'],
    ['open/series/record-delta?year=2024&basis=sometime', 'basis'],
    ['open/series/usage-delta?year=2024&basis=added', 'basis'],
    ['open/series/everything?year=2024', 'category'],
    ['open/series/record-delta.pdf?year=2024', 'format'],
  ])('when %s is asked, then 400 names the parameter %s', async (path, param) => {
    const res = await fetch(url(path));
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.path).toBe(param);
    expect(error.message).toContain(param);
  });

  it('when the community or the year is unknown, then 404 says which', async () => {
    const community = await fetch(url('nobody/series/record-delta?year=2024'));
    expect(community.status).toBe(404);
    expect((await errorOf(community)).code).toBe('unknown_community');
    const year = await fetch(url('open/series/record-delta?year=1999'));
    expect(year.status).toBe(404);
    expect((await errorOf(year)).path).toBe('year');
  });

  it('when a community is found by its slug, then its bundle is served', async () => {
    const res = await fetch(url('open-science/series/record-delta?year=2024'));
    expect(SeriesBundleSchema.parse(await res.json()).community).toBe('open');
  });
});

describe('restricted and disabled communities', () => {
  it('when a restricted community is asked without a token or with a wrong one, then 404 as if unknown; with its token 200', async () => {
    const path = url('secret/series/usage-delta?year=2024');
    expect((await fetch(path)).status).toBe(404);
    expect((await fetch(path, { headers: bearer('wrong-token') })).status).toBe(404);
    const ok = await fetch(path, { headers: bearer(SECRET_TOKEN) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toMatch(/^private/);
    expect((await fetch(path, { headers: bearer(ADMIN) })).status).toBe(200);
  });

  it('when a disabled community is asked, then 403 dashboard_disabled', async () => {
    const res = await fetch(url('off/series/record-delta?year=2024'));
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('dashboard_disabled');
  });
});

describe('exports', () => {
  it('when .csv is asked, then long rows with full ISO dates come as an attachment', async () => {
    const res = await fetch(url('open/series/record-delta.csv?year=2024'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="repostats-open-record-delta-added-2024.csv"');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('date,series,item_id,label,value');
    expect(lines).toContain('2024-01-10,records,,,1');
    expect(lines.some((l) => /^2024-01-10,resource_types\.records,dataset,Dataset,1$/.test(l))).toBe(true);
  });

  it('when .xlsx is asked, then a workbook with the same rows comes back', async () => {
    const res = await fetch(url('open/series/record-delta.xlsx?year=2024'));
    expect(res.headers.get('content-disposition')).toMatch(/\.xlsx"$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'date', 'series', 'item_id', 'label', 'value']);
    const csv = (await (await fetch(url('open/series/record-delta.csv?year=2024'))).text()).trim().split('\r\n');
    expect(ws.rowCount).toBe(csv.length);
  });

  it('when .json is asked, then the bundle comes as an attachment', async () => {
    const res = await fetch(url('open/series/usage-delta.json?year=2024'));
    expect(res.headers.get('content-disposition')).toMatch(/usage-delta-2024\.json"$/);
    expect(SeriesBundleSchema.parse(await res.json()).category).toBe('usage-delta');
  });
});
