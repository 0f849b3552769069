/**
 * Top records through the query engine (real DuckDB, real HTTP on loopback), on the hand-computed
 * repository of server/query/scenario.ts: the query API's `record` dimension and the top-records
 * endpoint apply the dashboard's filters, so a top-records widget with a country filter lists the
 * records most viewed from that country.
 *
 * Counted views, Q1 2024 (the double click on r1 on 01-12 counts once):
 * - global: r1 3 (US ×3: A 01-12, A 01-13, B 02-10), r3 2 (DE, FR), r5 2 (GB ×2), r6 2 (US ×2), r2 1 (US).
 * - c1 (views while a member): r1 3 (US), r2 1 (US), r3 1 (DE; its FR view came after it left),
 *   r5 1 (GB on 03-31; the 01-05 view came before it joined), r6 1 (US on 01-26).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryResponseSchema, type QueryRequestInput } from '../../../src/api/query';
import { ErrorBodySchema, TopRecordsResponseSchema } from '../../../src/api/schemas';
import { runAggregation } from '../../domain/aggregate/run';
import { loadQueryScenario } from '../../query/scenario';
import { startTestServer, type TestServer } from '../testing';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  await s.db.exec(`INSERT INTO communities (community_id, slug, title, restricted, enabled, token_hash) VALUES ('c1', 'c-one', 'C1', false, true, NULL)`);
  await loadQueryScenario(s.db);
  await s.db.exec(`UPDATE records SET title = 'Record ' || record_id`);
  await runAggregation(s.db);
});
afterAll(async () => s?.stop());

const query = async (q: QueryRequestInput) => {
  const res = await fetch(`${s.url}/api/v1/query`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(q) });
  return { status: res.status, body: (await res.json()) as unknown };
};
const Q1: [string, string] = ['2024-01-01', '2024-03-31'];
const rows = (body: unknown) => QueryResponseSchema.parse(body).results.map((r) => [...r.dimensions, ...r.metrics]);

describe('the record dimension of the query API', () => {
  it('when the top records of a community are asked, then they rank by views counted while members, titled', async () => {
    const { body } = await query({ community: 'c1', metrics: ['views', 'views_unique_visitors'], date_range: Q1, dimensions: ['record'], order_by: [['views', 'desc']], limit: 2, include: { other: true } });
    expect(rows(body)).toEqual([['r1', 3, 3], ['r2', 1, 1]]);
    const answer = QueryResponseSchema.parse(body);
    // Other: r3, r5, r6 (one view each, by B, E, A) and r4 (a download only).
    expect(answer.other).toEqual({ items: 4, metrics: [3, 3] });
    expect(answer.meta.labels.r1).toEqual({ und: 'Record r1' });
  });

  it('when a country filter is set, then the records most viewed from that country are listed', async () => {
    const gb = await query({ metrics: ['views'], date_range: Q1, dimensions: ['record'], filters: [['is', 'field:countries', ['GB']]], limit: 3 });
    expect(rows(gb.body)).toEqual([['r5', 2]]);
    const notUs = await query({ metrics: ['views'], date_range: Q1, dimensions: ['record'], filters: [['is_not', 'field:countries', ['US']]], limit: 3 });
    // r4 has a download from no known country in the range, and no views: listed with 0, last.
    expect(rows(notUs.body)).toEqual([['r3', 2], ['r5', 2], ['r4', 0]]);
  });

  it('when a record metric is broken down by record, then 400 names the dimension', async () => {
    const { status, body } = await query({ metrics: ['records'], dimensions: ['record'] });
    expect(status).toBe(400);
    expect(ErrorBodySchema.parse(body).error.path).toBe('dimensions.0');
  });
});

describe('GET …/top-records with filters', () => {
  const top = async (community: string, params: Record<string, string>) => {
    const res = await fetch(`${s.url}/api/v1/communities/${community}/top-records?${new URLSearchParams({ start: Q1[0], end: Q1[1], ...params })}`);
    return { status: res.status, body: (await res.json()) as unknown };
  };

  it('when a resource-type filter is given, then only records of that type rank', async () => {
    const { body } = await top('global', { filters: JSON.stringify([['is', 'field:resource_types', ['image']]]) });
    expect(TopRecordsResponseSchema.parse(body).records).toEqual([
      // E viewed r5 on two days: visitor ids rotate daily, so two unique visitors.
      { id: 'r5', title: 'Record r5', value: 2, uniqueVisitors: 2 },
      { id: 'r2', title: 'Record r2', value: 1, uniqueVisitors: 1 },
    ]);
  });

  it('when a country filter is given to a community, then the figures are its members\' views from that country', async () => {
    const { body } = await top('c-one', { filters: JSON.stringify([['is', 'field:countries', ['US']]]) });
    expect(TopRecordsResponseSchema.parse(body).records.map((r) => [r.id, r.value])).toEqual([['r1', 3], ['r2', 1], ['r6', 1]]);
  });

  it.each([
    ['not JSON', '[["is"'],
    ['an unknown field', JSON.stringify([['is', 'field:colours', ['red']]])],
  ])('when the filters are %s, then 400 names filters', async (_, filters) => {
    const { status, body } = await top('global', { filters });
    expect(status).toBe(400);
    expect(ErrorBodySchema.parse(body).error.path).toMatch(/^filters/);
  });
});
