/**
 * A bounded load on loopback: cached series requests (20 connections for 5 s) while events are
 * ingested over HTTP at the same time. No request fails, every ingested event is in the database
 * exactly once, and the server's memory stays within a generous margin. No timing assertions.
 */
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, seedAndAggregate, startTestServer, type TestServer } from '../../server/http/testing';

let s: TestServer;
const BATCH = 10;
const INGEST_REQUESTS = 300;

beforeAll(async () => {
  s = await startTestServer({ ingestRatePerMinute: 1_000_000 });
  await seedAndAggregate(s.db);
}, 60_000);
afterAll(() => s?.stop());

const SERIES = ['usage-delta', 'usage-snapshot', 'record-delta?basis=created&', 'record-snapshot?'].map((c) =>
  c.includes('?') ? `/api/v1/communities/open/series/${c}year=2024` : `/api/v1/communities/open/series/${c}?year=2024`,
);

async function eventCount(): Promise<number> {
  const [row] = await s.db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM events');
  return Number(row!.n);
}

const rssMB = () => process.memoryUsage().rss / 2 ** 20;

describe('load on the cached endpoints and the ingest endpoint at once', () => {
  it('when series and ingest requests run concurrently, then none fails, no event is lost and memory stays bounded', async () => {
    // Warm-up: the bundles enter the cache, the allocators reach their working size.
    await autocannon({ url: s.url, connections: 10, duration: 1, requests: SERIES.map((path) => ({ method: 'GET', path })) });
    const before = await eventCount();
    const rssBefore = rssMB();

    let sent = 0;
    let importedReported = 0;
    const ingest = autocannon({
      url: s.url,
      connections: 4,
      amount: INGEST_REQUESTS,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/ingest/events',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
          setupRequest: (req) => {
            const n = sent++;
            const events = Array.from({ length: BATCH }, (_, i) => ({
              type: 'view',
              timestamp: new Date(Date.UTC(2024, 4, 1) + (n * BATCH + i) * 61_000).toISOString(),
              record_id: 'r1',
              visitor_id: `load-${n}-${i}`,
            }));
            return { ...req, body: JSON.stringify(events) };
          },
          onResponse: (status, body) => {
            if (status === 200) importedReported += (JSON.parse(body) as { imported: number }).imported;
          },
        },
      ],
    });
    const series = autocannon({ url: s.url, connections: 20, duration: 5, requests: SERIES.map((path) => ({ method: 'GET', path })) });
    const [i, r] = await Promise.all([ingest, series]);

    expect({ errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0 });
    expect(r.requests.total).toBeGreaterThan(0);
    expect({ errors: i.errors, timeouts: i.timeouts, non2xx: i.non2xx, requests: i.requests.total }).toEqual({
      errors: 0, timeouts: 0, non2xx: 0, requests: INGEST_REQUESTS,
    });
    expect(importedReported).toBe(INGEST_REQUESTS * BATCH);
    expect(await eventCount()).toBe(before + INGEST_REQUESTS * BATCH);

    const rssAfter = rssMB();
    // Generous: the test process also holds the load generator and vitest.
    expect(rssAfter, `RSS ${rssBefore.toFixed(0)} MB → ${rssAfter.toFixed(0)} MB after ${r.requests.total} series + ${INGEST_REQUESTS} ingest requests`).toBeLessThan(rssBefore + 200);
  }, 60_000);
});
