import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync } from 'node:zlib';
import { QueryResponseSchema, type QueryRequestInput } from '../../../src/api/query';
import { ErrorBodySchema } from '../../../src/api/schemas';
import { SECRET_TOKEN, bearer, rawGet, seedAndAggregate, startTestServer, type TestServer } from '../testing';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  await seedAndAggregate(s.db);
});
afterAll(async () => s?.stop());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${s.url}/api/v1/query`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const get = (query: unknown, headers: Record<string, string> = {}) =>
  fetch(`${s.url}/api/v1/query?q=${encodeURIComponent(JSON.stringify(query))}`, { headers });

// Seed (server/http/testing.ts): community "open" (slug open-science) holds r1 (dataset, 2024-01-10)
// and r2 (article, 2024-02-01); on 2024-03-05 r1 has 5 views and 2 downloads, r2 2 views and 1 download.
const VIEWS_BY_TYPE: QueryRequestInput = {
  community: 'open-science',
  metrics: ['views', 'downloads', 'records'],
  date_range: ['2024-01-01', '2024-03-31'],
  dimensions: ['field:resource_types'],
  include: { totals: true },
};

describe('POST and GET /api/v1/query', () => {
  it('when the same query comes by POST and GET, then both answer the same figures with the same ETag', async () => {
    const [a, b] = await Promise.all([post(VIEWS_BY_TYPE), get(VIEWS_BY_TYPE)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
    const body = QueryResponseSchema.parse(await a.json());
    expect(await b.json()).toEqual(body);
    expect(body.results).toEqual([
      { dimensions: ['dataset'], metrics: [5, 2, 1] },
      { dimensions: ['article'], metrics: [2, 1, 1] },
    ]);
    expect(body.totals).toEqual({ metrics: [7, 3, 2] });
    // The range is cut at the last aggregated day, and the slug is normalised to the id.
    expect(body.meta.data_as_of).toBe('2024-03-10');
    expect(body.query).toMatchObject({ community: 'open', date_range: ['2024-01-01', '2024-03-10'], mode: 'delta', basis: 'added' });
  });

  it('when the client sends its ETag back, then the answer is 304; brotli when asked', async () => {
    const first = await rawGet(`${s.url}/api/v1/query?q=${encodeURIComponent(JSON.stringify(VIEWS_BY_TYPE))}`, { 'Accept-Encoding': 'br' });
    expect(first.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(first.body).toString()).results).toHaveLength(2);
    const again = await get(VIEWS_BY_TYPE, { 'If-None-Match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(first.headers['cache-control']).toContain('public');
  });

  const BAD: [string, unknown, string][] = [
    ['an unknown metric', { metrics: ['views', 'likes'] }, 'metrics.1'],
    ['an unknown field', { metrics: ['views'], filters: [['is', 'field:colours', ['red']]] }, 'filters.0.1'],
    ['an unknown dimension', { metrics: ['views'], dimensions: ['time:fortnight'] }, 'dimensions.0'],
    ['a range that is not a range', { metrics: ['views'], date_range: ['2024-03-01', '2024-01-01'] }, 'date_range'],
    ['a range with no date', { metrics: ['views'], date_range: ['2024-02-30', '2024-03-01'] }, 'date_range.0'],
    ['a range after the data', { metrics: ['views'], date_range: ['2030-01-01', '2030-02-01'] }, 'date_range'],
    ['too many periods', { metrics: ['views'], date_range: ['2000-01-01', '2024-03-01'], dimensions: ['time:day'] }, 'date_range'],
    ['a record mode on a usage metric', { metrics: ['views'], mode: 'removed' }, 'mode'],
    ['a usage field under a record metric', { metrics: ['records'], dimensions: ['field:countries'] }, 'dimensions.0'],
    ['an order by something not asked', { metrics: ['views'], order_by: [['downloads', 'desc']] }, 'order_by.0.0'],
    ['an unknown key', { metrics: ['views'], colour: 'red' }, ''],
  ];
  for (const [what, query, path] of BAD) {
    it(`when the query has ${what}, then POST and GET answer 400 naming ${path || 'the key'}`, async () => {
      for (const res of [await post(query), await get(query)]) {
        expect(res.status).toBe(400);
        const body = ErrorBodySchema.parse(await res.json());
        expect(body.error.code).toBe('invalid_parameter');
        if (path) expect(body.error.path).toBe(path);
        else expect(body.error.message).toContain('colour');
      }
    });
  }

  it('when q is missing or not JSON, then 400 naming q', async () => {
    for (const url of [`${s.url}/api/v1/query`, `${s.url}/api/v1/query?q=%7Bnope`]) {
      const res = await fetch(url);
      expect(res.status).toBe(400);
      expect(ErrorBodySchema.parse(await res.json()).error.path).toBe('q');
    }
  });

  it('when a community is restricted or disabled, then the query answers as the aggregations endpoint does', async () => {
    const cases: [string, Record<string, string>][] = [
      ['secret', {}],
      ['secret', bearer('wrong-token')],
      ['secret', bearer(SECRET_TOKEN)],
      ['off', {}],
      ['nowhere', {}],
    ];
    for (const [community, headers] of cases) {
      const docs = await fetch(`${s.url}/api/v1/communities/${community}/aggregations/usage-delta?start=2024-03-01&end=2024-03-07`, { headers });
      const query = await post({ community, metrics: ['views'], date_range: ['2024-03-01', '2024-03-07'] }, headers);
      expect(query.status, `${community} ${JSON.stringify(headers)}`).toBe(docs.status);
      if (docs.status !== 200) expect((await query.json()).error.code).toBe((await docs.json()).error.code);
    }
    const secret = await post({ community: 'secret', metrics: ['views'], date_range: ['2024-03-01', '2024-03-07'] }, bearer(SECRET_TOKEN));
    expect(secret.headers.get('cache-control')).toContain('private');
    expect(QueryResponseSchema.parse(await secret.json()).results[0]!.metrics).toEqual([9]);
  });
});

describe('the query API in /api/openapi.json', () => {
  it('when the document is asked, then POST and GET /api/v1/query are described by the shared zod schemas', async () => {
    const doc = (await (await fetch(`${s.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, { items?: { enum?: string[] } }> }> };
    };
    expect(Object.keys(doc.paths['/api/v1/query']!).sort()).toEqual(['get', 'post']);
    const request = doc.components.schemas.QueryRequest!;
    expect(request.properties?.metrics?.items?.enum).toEqual(expect.arrayContaining(['uploaders', 'downloads_unique_files']));
    expect(Object.keys(doc.components.schemas.QueryResponse!.properties ?? {})).toEqual(
      expect.arrayContaining(['results', 'other', 'totals', 'comparison', 'meta', 'query']),
    );
  });
});
