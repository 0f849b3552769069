/**
 * Many invalid lines in one ingest (issue 13, item 8): validation yields to the event loop, so
 * `/healthz` keeps answering while the import is in progress, and the report lists a bounded
 * number of line errors and counts the rest. When the importer takes its first and its last line is
 * recorded by a wrapper around the real importer's input; the assertion is on the order of events, not on durations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realDomain } from '../../server/http/wiring';
import { startServer, type RunningServer } from '../../server/http/server';
import { ADMIN } from '../../server/http/testing';
import { MAX_REPORTED_ERRORS } from '../../server/ingest/importLines';

const LINES = 300_000;
const events: string[] = [];
let server: RunningServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'repostats-hard-'));
  const domain = realDomain();
  // Marks when the importer takes the first line and when it has taken the last: the validation.
  const importLines: typeof domain.importLines = (db, opts) => {
    const lines = opts.lines as Iterable<string>;
    function* watched(): Generator<string> {
      events.push('validation-start');
      yield* lines;
      events.push('validation-end');
    }
    return domain.importLines(db, { ...opts, lines: watched() });
  };
  server = await startServer({
    env: {},
    config: { port: 0, host: '127.0.0.1', db: join(dir, 'test.duckdb'), adminToken: ADMIN, ingestLimitBytes: 64 * 1024 ** 2 },
    domain: { ...domain, importLines },
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an ingest of many invalid lines', () => {
  it('when it is being validated, then /healthz answers meanwhile, and the errors reported are capped and the rest counted', async () => {
    // Each line is JSON but not an event: every one goes through the schema and is rejected.
    const body = '{"type":"view","record_id":"r1"}\n'.repeat(LINES);
    let done = false;
    const ingest = fetch(`${server.url}/api/v1/ingest/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${ADMIN}` },
      body,
    }).then(async (res) => {
      done = true;
      return { status: res.status, summary: (await res.json()) as { lines: number; rejected: number; errors: unknown[]; errorsOmitted: number } };
    });
    // One /healthz after another until the ingest has answered.
    while (!done) {
      const res = await fetch(`${server.url}/healthz`);
      if (res.ok) events.push('healthz');
      await res.arrayBuffer();
    }
    const { status, summary } = await ingest;

    const [start, end] = [events.indexOf('validation-start'), events.indexOf('validation-end')];
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const during = events.slice(start, end).filter((e) => e === 'healthz');
    expect(during.length).toBeGreaterThanOrEqual(3);

    expect(status).toBe(422);
    expect(summary.lines).toBe(LINES);
    expect(summary.rejected).toBe(LINES);
    expect(summary.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(summary.errors.length + summary.errorsOmitted).toBeGreaterThanOrEqual(LINES);
  }, 180_000);
});
