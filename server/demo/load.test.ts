import { describe, expect, it } from 'vitest';
import { openDuckDb } from '../storage/duckdb';
import { migrate } from '../storage/migrate';
import { generateDemo } from './generate';
import { loadDemo } from './load';

const options = { size: 'tiny', seed: 3, endDate: '2026-05-31' } as const;

describe('loadDemo into DuckDB', () => {
  it(
    'when the tiny demo is imported twice, then every line is accepted once and the second run stores nothing new',
    async () => {
      const db = await openDuckDb(':memory:');
      await migrate(db);
      try {
        const first = await loadDemo(db, options);
        const demo = generateDemo(options);
        const expected = { memberships: [...demo.memberships].length, records: 200, events: [...demo.events].length };
        for (const s of first.summaries) {
          expect(s.rejected, JSON.stringify(s.errors.slice(0, 3))).toBe(0);
          expect(s.imported).toBe(expected[s.kind]);
        }
        const [{ n: stored }] = (await db.query<{ n: number }>('SELECT count(*) AS n FROM events')) as [{ n: number }];
        expect(stored).toBe(expected.events);

        // The explicit history agrees with every record's parent.communities.ids: nothing derived.
        const derived = await db.query("SELECT * FROM memberships WHERE source <> 'explicit'");
        expect(derived).toEqual([]);
        // The importer's own robot detection and status rule find what the generator put in.
        const [flags] = (await db.query<{ robots: number; failed: number; located: number }>(
          'SELECT sum(CASE WHEN is_robot THEN 1 ELSE 0 END) AS robots, sum(CASE WHEN ok THEN 0 ELSE 1 END) AS failed, count(country) AS located FROM events',
        )) as [{ robots: number; failed: number; located: number }];
        expect(flags.robots / stored).toBeGreaterThan(0.06);
        expect(flags.robots / stored).toBeLessThan(0.14);
        expect(flags.failed).toBeGreaterThan(0);
        expect(flags.located / stored).toBeGreaterThan(0.9);

        const second = await loadDemo(db, options);
        for (const s of second.summaries) expect({ kind: s.kind, imported: s.imported }).toEqual({ kind: s.kind, imported: 0 });
        const [{ n: after }] = (await db.query<{ n: number }>('SELECT count(*) AS n FROM events')) as [{ n: number }];
        expect(after).toBe(stored);

        const named = await db.query<{ slug: string; title: string }>('SELECT slug, title FROM communities WHERE title IS NOT NULL ORDER BY slug');
        expect(named.map((c) => c.slug)).toContain('humanities-commons');
      } finally {
        await db.close();
      }
    },
    240_000,
  );
});
