/**
 * Bad requests to the real server (real DuckDB, real HTTP on a loopback port): malformed path
 * segments, query parameters and bodies always get a 4xx JSON answer that names the problem —
 * never a 500, never a crash — and the server keeps answering.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../src/api/schemas';
import { ADMIN, bearer, seedAndAggregate, startTestServer, type TestServer } from '../../server/http/testing';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer({ ingestRatePerMinute: 100_000 });
  await seedAndAggregate(s.db);
}, 60_000);
afterAll(() => s?.stop());

const enc = encodeURIComponent;
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2024', '2024-03-05', '0', '-1', '99999', 'added', 'views', '%', '../', ' '));
const community = fc.oneof(fc.constantFrom('global', 'open', 'open-science', 'secret', 'off', 'nope'), fc.string({ minLength: 1, maxLength: 10 }));
const query = (names: string[]) =>
  fc.array(fc.tuple(fc.constantFrom(...names, 'extra'), text), { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&'));

const getPath = fc.oneof(
  fc.tuple(community, fc.oneof(fc.constantFrom('record-delta', 'usage-snapshot', 'usage-delta.csv', 'record-snapshot.xlsx', 'usage-delta.json'), fc.string({ maxLength: 16 })), query(['year', 'basis']))
    .map(([c, name, q]) => `/api/v1/communities/${enc(c)}/series/${enc(name)}?${q}`),
  fc.tuple(community, fc.oneof(fc.constantFrom('usage-delta', 'records-snapshot-created'), fc.string({ maxLength: 16 })), query(['start', 'end']))
    .map(([c, kind, q]) => `/api/v1/communities/${enc(c)}/aggregations/${enc(kind)}?${q}`),
  fc.tuple(community, query(['metric', 'start', 'end', 'limit'])).map(([c, q]) => `/api/v1/communities/${enc(c)}/top-records?${q}`),
  community.map((c) => `/api/v1/communities/${enc(c)}/layout`),
);

/** A 4xx answer must be the JSON error body with a message, or (ingest) the import summary listing the bad lines. */
async function expectClientError(res: Response, what: string): Promise<void> {
  expect(res.status, what).toBeLessThan(500);
  if (res.status < 400) return;
  const body: unknown = await res.json();
  if (res.status === 422 && body && typeof body === 'object' && 'errors' in body) {
    expect((body as { errors: unknown[] }).errors.length, what).toBeGreaterThan(0);
    return;
  }
  const parsed = ErrorBodySchema.safeParse(body);
  expect(parsed.success, `${what}: ${JSON.stringify(body)}`).toBe(true);
  expect(parsed.data!.error.message, what).toMatch(/\S/);
}

describe('the HTTP API with malformed requests', () => {
  it('when GET paths and query parameters are malformed, then the answer is a 4xx JSON error naming the problem, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(getPath, fc.boolean(), async (path, admin) => {
        const res = await fetch(`${s.url}${path}`, { headers: admin ? bearer(ADMIN) : {} });
        await expectClientError(res, path);
        if (res.status < 400) await res.arrayBuffer();
      }),
      { numRuns: 150, seed: 5 },
    );
  }, 60_000);

  it('when the year is not a year, then 400 names `year`', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 8 }).filter((y) => !/^\s*\d+\s*$/.test(y)), async (year) => {
        const res = await fetch(`${s.url}/api/v1/communities/open/series/usage-delta?year=${enc(year)}`);
        expect(res.status).toBe(400);
        const body = ErrorBodySchema.parse(await res.json());
        expect(`${body.error.path} ${body.error.message}`).toContain('year');
      }),
      { numRuns: 40, seed: 6 },
    );
  }, 60_000);

  const bodies = fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), fc.string({ maxLength: 40 }));
  const targets = [
    { method: 'POST', path: '/api/stats', admin: false },
    { method: 'PUT', path: '/api/v1/communities/open/layout', admin: true },
    { method: 'POST', path: '/api/v1/ingest/events', admin: true },
    { method: 'POST', path: '/api/v1/ingest/records', admin: true },
    { method: 'POST', path: '/api/v1/ingest/memberships', admin: true },
  ];
  it('when bodies are malformed JSON or the wrong shape, then the answer is 4xx naming the problem, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), bodies, fc.constantFrom('application/json', 'application/x-ndjson', 'text/plain'), async (t, body, type) => {
        const res = await fetch(`${s.url}${t.path}`, { method: t.method, body, headers: { 'Content-Type': type, ...(t.admin ? bearer(ADMIN) : {}) } });
        await expectClientError(res, `${t.method} ${t.path} (${type}) ${body}`);
        if (res.status < 400) await res.arrayBuffer();
      }),
      { numRuns: 150, seed: 8 },
    );
    const health = await fetch(`${s.url}/healthz`);
    expect(health.status).toBe(200);
    // The good data is still served after all that.
    const bundle = await fetch(`${s.url}/api/v1/communities/open/series/usage-delta?year=2024`);
    expect(bundle.status).toBe(200);
  }, 60_000);
});
