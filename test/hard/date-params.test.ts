/**
 * Every date (and year) parameter of every endpoint, given extreme, impossible or loosely written
 * values, answers 400 with the JSON error naming the parameter (or, for the COUNTER_SUSHI API, its
 * 3020 Exception) — never a 500 — and the server keeps answering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../src/api/schemas';
import { ADMIN, seedAndAggregate, startTestServer, type TestServer } from '../../server/http/testing';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
  await seedAndAggregate(s.db);
}, 60_000);
afterAll(() => s?.stop());

const BAD_DAYS = ['0000-01-01', '9999-12-31', '1989-12-31', '2026-02-30', '2024-13-01', 'garbage', '20240101', '2024-1-1', ''];
const BAD_DATE_TIMES = [...BAD_DAYS, '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-02-30T00:00:00Z'];
const BAD_MONTHS = ['0000-01', '9999-12', '1989-12', '2026-02-30', '2024-13', 'garbage'];
const BAD_YEARS = ['0000', '9999', '0x7e9', '2e3', ' 2024', '2024.0', '+2024', 'garbage'];

/** [endpoint, parameter, the other parameters it needs, bad values]. */
const GETS: [string, string, string, string[]][] = [
  ['/api/v1/communities/global/aggregations/usage-delta', 'start', 'end=2024-12-31', BAD_DAYS],
  ['/api/v1/communities/global/aggregations/usage-delta', 'end', 'start=2024-01-01', BAD_DAYS],
  ['/api/v1/communities/open-science/aggregations/records-snapshot-published', 'start', '', BAD_DAYS],
  ['/api/v1/communities/global/top-records', 'start', 'end=2024-12-31', BAD_DAYS],
  ['/api/v1/communities/global/top-records', 'end', 'start=2024-01-01', BAD_DAYS],
  ['/api/v1/communities/global/series/usage-delta', 'year', '', BAD_YEARS],
  ['/api/v1/communities/global/series/record-snapshot', 'year', 'basis=published', BAD_YEARS],
  ['/api/v1/communities/global/series/usage-delta.csv', 'year', '', BAD_YEARS],
  ['/api/v1/communities/global/counter/pr.tsv', 'begin_date', 'end_date=2024-03', BAD_MONTHS],
  ['/api/v1/communities/global/counter/pr.json', 'end_date', 'begin_date=2024-01', BAD_MONTHS],
];

describe('date parameters of GET endpoints', () => {
  for (const [path, param, rest, values] of GETS) {
    it(`when ${path} gets a bad ${param}, then 400 names ${param}`, async () => {
      for (const value of values) {
        const url = `${s.url}${path}?${rest}&${param}=${encodeURIComponent(value)}`;
        const res = await fetch(url, { headers: { Authorization: `Bearer ${ADMIN}` } });
        expect(res.status, `${param}=${value}`).toBe(400);
        const body = ErrorBodySchema.parse(await res.json());
        expect(body.error.path, `${param}=${value}`).toBe(param);
      }
    });
  }

  it('when top-records gets limit=1e3 or 0x10, then 400 names limit', async () => {
    for (const limit of ['1e3', '0x10', '10.0', ' 5', '-1', '0', '1001']) {
      const res = await fetch(`${s.url}/api/v1/communities/global/top-records?start=2024-01-01&end=2024-12-31&limit=${encodeURIComponent(limit)}`);
      expect(res.status, `limit=${limit}`).toBe(400);
      expect(ErrorBodySchema.parse(await res.json()).error.path).toBe('limit');
    }
  });

  it('when the COUNTER_SUSHI API gets an extreme begin_date or end_date, then it answers the 3020 Exception with 400', async () => {
    for (const [name, other] of [['begin_date', 'end_date=2024-03'], ['end_date', 'begin_date=2024-01']] as const) {
      for (const value of BAD_MONTHS) {
        const url = `${s.url}/api/v1/sushi/r51/reports/pr?customer_id=global&api_key=${ADMIN}&${other}&${name}=${encodeURIComponent(value)}`;
        const res = await fetch(url);
        expect(res.status, `${name}=${value}`).toBe(400);
        expect(await res.json(), `${name}=${value}`).toMatchObject({ Code: 3020 });
      }
    }
  });

  it('when /api/stats gets an extreme start_date or end_date, then 400 names it', async () => {
    for (const name of ['start_date', 'end_date']) {
      for (const value of BAD_DATE_TIMES) {
        const res = await fetch(`${s.url}/api/stats`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ q: { stat: 'global-stats', params: { [name]: value } } }),
        });
        expect(res.status, `${name}=${value}`).toBe(400);
        expect(ErrorBodySchema.parse(await res.json()).error.path).toBe(`body.q.params.${name}`);
      }
    }
  });

  it('after all of these, the server still answers good requests', async () => {
    const res = await fetch(`${s.url}/api/v1/communities/global/top-records?start=2024-01-01&end=2024-12-31`);
    expect(res.status).toBe(200);
  });
});
