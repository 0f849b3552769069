import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeriesBundleSchema } from '../../../src/api/schemas';
import { importLines } from '../../ingest';
import { runAggregation } from '../../domain/aggregate/run';
import { reconcileWithRuns } from '../../cache/reconcile';
import { runAndRefresh } from '../aggregate';
import { ServerStatusSchema } from './admin';
import { StatusLiteSchema } from '../../../src/api/queries';
import { ADMIN, bearer, rawGet, seedAndAggregate, startTestServer, type TestServer } from '../testing';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  await seedAndAggregate(s.db);
});
afterAll(async () => s?.stop());

const bundleUrl = () => `${s.url}/api/v1/communities/open/series/usage-delta?year=2024`;
const views = async () => {
  const res = await fetch(bundleUrl());
  const bundle = SeriesBundleSchema.parse(await res.json());
  return { etag: res.headers.get('etag'), total: (bundle.totals.views ?? []).reduce((a, b) => a + b, 0) };
};
const viewsOf = (recordId: string, day: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({ type: 'view', timestamp: `${day}T12:${String(i).padStart(2, '0')}:00Z`, record_id: recordId, visitor_id: `new-${day}-${i}` }),
  );

describe('POST /api/v1/aggregate and the response cache', () => {
  it('when asked without the admin token, then 401 / 403', async () => {
    expect((await fetch(`${s.url}/api/v1/aggregate`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${s.url}/api/v1/aggregate`, { method: 'POST', headers: bearer('nope') })).status).toBe(403);
  });

  it('when new events are ingested and aggregated through the API, then the cached bundle is rebuilt (new ETag, new numbers)', async () => {
    const before = await views();
    expect(before.total).toBe(7);
    const ingest = await fetch(`${s.url}/api/v1/ingest/events`, {
      method: 'POST',
      headers: { ...bearer(ADMIN), 'Content-Type': 'application/x-ndjson' },
      body: viewsOf('r1', '2024-03-08', 3).join('\n'),
    });
    expect(ingest.status).toBe(200);
    // Ingest alone does not change served numbers: bundles follow aggregation runs.
    expect((await views()).etag).toBe(before.etag);

    const run = await fetch(`${s.url}/api/v1/aggregate`, { method: 'POST', headers: bearer(ADMIN) });
    expect(run.status).toBe(200);
    const report = (await run.json()) as { affected: number; rebuilt: number };
    expect(report.affected).toBeGreaterThan(0);
    // Bundles clients asked for are re-rendered at once; the others wait for their first request.
    expect(report.rebuilt).toBeGreaterThan(0);
    expect(report.rebuilt).toBeLessThan(report.affected);

    const after = await views();
    expect(after.total).toBe(10);
    expect(after.etag).not.toBe(before.etag);
    const stale = await rawGet(bundleUrl(), { 'If-None-Match': before.etag ?? '' });
    expect(stale.status).toBe(200);
  });

  it('when a run happens outside the server, then reconciling with the run history drops the stale bundles', async () => {
    const before = await views();
    await importLines(s.db, { kind: 'events', lines: viewsOf('r2', '2024-03-09', 4), source: 'elsewhere' });
    await runAggregation(s.db, {});
    // Still the hot copy: this process did not see the run…
    expect((await views()).total).toBe(before.total);
    // …until it reconciles (startServer does so at start and every 30 s).
    const r = await reconcileWithRuns(s.db, s.app.ctx.cache, null);
    expect(r.runs).toBeGreaterThan(0);
    const after = await views();
    expect(after.total).toBe(before.total + 4);
    expect(after.etag).not.toBe(before.etag);
  });

  it('when a run is in progress, then status shows it and a second run is refused with 409', async () => {
    const running = runAndRefresh(s.app.ctx);
    const [status, second] = await Promise.all([
      fetch(`${s.url}/api/v1/status`).then(async (r) => ServerStatusSchema.parse(await r.json())),
      fetch(`${s.url}/api/v1/aggregate`, { method: 'POST', headers: bearer(ADMIN) }),
    ]);
    expect(status.aggregation.state).toBe('running');
    expect(status.aggregation.running).toBe(true);
    // What the dashboard reads to show "aggregation in progress".
    expect(StatusLiteSchema.parse(status).aggregation?.running).toBe(true);
    expect(status.running).toBe(true);
    expect(second.status).toBe(409);
    await running;
  });

  it('when status is asked while idle, then it shows the last run, the run history and cache freshness', async () => {
    const res = await fetch(`${s.url}/api/v1/status`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = ServerStatusSchema.parse(await res.json());
    expect(body.aggregation.state).toBe('idle');
    expect(body.running).toBe(false);
    expect(body.fresh).toBe(true);
    expect(body.aggregation.lastRun).not.toBeNull();
    expect(body.dataAsOf).toMatch(/^2024-03-/);
    expect(body.cache?.bundles).toBeGreaterThan(0);
    expect(body.cache?.newestBuiltAt).toMatch(/^\d{4}-/);
    // Restricted communities are not named to the public…
    expect(body.communities.map((c) => c.community)).toContain('open');
    expect(body.communities.map((c) => c.community)).not.toContain('secret');
    // …but are to the admin.
    const admin = ServerStatusSchema.parse(await (await fetch(`${s.url}/api/v1/status`, { headers: bearer(ADMIN) })).json());
    expect(admin.communities.map((c) => c.community)).toContain('secret');
  });
});
