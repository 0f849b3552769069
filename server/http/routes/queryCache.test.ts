/**
 * The query API's cache across aggregation runs (server/cache/queryCache.ts): after a run, the
 * answers of the communities it changed are answered anew before anyone asks, the others are kept,
 * and the first request after the run is a cache hit with the new figures.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { QueryRequestInput } from '../../../src/api/query';
import { runAggregation } from '../../domain/aggregate/run';
import { importLines } from '../../ingest';
import { runAndRefresh } from '../aggregate';
import { SECRET_TOKEN, bearer, seedAndAggregate, startTestServer, type TestServer } from '../testing';

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
  await seedAndAggregate(s.db);
});
afterEach(async () => s?.stop());

const ask = async (community: string, headers: Record<string, string> = {}) => {
  const q: QueryRequestInput = { community, metrics: ['views'], date_range: ['2024-03-01', '2024-03-10'] };
  const res = await fetch(`${s.url}/api/v1/query`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(q) });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { results: { metrics: number[] }[] };
  return { cache: res.headers.get('x-cache'), views: body.results[0]?.metrics[0] };
};

/** Three more views of r1 (community "open") on a day already aggregated. */
const moreViewsOfOpen = () =>
  importLines(s.db, {
    kind: 'events',
    lines: ['v7', 'v8', 'v9'].map((v) => JSON.stringify({ type: 'view', timestamp: '2024-03-07T12:00:00Z', record_id: 'r1', visitor_id: v })),
    source: 'more',
  });

it('when a run in the server changes a community, then the first request after it is a cache hit with the new figures', async () => {
  expect(await ask('open')).toEqual({ cache: 'miss', views: 7 });
  expect(await ask('open')).toEqual({ cache: 'hit', views: 7 });
  await moreViewsOfOpen();
  await runAndRefresh(s.app.ctx, { today: '2024-03-10' });
  expect(await ask('open')).toEqual({ cache: 'hit', views: 10 });
});

it('when a run changed only some communities, then only their cached answers are computed again', async () => {
  const secret = bearer(SECRET_TOKEN);
  expect(await ask('open')).toEqual({ cache: 'miss', views: 7 });
  expect(await ask('secret', secret)).toEqual({ cache: 'miss', views: 9 });
  await moreViewsOfOpen();
  await runAggregation(s.db, { today: '2024-03-10' });
  // "open" and global changed; "secret" did not: its answer is kept as it is.
  expect(await s.app.ctx.queryCache.afterRun(new Set(['open', 'global']))).toBe(1);
  expect(await ask('secret', secret)).toEqual({ cache: 'hit', views: 9 });
  expect(await ask('open')).toEqual({ cache: 'hit', views: 10 });
});
