/**
 * POST /api/stats-dashboard against a real loopback server on the tiny generated demo: the
 * reference frontend's category requests (record and usage, delta and snapshot, global and a
 * community, each date basis) answer 200 with data-series sets whose shape matches the reference's
 * fixtures key by key (`server/domain/dataSeries/fixtures/reference-series`, copied from
 * reference/fixtures/*data_series*.json, MIT), and every format the reference serves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UsageDeltaDoc } from '../../domain/docs/schema';
import { runAggregation } from '../../domain/aggregate/run';
import { getDailyDocs } from '../../domain/docs/get';
import { loadDemo } from '../../demo/load';
import { ADMIN, startTestServer, type TestServer } from '../testing';
import { XLSX_TYPE } from './statsDashboard';

const FIXTURES = join(import.meta.dirname, '..', '..', 'domain', 'dataSeries', 'fixtures', 'reference-series');
const FIXTURE_OF: Record<string, string> = {
  'record-delta-category': 'sample_record_delta_data_series__MOCK_RECORD_DELTA_DATA_SERIES_SET.json',
  'record-snapshot-category': 'sample_record_snapshot_data_series__MOCK_RECORD_SNAPSHOT_DATA_SERIES.json',
  'usage-delta-category': 'sample_usage_delta_data_series__MOCK_USAGE_DELTA_DATA_SERIES.json',
  'usage-snapshot-category': 'sample_usage_snapshot_data_series__MOCK_USAGE_SNAPSHOT_DATA_SERIES.json',
};
const fixture = (category: string) => JSON.parse(readFileSync(join(FIXTURES, FIXTURE_OF[category]!), 'utf8')) as unknown;
const WINDOW = { start_date: '2025-01-01', end_date: '2025-06-30' };

let s: TestServer;
let community: string;
beforeAll(async () => {
  s = await startTestServer();
  await loadDemo(s.db, { size: 'tiny', seed: 17, endDate: WINDOW.end_date });
  await runAggregation(s.db);
  const [row] = await s.db.query<{ id: string }>(
    `SELECT community_id AS id FROM memberships WHERE community_id <> 'global' GROUP BY community_id ORDER BY COUNT(*) DESC, community_id LIMIT 1`,
  );
  community = row!.id;
}, 120_000);
afterAll(async () => s?.stop());

const post = (body: unknown, accept?: string) =>
  fetch(`${s.url}/api/stats-dashboard`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(accept ? { Accept: accept } : {}) },
    body: JSON.stringify(body),
  });
/** The request the reference frontend sends for one category. */
const request = (category: string, communityId: string, basis: string, window: { start_date: string; end_date: string } = WINDOW) => ({
  [category]: { stat: category, params: { community_id: communityId, date_basis: basis, ...window } },
});

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Paths where `ours` lacks a key of `ref` or has another JSON type; each of our array elements is
 * compared with the reference's first. A series `name` is a label (a string, or `{lang: label}` for
 * vocabulary fields, as in the documents), so either is accepted. `uncovered` gets the arrays the
 * reference fills and we left empty.
 */
function shapeDiff(ref: unknown, ours: unknown, path: string, out: { issues: string[]; uncovered: string[] }): void {
  if (path.endsWith('.name') && ['string', 'object'].includes(typeOf(ours))) return;
  if (typeOf(ref) !== typeOf(ours)) {
    out.issues.push(`${path}: reference ${typeOf(ref)}, ours ${typeOf(ours)}`);
    return;
  }
  if (Array.isArray(ref) && Array.isArray(ours) && new Set(ref.map(typeOf)).size > 1) {
    // A tuple (a data point `[date, value]`): position by position.
    ref.forEach((r, i) => shapeDiff(r, ours[i], `${path}[${i}]`, out));
  } else if (Array.isArray(ref) && Array.isArray(ours)) {
    if (ref.length > 0 && ours.length === 0) out.uncovered.push(path);
    if (ref.length > 0) ours.forEach((o, i) => shapeDiff(ref[0], o, `${path}[${i}]`, out));
  } else if (ref && typeof ref === 'object') {
    for (const [k, v] of Object.entries(ref)) shapeDiff(v, (ours as Record<string, unknown>)[k], `${path}.${k}`, out);
  }
}

