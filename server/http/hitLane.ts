/**
 * The hit lane: cached answers served before Express. Express's routing and middleware (helmet,
 * CORS, the router stack) cost more per request than writing a cached answer; under 50
 * connections they, not the cache, set the latency (BENCHMARKS.md, "The cached query path").
 *
 * A route that has just sent a public, cacheable answer `remember`s it: the exact status, headers
 * and bytes Express wrote, keyed by everything they depend on that the lane does not check
 * itself: the URL, `Accept-Encoding` and `Origin`. Until the answer's `freshUntil` (when the
 * route would ask the database for the data version again) the same request is answered from the
 * lane with those bytes. Only plain anonymous GETs take the lane: a request with `Authorization`
 * (access depends on it), `If-None-Match` (a 304 is Express's to decide) or any other method goes
 * through Express as before, and so does anything not remembered. `clear()` empties it when what
 * an answer depends on changes in this process (an aggregation run, a community's settings).
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

interface Entry {
  headers: OutgoingHttpHeaders;
  body: Buffer;
  freshUntil: number;
}

/** The requests the lane may answer: a plain anonymous GET (no credentials, no revalidation). */
function eligible(req: IncomingMessage): boolean {
  return req.method === 'GET' && req.headers.authorization === undefined && req.headers['if-none-match'] === undefined;
}

function keyOf(req: IncomingMessage): string {
  return `${req.url ?? ''}\n${req.headers['accept-encoding'] ?? ''}\n${req.headers.origin ?? ''}`;
}

export class HitLane {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: { maxEntries: number; now?: () => number }) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Answers `req` from the lane and returns true; false hands it to the app. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (this.entries.size === 0 || !eligible(req)) return false;
    const key = keyOf(req);
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (this.now() >= entry.freshUntil) {
      this.entries.delete(key);
      return false;
    }
    res.writeHead(200, entry.headers);
    res.end(entry.body);
    return true;
  }

  /**
   * Keep the answer Express just sent for `req` (status 200, `body` the bytes written) until
   * `freshUntil`. Call it only for answers anyone may read: the lane does not check access.
   */
  remember(req: IncomingMessage, res: ServerResponse, body: Buffer, freshUntil: number): void {
    if (!eligible(req) || res.statusCode !== 200 || this.now() >= freshUntil) return;
    const headers = { ...res.getHeaders(), 'x-cache': 'hit' };
    const key = keyOf(req);
    this.entries.delete(key);
    this.entries.set(key, { headers, body, freshUntil });
    // Oldest first out: a Map iterates in insertion order.
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
