/**
 * The hit lane (server/http/hitLane.ts) through the real server: which requests it answers, with
 * what, and when it lets Express answer again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueryRequestInput } from '../../src/api/query';
import { importLines } from '../ingest';
import { runAndRefresh } from './aggregate';
import { HitLane } from './hitLane';
import { SECRET_TOKEN, bearer, seedAndAggregate, startTestServer, type TestServer } from './testing';

let s: TestServer;
let answered: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  s = await startTestServer({ corsOrigins: ['https://example.org', 'https://elsewhere.example'] });
  await seedAndAggregate(s.db);
  // Every request Express handles asks the query cache; one the lane answers does not.
  answered = vi.spyOn(s.app.ctx.queryCache, 'answer');
});
afterEach(async () => s?.stop());

const query = (community: string): QueryRequestInput => ({ community, metrics: ['views'], date_range: ['2024-03-01', '2024-03-10'] });
const get = (community: string, headers: Record<string, string> = {}) =>
  fetch(`${s.url}/api/v1/query?q=${encodeURIComponent(JSON.stringify(query(community)))}`, { headers: { 'Accept-Encoding': 'br', ...headers } });

/** The headers a client sees, without the two that differ per response. */
const headersOf = (res: Response) => Object.fromEntries([...res.headers].filter(([k]) => k !== 'date' && k !== 'x-cache'));

describe('the hit lane', () => {
  it('when an anonymous GET repeats a public query, then the lane answers it with the same headers and bytes, without Express', async () => {
    const first = await get('open', { Origin: 'https://example.org' });
    const firstBody = Buffer.from(await first.arrayBuffer());
    expect(first.headers.get('x-cache')).toBe('miss');
    expect(answered).toHaveBeenCalledTimes(1);

    const again = await get('open', { Origin: 'https://example.org' });
    expect(again.status).toBe(200);
    expect(again.headers.get('x-cache')).toBe('hit');
    expect(headersOf(again)).toEqual(headersOf(first));
    expect(again.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(again.headers.get('access-control-allow-origin')).toBe('https://example.org');
    expect(Buffer.from(await again.arrayBuffer())).toEqual(firstBody);
    expect(answered).toHaveBeenCalledTimes(1);
  });

  it('when the encoding or the origin differ, then the lane does not hand out the other answer', async () => {
    await get('open');
    const gzip = await get('open', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(((await gzip.json()) as { results: { metrics: number[] }[] }).results[0]?.metrics).toEqual([7]);
    const other = await get('open', { Origin: 'https://elsewhere.example' });
    expect(answered).toHaveBeenCalledTimes(3);
    expect(other.headers.get('access-control-allow-origin')).toBe('https://elsewhere.example');
  });

  it('when a request carries a token or an If-None-Match, then Express answers it, and a restricted community never enters the lane', async () => {
    await get('open');
    await get('open', bearer(SECRET_TOKEN));
    const etag = (await get('open')).headers.get('etag')!;
    expect(answered).toHaveBeenCalledTimes(2);
    expect((await get('open', { 'If-None-Match': etag })).status).toBe(304);
    expect(answered).toHaveBeenCalledTimes(3);

    await get('secret', bearer(SECRET_TOKEN));
    expect((await get('secret')).status).toBe(404);
    expect(s.app.ctx.hitLane.size).toBe(1);
  });

  it('when an aggregation run in the server changes the figures, then the next request gets the new figures', async () => {
    const views = async () => ((await (await get('open')).json()) as { results: { metrics: number[] }[] }).results[0]?.metrics[0];
    expect(await views()).toBe(7);
    expect(await views()).toBe(7);
    await importLines(s.db, {
      kind: 'events',
      lines: ['v7', 'v8', 'v9'].map((v) => JSON.stringify({ type: 'view', timestamp: '2024-03-07T12:00:00Z', record_id: 'r1', visitor_id: v })),
      source: 'more',
    });
    await runAndRefresh(s.app.ctx, { today: '2024-03-10' });
    expect(await views()).toBe(10);
  });
});

describe('HitLane', () => {
  const fakeReq = (url: string) => ({ method: 'GET', url, headers: {} }) as never;
  const fakeRes = () => {
    const res = { statusCode: 200, written: null as Buffer | null, getHeaders: () => ({ 'content-type': 'application/json' }), writeHead: vi.fn(), end: (b: Buffer) => (res.written = b) };
    return res;
  };

  it('when an answer is past its freshUntil, then the lane lets the app answer; when full, the oldest goes first', () => {
    let now = 1000;
    const lane = new HitLane({ maxEntries: 2, now: () => now });
    lane.remember(fakeReq('/a'), fakeRes() as never, Buffer.from('A'), 3000);
    const res = fakeRes();
    expect(lane.serve(fakeReq('/a'), res as never)).toBe(true);
    expect(res.written).toEqual(Buffer.from('A'));
    expect(res.writeHead).toHaveBeenCalledWith(200, { 'content-type': 'application/json', 'x-cache': 'hit' });
    now = 3000;
    expect(lane.serve(fakeReq('/a'), fakeRes() as never)).toBe(false);
    expect(lane.size).toBe(0);

    for (const u of ['/b', '/c', '/d']) lane.remember(fakeReq(u), fakeRes() as never, Buffer.from(u), 9000);
    expect(lane.serve(fakeReq('/b'), fakeRes() as never)).toBe(false);
    expect(lane.serve(fakeReq('/d'), fakeRes() as never)).toBe(true);
  });
});
