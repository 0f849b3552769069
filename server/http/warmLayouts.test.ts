/**
 * The query cache is warmed after an aggregation run in the server (server/http/warmLayouts.ts):
 * the queries a first dashboard view sends, built here as the widgets build them (the dashboard's
 * own seriesPlan), are cache hits on their first request; a run that changed one community warms
 * only the layouts it changed and keeps the others' answers.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { QueryRequest } from '../../src/api/query';
import type { SeriesRequest } from '../../src/core/series/types';
import { seriesPlan, type SeriesView } from '../../src/data/seriesPlan';
import { importLines } from '../ingest';
import { runAndRefresh } from './aggregate';
import { ADMIN, SECRET_TOKEN, bearer, seed, startTestServer, type TestServer } from './testing';

// "Today" for the server and the browser alike: the default view is the last 12 months, by month.
const TODAY = '2024-03-10';
const view = (community: string): SeriesView => ({
  community, range: { start: '2023-04-01', end: '2024-03-31' }, granularity: 'month', basis: 'added', comparison: 'none', filters: [],
});

// A saved layout: one single stat of views and one breakdown of downloads by resource type.
const SAVED = {
  version: 1,
  tabs: [{ id: 'mine', label: 'Mine', rows: [{ widgets: [
    { type: 'single-stat', metric: 'views', mode: 'delta', width: 8 },
    { type: 'breakdown', metric: 'downloads', mode: 'delta', field: 'resource_types', width: 8 },
  ] }] }],
};

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer({}, undefined, () => new Date(`${TODAY}T12:00:00Z`));
  await seed(s.db);
  for (const community of ['open', 'secret']) {
    const res = await fetch(`${s.url}/api/v1/communities/${community}/layout`, {
      method: 'PUT', headers: { ...bearer(ADMIN), 'Content-Type': 'application/json' }, body: JSON.stringify(SAVED),
    });
    expect(res.status).toBe(200);
  }
});
afterEach(async () => s?.stop());

/** Asks as the dashboard does (GET ?q=), and says whether the cache answered. */
async function cacheOf(query: QueryRequest, headers: Record<string, string> = {}): Promise<string | null> {
  const res = await fetch(`${s.url}/api/v1/query?q=${encodeURIComponent(JSON.stringify(query))}`, { headers });
  expect(res.status).toBe(200);
  return res.headers.get('x-cache');
}

const plan = (community: string, request: SeriesRequest) => seriesPlan(view(community), request);

it('when a run finishes in the server, then the default layout\'s and saved layouts\' queries are cache hits on their first request', async () => {
  const report = await runAndRefresh(s.app.ctx, { today: TODAY });
  expect(report.warmed.computed).toBeGreaterThan(0);
  // Global's default layout: the "views" single stat, the usage chart (its first metric), the map,
  // and a breakdown of views by resource type (with the chart's total by period).
  const usageChart = plan('global', { metric: 'views', mode: 'delta' });
  const globalQueries = [
    plan('global', { metric: 'views', mode: 'delta', over: 'range' }).main,
    usageChart.main,
    plan('global', { metric: 'views', mode: 'cumulative', field: 'countries', topN: 250, over: 'range' }).main,
    plan('global', { metric: 'views', mode: 'delta', field: 'resource_types', topN: 100, over: 'range' }).main,
  ];
  for (const q of globalQueries) expect(await cacheOf(q), JSON.stringify(q)).toBe('hit');
  // "open" has a saved layout: its widgets are warm too.
  expect(await cacheOf(plan('open', { metric: 'views', mode: 'delta', over: 'range' }).main)).toBe('hit');
  expect(await cacheOf(plan('open', { metric: 'downloads', mode: 'delta', field: 'resource_types', topN: 100, over: 'range' }).main)).toBe('hit');
  // A query no layout sends is not.
  expect(await cacheOf(plan('open', { metric: 'downloads', mode: 'delta', field: 'languages', topN: 100, over: 'range' }).main)).toBe('miss');
});

it('when a run changed only one community, then only its layout (and global\'s) is warmed again; another keeps its answers', async () => {
  const first = await runAndRefresh(s.app.ctx, { today: TODAY });
  const perSaved = 2;
  const globalQueries = first.warmed.queries - 2 * perSaved;
  expect(globalQueries).toBeGreaterThan(10);
  const secretStat = plan('secret', { metric: 'views', mode: 'delta', over: 'range' }).main;
  expect(await cacheOf(secretStat, bearer(SECRET_TOKEN))).toBe('hit');

  await importLines(s.db, {
    kind: 'events',
    lines: ['v7', 'v8'].map((v) => JSON.stringify({ type: 'view', timestamp: '2024-03-07T12:00:00Z', record_id: 'r1', visitor_id: v })),
    source: 'more',
  });
  const second = await runAndRefresh(s.app.ctx, { today: TODAY });
  // "open" (r1's community) and global changed; "secret" did not and is not visited.
  expect(second.warmed.queries).toBe(globalQueries + perSaved);
  expect(await cacheOf(secretStat, bearer(SECRET_TOKEN))).toBe('hit');
  expect(await cacheOf(plan('open', { metric: 'views', mode: 'delta', over: 'range' }).main)).toBe('hit');
});
