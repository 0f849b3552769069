/**
 * Test support: a loopback InvenioRDM records API serving given records as its search pages
 * (`GET /api/records?q=&sort=oldest&size=&page=&include_deleted=`), with `links.next`, the
 * `updated:>=` / `created:>=` query clauses the harvest sends, deleted records only on request,
 * OpenSearch's 10,000-hit window, and failures on demand. Every request is recorded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeletedRecord } from '../ingest/record';

type Json = Record<string, unknown>;

export interface FakeInvenio {
  /** The records API URL (`http://127.0.0.1:PORT/api/records`). */
  url: string;
  /** Served as they are at each request: tests edit them between runs. */
  records: Json[];
  requests: { url: URL; authorization: string | undefined }[];
  /** Answer the next `times` requests (or every request for `page`) with this status. */
  fail: (status: number, options?: { times?: number; page?: number }) => void;
  /** Answer normally again. */
  recover: () => void;
  stop: () => Promise<void>;
}

const RESULT_WINDOW = 10_000;

export async function startFakeInvenio(records: Json[]): Promise<FakeInvenio> {
  const failures: { status: number; times: number; page?: number }[] = [];
  const fake: FakeInvenio = {
    url: '',
    records,
    requests: [],
    fail: (status, options = {}) => failures.push({ status, times: options.times ?? (options.page ? Infinity : 1), page: options.page }),
    recover: () => failures.splice(0),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', fake.url);
    fake.requests.push({ url, authorization: req.headers.authorization });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const page = Number(url.searchParams.get('page') ?? '1');
    const failure = failures.find((f) => f.times > 0 && (f.page === undefined || f.page === page));
    if (failure) {
      failure.times -= 1;
      return send(failure.status, { status: failure.status, message: failure.status === 403 ? 'Permission denied.' : 'Service unavailable.' });
    }
    if (url.pathname !== '/api/records') return send(404, { status: 404, message: 'Not found.' });
    const size = Number(url.searchParams.get('size') ?? '10');
    if (page * size > RESULT_WINDOW) return send(400, { status: 400, message: `Maximum number of ${RESULT_WINDOW} results have been reached.` });
    const matching = fake.records
      .filter((r) => url.searchParams.get('include_deleted') === 'true' || !isDeletedRecord(r))
      .filter((r) => clauses(url.searchParams.get('q')).every(([field, from]) => Date.parse(String(r[field])) >= Date.parse(from)))
      .sort((a, b) => Date.parse(String(a['created'])) - Date.parse(String(b['created'])) || String(a['id']).localeCompare(String(b['id'])));
    const hits = matching.slice((page - 1) * size, page * size);
    const next = new URL(url);
    next.searchParams.set('page', String(page + 1));
    send(200, {
      hits: { hits, total: matching.length },
      links: { self: url.toString(), ...(page * size < matching.length ? { next: next.toString() } : {}) },
      sortBy: url.searchParams.get('sort'),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/records`;
  return fake;
}

/** `updated:>=2025\-06… AND created:>=…` → [['updated', '2025-06…'], …] (Lucene escapes undone). */
function clauses(q: string | null): [field: string, from: string][] {
  if (!q) return [];
  return q.split(' AND ').map((clause) => {
    const m = /^(updated|created):>=(.+)$/.exec(clause);
    if (!m) throw new Error(`the fake InvenioRDM understands updated:>= and created:>= only, not ${clause}`);
    return [m[1]!, m[2]!.replace(/\\(.)/g, '$1')];
  });
}