describe('POST /api/stats-dashboard (the reference frontend)', () => {
  const cases = Object.keys(FIXTURE_OF).flatMap((category) =>
    ['global', 'community'].flatMap((who) => ['added', 'created', 'published'].map((basis) => [category, who, basis] as const)));

  it.each(cases)('when %s is asked for %s by the %s basis, then it answers 200 with the fixture\'s shape, key by key', async (category, who, basis) => {
    const res = await post(request(category, who === 'global' ? 'global' : community, basis), 'application/json');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([category]);
    const out = { issues: [] as string[], uncovered: [] as string[] };
    shapeDiff(fixture(category), body[category], category, out);
    expect(out.issues).toEqual([]);
    // The global set of a year of demo data fills every list the reference's fixture fills.
    if (who === 'global') expect(out.uncovered).toEqual([]);
  });

  it('when usage deltas are asked, then the global series are the daily documents\' figures, one point per day, in MM-DD under their year', async () => {
    const res = await post(request('usage-delta-category', community, 'added'));
    const set = ((await res.json()) as Record<string, Record<string, Record<string, { id: string; year: number; data: [string, number][] }[]>>>)['usage-delta-category']!;
    const docs = (await getDailyDocs(s.db, { kind: 'usage-delta', community, start: WINDOW.start_date, end: WINDOW.end_date })) as UsageDeltaDoc[];
    const [views] = set['global']!['views']!;
    expect(views!.year).toBe(2025);
    expect(views!.data).toEqual(docs.map((d) => [d.period_start.slice(5, 10), d.totals.view.total_events]));
    expect(views!.data.some(([, v]) => v > 0)).toBe(true);
  });

  it('when the frontend asks for gzip or brotli JSON, then the same JSON comes with that Content-Encoding', async () => {
    const body = { ...request('record-snapshot-category', 'global', 'created'), ...request('usage-delta-category', community, 'created') };
    const plain = await (await post(body)).json();
    for (const [accept, encoding] of [['application/json+gzip', 'gzip'], ['application/json+br', 'br']]) {
      const res = await post(body, accept);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual(plain);
    }
  });

  it('when CSV, XML or XLSX is asked, then every point of every series is in the file, with full dates', async () => {
    const june = { start_date: '2025-06-01', end_date: '2025-06-30' };
    const body = { ...request('record-delta-category', community, 'published', june), ...request('usage-delta-category', community, 'published', june) };
    const json = (await (await post(body)).json()) as Record<string, Record<string, Record<string, { data: unknown[] }[]>>>;
    const points = (q: string) => Object.values(json[q]!).flatMap((m) => Object.values(m)).flat().reduce((n, series) => n + series.data.length, 0);
    const total = points('record-delta-category') + points('usage-delta-category');

    const csv = await post(body, 'text/csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename=".*\.csv"/);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe('query,subcount,metric,id,label,date,value');
    expect(lines.length - 1).toBe(total);
    expect(lines.slice(1).every((l) => /,2025-\d\d-\d\d,-?[\d.]+$/.test(l))).toBe(true);

    const xml = await (await post(body, 'application/xml')).text();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('<query name="usage-delta-category">');
    expect(xml.match(/<point date="2025-\d\d-\d\d" value="-?[\d.]+"\/>/g)?.length).toBe(total);

    const xlsx = await post(body, XLSX_TYPE);
    expect(xlsx.headers.get('content-type')).toBe(XLSX_TYPE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets.map((w) => [w.name, w.rowCount - 1])).toEqual([
      ['record-delta-category', points('record-delta-category')],
      ['usage-delta-category', points('usage-delta-category')],
    ]);
  });

  it('when a restricted community is asked, then without its token it answers 404 like an unknown one, as its other endpoints do', async () => {
    await s.db.exec('UPDATE communities SET restricted = true WHERE community_id = $1', [community]);
    s.app.ctx.communitiesChanged();
    try {
      const body = JSON.stringify(request('usage-delta-category', community, 'added'));
      const ask = (headers: Record<string, string>) => fetch(`${s.url}/api/stats-dashboard`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
      expect((await ask({})).status).toBe(404);
      expect((await ask({ Authorization: `Bearer ${ADMIN}` })).status).toBe(200);
    } finally {
      await s.db.exec('UPDATE communities SET restricted = false WHERE community_id = $1', [community]);
      s.app.ctx.communitiesChanged();
    }
  });

  it('when the OpenAPI description is read, then it lists the endpoint and its formats', async () => {
    const api = (await (await fetch(`${s.url}/api/openapi.json`)).json()) as { paths: Record<string, { post: { responses: Record<string, { content?: object }> } }> };
    expect(Object.keys(api.paths['/api/stats-dashboard']!.post.responses['200']!.content!)).toEqual(expect.arrayContaining(['application/json+gzip', 'text/csv', XLSX_TYPE]));
  });

  it('when the query, the community or the Accept header is wrong, then a JSON error names what is wrong', async () => {
    const unknown = await post({ q: { stat: 'record-delta-series', params: { community_id: 'global' } } });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { path: string } }).error.path).toBe('q.stat');
    const missing = await post({ q: { stat: 'usage-delta-category', params: {} } });
    expect(((await missing.json()) as { error: { path: string } }).error.path).toBe('q.params.community_id');
    expect((await post(request('usage-delta-category', 'no-such-community', 'added'))).status).toBe(404);
    const html = await post(request('usage-delta-category', 'global', 'added'), 'text/html');
    expect(html.status).toBe(406);
    expect(((await html.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'not_acceptable', message: expect.stringContaining('text/csv') });
  });
});
