/**
 * The smaller faults of issue 13, each against the real server: no driver text on the public
 * status, deeply nested JSON refused with a 400, token-dependent answers never publicly cacheable,
 * restricted communities indistinguishable from unknown ones, and Accept-Encoding by q-value.
 * (Strict numbers and dates in parameters are in date-params.test.ts, in ingest in poison-values.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../src/api/schemas';
import { ADMIN, SECRET_TOKEN, bearer, rawGet, seedAndAggregate, startTestServer, type TestServer } from '../../server/http/testing';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer({ ingestRatePerMinute: 100_000 });
  await seedAndAggregate(s.db);
  await s.db.exec(`INSERT INTO communities (community_id, slug, title, restricted, enabled) VALUES
    ('5f0c7c7e-0000-4000-8000-00000000c0de', 'hidden-lab', 'Hidden and switched off', true, false)`);
  s.app.ctx.communitiesChanged();
}, 60_000);
afterAll(() => s?.stop());

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('the public status', () => {
  it('when an aggregation run fails inside the database, then /api/v1/status shows a generic text, not the driver error', async () => {
    // A real database failure: a fact table the run writes to is gone.
    await s.db.exec('ALTER TABLE agg_usage_facts RENAME TO agg_usage_facts_away');
    await s.db.exec(`INSERT INTO dirty_days (scope, community_id, day) VALUES ('usage', '*', DATE '2024-03-05')`);
    try {
      const run = await fetch(`${s.url}/api/v1/aggregate`, { method: 'POST', headers: bearer(ADMIN) });
      expect(run.status).toBe(500);
      expect(await run.text()).not.toMatch(/agg_usage_facts|Catalog|Error:/);
    } finally {
      await s.db.exec('ALTER TABLE agg_usage_facts_away RENAME TO agg_usage_facts');
    }
    const status = await (await fetch(`${s.url}/api/v1/status`)).text();
    expect(status).toContain('the aggregation run failed; the server log has the details');
    expect(status).not.toMatch(/agg_usage_facts|Catalog Error|does not exist/);
  });
});

describe('deeply nested JSON', () => {
  it('when an ingest body nests arrays 200,000 deep, then 400 names the depth limit (JSON array or NDJSON)', async () => {
    for (const type of ['application/json', 'application/x-ndjson']) {
      const res = await fetch(`${s.url}/api/v1/ingest/events`, {
        method: 'POST',
        headers: { ...bearer(ADMIN), 'Content-Type': type },
        body: type === 'application/json' ? `[${nested(200_000)}]` : `${nested(200_000)}\n`,
      });
      expect(res.status, type).toBe(type === 'application/json' ? 400 : 422);
      expect(await res.text(), type).toMatch(/nested deeper than 64/);
    }
  });

  it('when /api/stats or a layout PUT nests 200,000 deep, then 400', async () => {
    const stats = await fetch(`${s.url}/api/stats`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: `{"q":${nested(200_000)}}` });
    expect(stats.status).toBe(400);
    ErrorBodySchema.parse(await stats.json());
    const layout = await fetch(`${s.url}/api/v1/communities/open/layout`, {
      method: 'PUT',
      headers: { ...bearer(ADMIN), 'Content-Type': 'application/json' },
      body: `{"version":1,"tabs":${nested(200_000)}}`,
    });
    expect(layout.status).toBe(400);
    ErrorBodySchema.parse(await layout.json());
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });
});

describe('caching of token-dependent answers', () => {
  it("when the admin asks for global top records (which name restricted ones), then the answer is private; anonymous's stays public", async () => {
    const q = '/api/v1/communities/global/top-records?start=2024-01-01&end=2024-12-31';
    const admin = await rawGet(`${s.url}${q}`, bearer(ADMIN));
    expect(admin.status).toBe(200);
    expect(admin.body.toString()).toContain('Secret record');
    expect(admin.headers['cache-control']).toMatch(/^private/);
    const anonymous = await rawGet(`${s.url}${q}`);
    expect(anonymous.body.toString()).not.toContain('Secret record');
    expect(anonymous.headers['cache-control']).toMatch(/^public/);
  });
});

describe('restricted communities', () => {
  const PATHS = ['layout', 'top-records', 'series/usage-delta?year=2024', 'aggregations/usage-delta?start=2024-01-01&end=2024-12-31', 'counter/pr.tsv?begin_date=2024-01&end_date=2024-03'];

  it('when an anonymous or wrong-token request names a restricted community, then it gets exactly the unknown-community answer', async () => {
    for (const path of PATHS) {
      for (const headers of [{}, bearer('not-a-token')]) {
        for (const [name, unknown] of [['secret-lab', 'no-such-lab'], ['secret', 'no-such-id'], ['hidden-lab', 'no-such-hidden']]) {
          const known = await fetch(`${s.url}/api/v1/communities/${name}/${path}`, { headers });
          const missing = await fetch(`${s.url}/api/v1/communities/${unknown}/${path}`, { headers });
          expect(known.status, `${name}/${path}`).toBe(404);
          expect(missing.status).toBe(404);
          const [a, b] = [await known.text(), await missing.text()];
          expect(a.replace(name!, 'X'), `${name}/${path}`).toBe(b.replace(unknown!, 'X'));
          expect(a).not.toContain('5f0c7c7e');
        }
      }
    }
  });

  it('when the community token or the admin token is sent, then the restricted community answers', async () => {
    expect((await fetch(`${s.url}/api/v1/communities/secret-lab/layout`, { headers: bearer(SECRET_TOKEN) })).status).toBe(200);
    expect((await fetch(`${s.url}/api/v1/communities/secret-lab/series/usage-delta?year=2024`, { headers: bearer(ADMIN) })).status).toBe(200);
    // Another community's token opens nothing here.
    expect((await fetch(`${s.url}/api/v1/communities/open-science/layout`, { headers: bearer(SECRET_TOKEN) })).status).toBe(200);
  });

  it('when a public community is switched off, then 403 names it as asked, by slug, not by id', async () => {
    const res = await fetch(`${s.url}/api/v1/communities/switched-off/layout`);
    expect(res.status).toBe(403);
    expect(ErrorBodySchema.parse(await res.json()).error.message).toBe('the statistics dashboard of community "switched-off" is disabled');
  });
});

describe('Accept-Encoding', () => {
  it('when brotli has q=0 or a lower q than gzip, then the answer is gzip; when gzip has q=0 too, identity', async () => {
    const q = '/api/v1/communities/global/series/usage-delta?year=2024';
    const cases: [string, string | undefined][] = [
      ['br;q=0, gzip', 'gzip'],
      ['br;q=0.3, gzip;q=0.9', 'gzip'],
      ['gzip;q=0.3, br;q=0.9', 'br'],
      ['br;q=0, gzip;q=0', undefined],
      ['*;q=0', undefined],
    ];
    for (const [header, expected] of cases) {
      const res = await rawGet(`${s.url}${q}`, { 'Accept-Encoding': header });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding'], header).toBe(expected);
    }
  });
});
