/**
 * Bad input through the one importer every path uses (`importLines`): whatever mix of good and
 * malformed lines arrives, it never throws, keeps every good line, and reports every bad line by
 * its line number.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLines } from '../../server/ingest';
import { openDuckDb } from '../../server/storage/duckdb';
import { migrate } from '../../server/storage/migrate';
import type { SqlEngine } from '../../server/storage/port';

let db: SqlEngine;
let serial = 0;
type Kind = 'events' | 'records' | 'memberships';

beforeAll(async () => {
  db = await openDuckDb(':memory:');
  await migrate(db);
});
afterAll(() => db.close());

/** Text that is not a JSON object and not blank (blank lines are skipped by design). */
const garbage = fc.oneof(
  fc.string({ minLength: 1 }).filter((s) => s.trim() !== '' && !isJsonObject(s)),
  fc.jsonValue().filter((v) => v === null || typeof v !== 'object' || Array.isArray(v)).map((v) => JSON.stringify(v)),
);

function isJsonObject(s: string): boolean {
  try {
    const v: unknown = JSON.parse(s);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}

/** A good line of each kind, unique per call so every good line is a new one. */
const good: Record<Kind, () => object> = {
  events: () => {
    const n = serial++;
    return { type: 'view', timestamp: new Date(Date.UTC(2024, 0, 1) + n * 61_000).toISOString(), record_id: `rec-${n % 40}`, visitor_id: `v${n}` };
  },
  records: () => {
    const n = serial++;
    return {
      id: `r${n}-abcde`, created: '2024-02-01T10:00:00Z', updated: '2024-02-01T10:00:00Z',
      parent: { id: `p${n}`, communities: { ids: [] }, access: { owned_by: { user: 'u1' } } },
      metadata: { title: `Record ${n}`, publication_date: '2024-02-01', resource_type: { id: 'dataset', title: { en: 'Dataset' } } },
      files: { enabled: false },
    };
  },
  memberships: () => {
    const n = serial++;
    return { record_id: `r${n}`, community_id: 'c1', action: 'added', date: '2024-03-01' };
  },
};

/**
 * Ways to break a good line: a required field removed or given a value of the wrong kind. (Ids
 * given as numbers are accepted as their text; a record without `created` or `parent` is
 * accepted with fallbacks: neither is listed here.)
 */
const ALL: unknown[] = [undefined, null, 42, '', 'not-a-value-2024-13-45', [], {}];
const NOT_TEXT: unknown[] = [undefined, null, '', [], {}];
const breaks: Record<Kind, [string, unknown[]][]> = {
  events: [['type', ALL], ['timestamp', ALL], ['record_id', NOT_TEXT]],
  records: [['id', NOT_TEXT], ['created', [null, 42, '', 'not-a-value-2024-13-45', [], {}]], ['parent', [42, '', 'x', []]]],
  memberships: [['record_id', NOT_TEXT], ['community_id', [undefined, null, 42, '', [], {}]], ['action', ALL], ['date', ALL]],
};
const broken = (kind: Kind) => fc.constantFrom(...breaks[kind]).chain(([field, values]) => fc.constantFrom(...values).map((value) => ({ field, value })));

const lineArb = (kind: Kind) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(null).map(() => ({ good: true, why: 'good', make: () => JSON.stringify(good[kind]()) })) },
    { weight: 1, arbitrary: garbage.map((text) => ({ good: false, why: text, make: () => text })) },
    {
      weight: 2,
      arbitrary: broken(kind).map(({ field, value }) => ({
        good: false,
        why: `${field}: ${JSON.stringify(value)}`,
        make: () => JSON.stringify({ ...good[kind](), [field]: value }),
      })),
    },
  );

describe('importLines with malformed lines', () => {
  for (const kind of ['events', 'records', 'memberships'] as const) {
    it(`when ${kind} lines mix good and malformed ones, then good ones are kept and each bad one is reported by its line number`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(lineArb(kind), { minLength: 1, maxLength: 40 }), async (specs) => {
          const lines = specs.map((s) => s.make());
          const summary = await importLines(db, { kind, lines, source: 'prop' });
          const badLines = specs.flatMap((s, i) => (s.good ? [] : [i + 1]));
          expect(summary.lines).toBe(lines.length);
          expect(summary.rejected).toBe(badLines.length);
          expect(summary.imported + summary.skipped).toBe(lines.length - badLines.length);
          expect([...new Set(summary.errors.map((e) => e.line))].sort((a, b) => a - b)).toEqual(badLines);
          for (const e of summary.errors) {
            expect(e.source).toBe('prop');
            expect(e.message.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 100, seed: 42 },
      );
    }, 60_000);
  }
});
