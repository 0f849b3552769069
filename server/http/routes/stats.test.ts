import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, TopRecordsResponseSchema } from '../../../src/api/schemas';
import { DOC_SCHEMAS } from '../../domain/docs/schema';
import { gunzipSync } from 'node:zlib';
import { ADMIN, SECRET_TOKEN, bearer, rawGet, seedAndAggregate, startTestServer, type TestServer } from '../testing';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  await seedAndAggregate(s.db);
});
afterAll(async () => s?.stop());

/** Top-level keys of the reference's documents (reference/fixtures/sample_*_docs__*.json). */
const REFERENCE_KEYS = {
  recordDelta: ['community_id', 'files', 'parents', 'period_end', 'period_start', 'records', 'subcounts', 'timestamp', 'uploaders'],
  recordSnapshot: ['community_id', 'snapshot_date', 'subcounts', 'timestamp', 'total_files', 'total_parents', 'total_records', 'total_uploaders'],
  usageDelta: ['community_id', 'period_end', 'period_start', 'subcounts', 'timestamp', 'totals'],
  usageSnapshot: ['community_id', 'snapshot_date', 'subcounts', 'timestamp', 'totals'],
};

const stats = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${s.url}/api/stats`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

function expectShape(docs: unknown, keys: string[]) {
  expect(Array.isArray(docs)).toBe(true);
  const list = docs as Record<string, unknown>[];
  expect(list.length).toBeGreaterThan(0);
  for (const doc of list) expect(Object.keys(doc)).toEqual(expect.arrayContaining(keys));
}

describe('POST /api/stats (the reference\'s query body)', () => {
  it('when single queries are named, then each answers under its name with reference-shaped documents', async () => {
    const params = { community_id: 'open', start_date: '2024-03-01', end_date: '2024-03-07' };
    const res = await stats({
      delta: { stat: 'community-record-delta-added', params },
      snapshot: { stat: 'community-record-snapshot-published', params },
      views: { stat: 'community-usage-delta', params },
      cumulative: { stat: 'community-usage-snapshot', params },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, Record<string, unknown>[]>;
    expect(Object.keys(body).sort()).toEqual(['cumulative', 'delta', 'snapshot', 'views']);
    expectShape(body.delta, REFERENCE_KEYS.recordDelta);
    expectShape(body.snapshot, REFERENCE_KEYS.recordSnapshot);
    expectShape(body.views, REFERENCE_KEYS.usageDelta);
    expectShape(body.cumulative, REFERENCE_KEYS.usageSnapshot);
    for (const d of body.views!) DOC_SCHEMAS['usage-delta'].parse(d);
    expect(body.views!.map((d) => d.period_start)).toEqual([...body.views!.map((d) => d.period_start)].sort());
    const march5 = body.views!.find((d) => String(d.period_start).startsWith('2024-03-05')) as {
      totals: { view: { total_events: number } };
    };
    expect(march5.totals.view.total_events).toBe(7);
  });

  it('when global-stats is asked, then every kind comes back in one object', async () => {
    const res = await stats({ all: { stat: 'global-stats', params: { start_date: '2024-03-01', end_date: '2024-03-07' } } });
    const body = (await res.json()) as { all: Record<string, unknown[]> };
    expect(Object.keys(body.all).sort()).toEqual([
      'record_deltas_added',
      'record_deltas_created',
      'record_deltas_published',
      'record_snapshots_added',
      'record_snapshots_created',
      'record_snapshots_published',
      'usage_deltas',
      'usage_snapshots',
    ]);
    expectShape(body.all.usage_snapshots, REFERENCE_KEYS.usageSnapshot);
    expectShape(body.all.record_snapshots_created, REFERENCE_KEYS.recordSnapshot);
  });

  it('when community-stats names a date_basis, then only that basis\'s record lists come back', async () => {
    const res = await stats({
      c: { stat: 'community-stats', params: { community_id: 'open', start_date: '2024-03-01', end_date: '2024-03-02', date_basis: 'created' } },
    });
    const body = (await res.json()) as { c: Record<string, unknown[]> };
    expect(Object.keys(body.c).sort()).toEqual(['record_deltas_created', 'record_snapshots_created', 'usage_deltas', 'usage_snapshots']);
  });

  it.each([
    [{ q: { stat: 'community-everything', params: { community_id: 'open' } } }, 400, 'q.stat'],
    [{ q: { stat: 'community-usage-delta', params: {} } }, 400, 'q.params.community_id'],
    [{ q: { stat: 'community-usage-delta', params: { community_id: 'open', start_date: '2024-02-30' } } }, 400, 'body.q.params.start_date'],
    [{ q: { stat: 'community-usage-delta', params: { community_id: 'open', start_date: '2024-02-30T00:00:00.000Z' } } }, 400, 'body.q.params.start_date'],
    [{ q: { stat: 'community-usage-delta', params: { community_id: 'open', end_date: '2024-03-01T25:00:00Z' } } }, 400, 'body.q.params.end_date'],
    [{ q: { stat: 'community-usage-delta', params: { community_id: 'open', end_date: 'March 1st' } } }, 400, 'body.q.params.end_date'],
    [{ q: { stat: 'community-usage-delta', params: { community_id: 'nobody' } } }, 404, 'community'],
    [{ q: { stat: 'community-usage-delta', params: { community_id: 'secret' } } }, 404, 'community'],
  ])('when the body is %j, then %i (path %s)', async (body, status, path) => {
    const res = await stats(body);
    expect(res.status).toBe(status);
    expect(ErrorBodySchema.parse(await res.json()).error.path).toBe(path);
  });

  it('when the dates are ISO date-times (the older reference frontend), then they are read as their UTC days', async () => {
    const asDays = await stats({ q: { stat: 'community-usage-delta', params: { community_id: 'open', start_date: '2024-03-05', end_date: '2024-03-06' } } });
    const asInstants = await stats({
      q: { stat: 'community-usage-delta', params: { community_id: 'open', start_date: '2024-03-05T00:00:00.000Z', end_date: '2024-03-06T23:30:00-01:00' } },
    });
    expect(asInstants.status).toBe(200);
    const body = (await asInstants.json()) as { q: { period_start: string }[] };
    // 23:30 at UTC-1 on the 6th is the 7th in UTC.
    expect(body.q.map((d) => d.period_start)).toEqual(['2024-03-05', '2024-03-06', '2024-03-07']);
    expect(body.q.slice(0, 2)).toEqual(((await asDays.json()) as { q: unknown[] }).q);
  });

  it('when a restricted community is asked with its token, then it answers', async () => {
    const res = await stats({ q: { stat: 'community-usage-delta', params: { community_id: 'secret', start_date: '2024-03-06', end_date: '2024-03-06' } } }, bearer(SECRET_TOKEN));
    expect(res.status).toBe(200);
  });

  it('when the body is not JSON, then 415', async () => {
    const res = await fetch(`${s.url}/api/stats`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' });
    expect(res.status).toBe(415);
  });
});

describe('GET …/aggregations/{kind}', () => {
  it('when a range is given, then one document per day, sorted, in the reference shape', async () => {
    const res = await fetch(`${s.url}/api/v1/communities/open/aggregations/usage-delta?start=2024-03-05&end=2024-03-07`);
    const docs = (await res.json()) as { period_start: string }[];
    expect(docs.map((d) => d.period_start.slice(0, 10))).toEqual(['2024-03-05', '2024-03-06', '2024-03-07']);
    expectShape(docs, REFERENCE_KEYS.usageDelta);
  });

  it('when asked with gzip and then with the ETag, then the documents come compressed, then as 304', async () => {
    const path = `${s.url}/api/v1/communities/open/aggregations/records-snapshot-added?start=2024-01-10&end=2024-03-10`;
    const plain = await rawGet(path);
    const gz = await rawGet(path, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    const again = await rawGet(path, { 'If-None-Match': String(plain.headers.etag) });
    expect(again.status).toBe(304);
  });

  it.each([
    ['usage-yearly?start=2024-01-01', 'kind'],
    ['usage-delta?start=2024-13-01', 'start'],
    ['usage-delta?start=2024-03-05&end=2024-03-01', 'start'],
  ])('when %s is asked, then 400 names %s', async (path, param) => {
    const res = await fetch(`${s.url}/api/v1/communities/open/aggregations/${path}`);
    expect(res.status).toBe(400);
    expect(ErrorBodySchema.parse(await res.json()).error.path).toBe(param);
  });
});

describe('GET …/top-records', () => {
  const top = async (community: string, query: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${s.url}/api/v1/communities/${community}/top-records?${query}`, { headers });
    return { res, body: res.status === 200 ? TopRecordsResponseSchema.parse(await res.json()) : null };
  };

  it('when a community is asked, then its records rank by views with titles, only its own', async () => {
    const { body } = await top('open', 'metric=views&start=2024-03-01&end=2024-03-31');
    expect(body?.records).toEqual([
      { id: 'r1', title: 'Most viewed open record', value: 5, uniqueVisitors: 5 },
      { id: 'r2', title: 'Second open record', value: 2, uniqueVisitors: 2 },
    ]);
  });

  it('when global is asked without the admin token, then no restricted community\'s record is named', async () => {
    const { body } = await top('global', 'metric=views&start=2024-03-01&end=2024-03-31&limit=10');
    expect(body?.records.map((r) => r.id)).toEqual(['r1', 'r2', 'r4']);
    const admin = await top('global', 'metric=views&start=2024-03-01&end=2024-03-31', bearer(ADMIN));
    expect(admin.body?.records[0]?.id).toBe('r3');
  });

  it('when downloads and a limit are asked, then the limit holds', async () => {
    const { body } = await top('open', 'metric=downloads&start=2024-03-01&end=2024-03-31&limit=1');
    expect(body?.records).toEqual([{ id: 'r1', title: 'Most viewed open record', value: 2, uniqueVisitors: 2 }]);
  });

  it.each([
    ['metric=likes', 'metric'],
    ['limit=0', 'limit'],
    ['start=yesterday', 'start'],
  ])('when %s is asked, then 400 names %s', async (query, param) => {
    const { res } = await top('open', query);
    expect(res.status).toBe(400);
    expect(ErrorBodySchema.parse(await res.json()).error.path).toBe(param);
  });
});
