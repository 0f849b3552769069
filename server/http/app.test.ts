import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommunitiesResponseSchema, ErrorBodySchema } from '../../src/api/schemas';
import { ADMIN, SECRET_TOKEN, bearer, seedAndAggregate, startTestServer, type TestServer } from './testing';

let s: TestServer;

beforeAll(async () => {
  const demo = join(process.env.TMPDIR ?? '/tmp', `repostats-demo-${process.pid}`);
  mkdirSync(demo, { recursive: true });
  writeFileSync(join(demo, 'index.html'), '<!doctype html><title>demo</title><div id="root"></div>');
  s = await startTestServer({ corsOrigins: ['https://embed.example'] }, demo);
  await seedAndAggregate(s.db);
});
afterAll(async () => s?.stop());

describe('the app', () => {
  it('when /healthz is asked, then it answers ok with helmet headers', async () => {
    const res = await fetch(`${s.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('when an unknown API path is asked, then the answer is a JSON 404', async () => {
    const res = await fetch(`${s.url}/api/v1/nothing-here`);
    expect(res.status).toBe(404);
    expect(ErrorBodySchema.parse(await res.json()).error.code).toBe('not_found');
  });

  it('when the demo page exists, then / and unknown page paths serve it (SPA fallback)', async () => {
    for (const path of ['/', '/communities/open/stats']) {
      const res = await fetch(`${s.url}${path}`, { headers: { Accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
    }
  });

  it('when an allowed origin calls, then CORS allows it; another origin gets no CORS header', async () => {
    const ok = await fetch(`${s.url}/api/v1/communities`, { headers: { Origin: 'https://embed.example' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://embed.example');
    const other = await fetch(`${s.url}/api/v1/communities`, { headers: { Origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('when a cached bundle is sent to an allowed origin, then Vary names Origin beside the encoding, so shared caches keep them apart', async () => {
    const res = await fetch(`${s.url}/api/v1/communities/global/series/usage-delta?year=2024`, { headers: { Origin: 'https://embed.example' } });
    await res.arrayBuffer();
    const vary = (res.headers.get('vary') ?? '').split(',').map((v) => v.trim());
    expect(vary).toEqual(expect.arrayContaining(['Origin', 'Accept-Encoding', 'Authorization']));
  });

  it('when /api/openapi.json is asked, then it describes every endpoint with schemas from zod', async () => {
    const doc = (await (await fetch(`${s.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { type?: string }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/communities',
        '/api/v1/communities/{community}/series/{category}',
        '/api/v1/communities/{community}/aggregations/{kind}',
        '/api/v1/communities/{community}/top-records',
        '/api/v1/communities/{community}/layout',
        '/api/stats',
        '/api/v1/ingest/{kind}',
        '/api/v1/aggregate',
        '/api/v1/status',
        '/api/v1/sushi/r51/status',
        '/api/v1/sushi/r51/reports/ir',
        '/api/v1/communities/{community}/counter/{report}',
      ]),
    );
    expect(doc.components.schemas.SeriesBundle?.type).toBe('object');
    expect(doc.components.schemas.CounterIR?.type).toBe('object');
  });
});

describe('GET /api/v1/communities', () => {
  const ids = async (headers: Record<string, string> = {}) => {
    const body = CommunitiesResponseSchema.parse(await (await fetch(`${s.url}/api/v1/communities`, { headers })).json());
    return body.communities;
  };

  it('when asked without a token, then restricted communities are hidden and counts are given', async () => {
    const list = await ids();
    expect(list.map((c) => c.id)).toEqual(['global', 'off', 'open']);
    const open = list.find((c) => c.id === 'open');
    expect(open).toMatchObject({ slug: 'open-science', title: 'Open Science', records: 2, restricted: false, enabled: true });
    expect(open?.firstDay).toBe('2024-01-10');
    expect(open?.lastDay).toBe('2024-03-05');
    expect(list.find((c) => c.id === 'global')?.records).toBe(4);
  });

  it('when a community is disabled, then it is listed as not enabled', async () => {
    expect((await ids()).find((c) => c.id === 'off')?.enabled).toBe(false);
  });

  it('when the restricted community\'s token or the admin token is sent, then it is listed', async () => {
    expect((await ids(bearer(SECRET_TOKEN))).map((c) => c.id)).toContain('secret');
    expect((await ids(bearer(ADMIN))).map((c) => c.id)).toContain('secret');
  });
});
