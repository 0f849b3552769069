/**
 * Values the line schemas once accepted but the database could not hold, or the aggregation could
 * not cope with: a size beyond int64, dates far in the past or future, impossible calendar days.
 * Through the CLI and the HTTP ingest API, each such line is rejected with its own line number and
 * a message naming the field, and every good line around it is stored.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, bearer, startTestServer, type TestServer } from '../../server/http/testing';
import { runCli, withDb } from './support';

type Kind = 'events' | 'records' | 'memberships';
const HUGE = '9223372036854775808';

const good: Record<Kind, (n: number) => object> = {
  events: (n) => ({
    type: 'download', timestamp: new Date(Date.UTC(2024, 0, 1) + n * 61_000).toISOString(), record_id: `rec-${n % 7}`,
    visitor_id: `v${n}`, file_key: 'a.pdf', size: String(1000 + n),
  }),
  records: (n) => ({
    id: `r${n}-poison`, created: '2024-02-01T10:00:00Z', updated: '2024-02-01T10:00:00Z',
    parent: { id: `p${n}`, communities: { ids: ['c1'] } }, metadata: { title: `Record ${n}`, publication_date: '1850' },
    files: { enabled: true, entries: { 'a.pdf': { key: 'a.pdf', ext: 'pdf', size: String(1000 + n) } } },
  }),
  memberships: (n) => ({ record_id: `r${n}`, community_id: 'c1', action: 'added', date: '2024-03-01' }),
};

/** Poison lines of each kind: [the line, the field its error names, what the message says]. */
const poison: Record<Kind, [object, string, RegExp][]> = {
  events: [
    [{ ...good.events(90_001), size: HUGE }, 'size', /at most 9007199254740991/],
    [{ ...good.events(90_002), size: 2 ** 60 }, 'size', /9007199254740991/],
    [{ ...good.events(90_003), timestamp: '9999-12-31' }, 'timestamp', /must not be after .*tomorrow/],
    [{ ...good.events(90_004), timestamp: '0000-01-01T00:00:00Z' }, 'timestamp', /must not be before 1990-01-01/],
    [{ ...good.events(90_005), timestamp: '1989-12-31T23:59:59Z' }, 'timestamp', /must not be before 1990-01-01/],
    [{ ...good.events(90_006), timestamp: '2026-02-30T10:00:00Z' }, 'timestamp', /not a valid date-time/],
  ],
  records: [
    [{ ...good.records(90_001), files: { entries: { 'a.pdf': { key: 'a.pdf', size: HUGE } } } }, 'files.entries.a.pdf.size', /at most/],
    [{ ...good.records(90_002), files: { enabled: true, count: 1, total_bytes: HUGE } }, 'files.total_bytes', /at most/],
    [{ ...good.records(90_003), created: '0000-01-01' }, 'created', /before 1990-01-01/],
    [{ ...good.records(90_004), updated: '9999-12-31T00:00:00Z' }, 'updated', /after/],
    [{ ...good.records(90_005), created: '2025-02-29T00:00:00Z' }, 'created', /not a valid date-time/],
  ],
  memberships: [
    [{ ...good.memberships(90_001), date: '9999-12-31' }, 'date', /after/],
    [{ ...good.memberships(90_002), date: '0000-01-01' }, 'date', /before 1990-01-01/],
    [{ ...good.memberships(90_003), date: '2026-02-30' }, 'date', /not a valid date/],
  ],
};

const TABLES: Record<Kind, string> = { events: 'events', records: 'records', memberships: "memberships WHERE source = 'explicit'" };

/** `count` good lines with the kind's poison lines spread among them; the poison lines' numbers (1-based). */
function mixed(kind: Kind, count: number): { lines: string[]; poisonAt: number[] } {
  const lines = Array.from({ length: count }, (_, n) => JSON.stringify(good[kind](n)));
  const bad = poison[kind].map(([line]) => JSON.stringify(line));
  bad.forEach((line, i) => lines.splice(Math.floor(((i + 1) * count) / (bad.length + 1)) + i, 0, line));
  return { lines, poisonAt: bad.map((line) => lines.indexOf(line) + 1) };
}

function expectRejections(kind: Kind, errors: { line: number; path: string; message: string }[], poisonAt: number[]): void {
  expect(errors.map((e) => e.line)).toEqual(poisonAt);
  errors.forEach((e, i) => {
    const [, path, message] = poison[kind][i]!;
    expect(e.path, `line ${e.line}`).toBe(path);
    expect(e.message, `line ${e.line}`).toMatch(message);
  });
}

describe('poison values through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'repostats-poison-'));
  const db = join(dir, 'cli.duckdb');

  for (const kind of ['records', 'memberships', 'events'] as const) {
    it(`when a ${kind} file holds values no column can hold or dates outside the window, then those lines are reported and every good one is stored`, async () => {
      const count = kind === 'events' ? 3_000 : 300;
      const { lines, poisonAt } = mixed(kind, count);
      const file = join(dir, `${kind}.ndjson`);
      writeFileSync(file, lines.join('\n') + '\n');
      const run = await runCli(['import', kind, file, '--db', db]);
      expect(run.code, run.output).toBe(1);
      for (const at of poisonAt) expect(run.output).toContain(`${file}:${at}: `);
      const stored = await withDb(db, (d) => d.query<{ n: number | bigint }>(`SELECT COUNT(*) AS n FROM ${TABLES[kind]}`));
      expect(Number(stored[0]!.n)).toBe(count);
    }, 60_000);
  }
});

describe('poison values through the HTTP ingest API', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ ingestRatePerMinute: 100_000 });
  }, 30_000);
  afterAll(() => s?.stop());

  for (const kind of ['records', 'memberships', 'events'] as const) {
    it(`when a ${kind} request holds poison lines among 50 good ones, then it answers 200, names each poison line, and stores the 50`, async () => {
      const { lines, poisonAt } = mixed(kind, 50);
      const res = await fetch(`${s.url}/api/v1/ingest/${kind}`, {
        method: 'POST',
        headers: { ...bearer(ADMIN), 'Content-Type': 'application/x-ndjson' },
        body: lines.join('\n'),
      });
      expect(res.status).toBe(200);
      const summary = (await res.json()) as { imported: number; rejected: number; errors: { line: number; path: string; message: string }[] };
      expect(summary).toMatchObject({ imported: 50, rejected: poison[kind].length });
      expectRejections(kind, summary.errors, poisonAt);
      const stored = await s.db.query<{ n: number | bigint }>(`SELECT COUNT(*) AS n FROM ${TABLES[kind]}`);
      expect(Number(stored[0]!.n)).toBe(50);
    });
  }
});
