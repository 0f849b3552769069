import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../../src/api/schemas';
import { ADMIN, bearer, startTestServer, type TestServer } from '../testing';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ ingestLimitBytes: 4096, ingestRatePerMinute: 12 });
});
afterAll(async () => s?.stop());

const url = (kind: string) => `${s.url}/api/v1/ingest/${kind}`;
const post = (kind: string, body: string, type: string, token = ADMIN) =>
  fetch(url(kind), { method: 'POST', headers: { ...bearer(token), 'Content-Type': type }, body });

interface Summary {
  lines: number;
  imported: number;
  rejected: number;
  errors: { line: number; path: string; message: string }[];
}

describe('POST /api/v1/ingest/{kind}', () => {
  it('when NDJSON has a bad line, then the good lines are kept and the bad one is reported with line and path', async () => {
    const lines = [
      JSON.stringify({ record_id: 'r1', community_id: 'c1', action: 'added', date: '2024-01-02' }),
      JSON.stringify({ record_id: 'r2', community_id: 'c1', action: 'joined', date: '2024-01-02' }),
      JSON.stringify({ record_id: 'r3', community_id: 'c1', action: 'added', date: '2024-01-03' }),
    ].join('\n');
    const res = await post('memberships', lines, 'application/x-ndjson');
    expect(res.status).toBe(200);
    const summary = (await res.json()) as Summary;
    expect(summary).toMatchObject({ lines: 3, imported: 2, rejected: 1 });
    expect(summary.errors[0]).toMatchObject({ line: 2, path: 'action' });
    const rows = await s.db.query<{ n: number }>("SELECT count(*) AS n FROM memberships WHERE community_id = 'c1'");
    expect(Number(rows[0]?.n)).toBe(2);
  });

  it('when a JSON array is posted, then each element is one line', async () => {
    const events = [
      { type: 'view', timestamp: '2024-01-05T10:00:00Z', record_id: 'r1', visitor_id: 'a' },
      { type: 'view', timestamp: '2024-01-05T11:00:00Z', record_id: 'r1', visitor_id: 'b' },
    ];
    const summary = (await (await post('events', JSON.stringify(events), 'application/json')).json()) as Summary;
    expect(summary).toMatchObject({ lines: 2, imported: 2, rejected: 0 });
    // Idempotent: the same body again imports nothing twice.
    const again = (await (await post('events', JSON.stringify(events), 'application/json')).json()) as Summary;
    expect(again.imported).toBe(0);
  });

  it('when every line is invalid, then 422 with the per-line errors', async () => {
    const res = await post('memberships', '{"record_id": 1}\n{"nope": true}', 'application/x-ndjson');
    expect(res.status).toBe(422);
    const summary = (await res.json()) as Summary;
    expect(summary.rejected).toBe(2);
    expect([...new Set(summary.errors.map((e) => e.line))]).toEqual([1, 2]);
  });

  it('when the body is not JSON, then 400 names the body', async () => {
    const res = await post('events', '[{"type":', 'application/json');
    expect(res.status).toBe(400);
    expect(ErrorBodySchema.parse(await res.json()).error).toMatchObject({ code: 'invalid_json', path: 'body' });
  });

  it('when there is no token or not the admin token, then 401 / 403', async () => {
    const none = await fetch(url('events'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[]' });
    expect(none.status).toBe(401);
    expect((await post('events', '[]', 'application/json', 'someone-else')).status).toBe(403);
  });

  it('when the content type is neither JSON nor NDJSON, then 415', async () => {
    const res = await post('events', 'a,b,c', 'text/csv');
    expect(res.status).toBe(415);
    expect(ErrorBodySchema.parse(await res.json()).error.code).toBe('unsupported_media_type');
  });

  it('when the kind is unknown, then 400 names it', async () => {
    const res = await post('users', '[]', 'application/json');
    expect(res.status).toBe(400);
    expect(ErrorBodySchema.parse(await res.json()).error.path).toBe('kind');
  });

  it('when the body is larger than the limit, then 413 as JSON', async () => {
    const big = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ type: 'view', record_id: `r${i}`, padding: 'x'.repeat(20) })));
    const res = await post('events', big, 'application/json');
    expect(res.status).toBe(413);
    expect(ErrorBodySchema.parse(await res.json()).error.code).toBe('payload_too_large');
  });

  it('when more requests come than the rate allows, then 429 as JSON', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 15; i++) last = await post('events', '[]', 'application/json');
    expect(last?.status).toBe(429);
    expect(ErrorBodySchema.parse(await last!.json()).error.code).toBe('rate_limited');
  });
});
