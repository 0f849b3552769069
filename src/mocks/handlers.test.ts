import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from './handlers';

const API = 'http://localhost/api';
const server = setupServer(...createHandlers({ apiBase: API, today: '2024-06-15' }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const ask = async (q: unknown) => {
  const response = await fetch(`${API}/v1/query?q=${encodeURIComponent(JSON.stringify(q))}`);
  return { status: response.status, body: (await response.json()) as { error?: { message: string; path?: string }; results?: unknown[] } };
};

describe('mock query API', () => {
  it('when a query asks by record, then it answers 400 naming the dimension (bundles hold no per-record figures)', async () => {
    const { status, body } = await ask({ community: 'global', metrics: ['views'], dimensions: ['record'], date_range: '12mo' });
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(/record dimension/);
  });

  it('when a query asks by field, then it answers rows', async () => {
    const { status, body } = await ask({ community: 'global', metrics: ['views'], dimensions: ['field:countries'], date_range: '12mo' });
    expect(status).toBe(200);
    expect(body.results?.length).toBeGreaterThan(0);
  });
});
