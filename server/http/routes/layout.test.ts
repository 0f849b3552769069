import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LayoutSchema } from '../../../src/layout/schema';
import { ErrorBodySchema } from '../../../src/api/schemas';
import { ADMIN, SECRET_TOKEN, bearer, seed, startTestServer, type TestServer } from '../testing';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  await seed(s.db);
});
afterAll(async () => s?.stop());

const url = (community: string) => `${s.url}/api/v1/communities/${community}/layout`;
const json = (token: string, body: unknown): RequestInit => ({
  method: 'PUT',
  headers: { ...bearer(token), 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
const oneTab = {
  version: 1,
  tabs: [{ id: 'only', label: { en: 'Only' }, rows: [{ widgets: [{ type: 'text', width: 16, body: { en: 'Hello' } }] }] }],
};

async function effective(community: string, headers: Record<string, string> = {}) {
  const res = await fetch(url(community), { headers });
  const body = (await res.json()) as { overridden: boolean; layout: unknown };
  return { res, body, layout: LayoutSchema.parse(body.layout) };
}

describe('layouts', () => {
  it('when no override is stored, then the default layout is served', async () => {
    const { res, body, layout } = await effective('open');
    expect(res.status).toBe(200);
    expect(body.overridden).toBe(false);
    expect(layout.tabs.length).toBeGreaterThan(1);
    expect(res.headers.get('etag')).toBeTruthy();
  });

  it('when PUT has no token, then 401; a wrong token, 403; nothing changes', async () => {
    const none = await fetch(url('open'), { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect((await fetch(url('open'), json('not-the-token', oneTab))).status).toBe(403);
    // A community's token manages its own layout only.
    expect((await fetch(url('open'), json(SECRET_TOKEN, oneTab))).status).toBe(403);
    expect((await effective('open')).body.overridden).toBe(false);
  });

  it('when PUT sends an invalid layout, then 400 lists every path and message', async () => {
    const bad = { version: 1, tabs: [{ id: 'x', label: 'X', rows: [{ widgets: [{ type: 'single-stat', width: 40 }] }] }] };
    const res = await fetch(url('open'), json(ADMIN, bad));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; issues: { path: string; message: string }[] } };
    expect(ErrorBodySchema.parse(body).error.code).toBe('invalid_layout');
    const paths = body.error.issues.map((i) => i.path);
    expect(paths.some((p) => p.startsWith('tabs.0.rows.0.widgets.0'))).toBe(true);
    expect(body.error.issues.length).toBeGreaterThan(1);
  });

  it('when PUT sends a widget filter a record metric cannot take, then 400 names the filter; a valid one is stored and served', async () => {
    const withFilters = (filters: unknown) => ({
      version: 1,
      tabs: [{ id: 'x', label: 'X', rows: [{ widgets: [{ type: 'single-stat', metric: 'records', mode: 'cumulative', width: 8, filters }] }] }],
    });
    const res = await fetch(url('open'), json(ADMIN, withFilters([['is', 'field:countries', ['DE']]])));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; issues: { path: string; message: string }[] } };
    expect(body.error.issues).toEqual([expect.objectContaining({ path: 'tabs.0.rows.0.widgets.0.filters.0.1', message: expect.stringContaining('field:countries') })]);
    expect((await effective('open')).body.overridden).toBe(false);

    const datasets = [['is', 'field:resource_types', ['dataset']]];
    expect((await fetch(url('open'), json(ADMIN, withFilters(datasets)))).status).toBe(200);
    expect((await effective('open')).layout.tabs[0]!.rows[0]!.widgets[0]).toMatchObject({ filters: datasets });
    expect((await fetch(url('open'), { method: 'DELETE', headers: bearer(ADMIN) })).ok).toBe(true);
  });

  it('when PUT sends text, then 415', async () => {
    const res = await fetch(url('open'), { method: 'PUT', headers: { ...bearer(ADMIN), 'Content-Type': 'text/plain' }, body: 'hi' });
    expect(res.status).toBe(415);
  });

  it('when a valid layout is PUT, then the next GET serves it with a new ETag; DELETE restores the default', async () => {
    const before = await effective('open');
    const put = await fetch(url('open'), json(ADMIN, oneTab));
    expect(put.status).toBe(200);
    const after = await effective('open');
    expect(after.body.overridden).toBe(true);
    expect(after.layout.tabs.map((t) => t.id)).toEqual(['only']);
    expect(after.res.headers.get('etag')).not.toBe(before.res.headers.get('etag'));
    // The old ETag no longer matches: a browser revalidating gets the new layout, not a 304.
    const revalidate = await fetch(url('open'), { headers: { 'If-None-Match': before.res.headers.get('etag') ?? '' } });
    expect(revalidate.status).toBe(200);

    expect((await fetch(url('open'), { method: 'DELETE', headers: bearer(ADMIN) })).status).toBe(200);
    const restored = await effective('open');
    expect(restored.body.overridden).toBe(false);
    expect(restored.res.headers.get('etag')).toBe(before.res.headers.get('etag'));
  });

  it('when a patch is PUT with the community\'s own token, then the default is edited, not replaced', async () => {
    const base = await effective('secret', bearer(SECRET_TOKEN));
    const firstTab = base.layout.tabs[0]!.id;
    const res = await fetch(url('secret'), json(SECRET_TOKEN, { tabs: { remove: [firstTab] } }));
    expect(res.status).toBe(200);
    const after = await effective('secret', bearer(SECRET_TOKEN));
    expect(after.layout.tabs.map((t) => t.id)).toEqual(base.layout.tabs.slice(1).map((t) => t.id));
  });

  it('when a restricted community\'s layout is read without a token, then 404 as if unknown', async () => {
    expect((await fetch(url('secret'))).status).toBe(404);
  });
});
