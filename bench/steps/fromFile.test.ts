import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../server/demo/load';
import { runAggregation } from '../../server/domain/aggregate/run';
import { openDatabase } from '../../server/storage/open';
import type { SqlEngine } from '../../server/storage/port';
import { datasetFromFile, demoSizeOf, restoreHeldLastDay, yearsOf } from './fromFile';

const FACTS = [
  'SELECT * FROM agg_usage_facts ORDER BY ALL',
  'SELECT * FROM agg_record_facts ORDER BY ALL',
  'SELECT kind, community_id, day FROM agg_bookmarks ORDER BY ALL',
];
const facts = async (db: SqlEngine) => Promise.all(FACTS.map((sql) => db.query(sql)));

describe('a bench data set from an existing DuckDB file', () => {
  it(
    'when the copy is reset, aggregated, given its last day back and aggregated again, then it ends with the facts of the original, which is left untouched',
    { timeout: 120_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'repostats-bench-file-'));
      const original = join(dir, 'original.duckdb');
      const db = await openDatabase(original);
      await loadDemo(db, { size: 'tiny', seed: 5, endDate: '2026-05-31' });
      await runAggregation(db);
      const expected = await facts(db);
      await db.close();
      const bytes = readFileSync(original);

      const benchDir = mkdtempSync(join(tmpdir(), 'repostats-bench-copy-'));
      const { dataset, facts: described } = await datasetFromFile({ file: original, dir: benchDir, forAggregation: true, log: () => undefined });
      expect(readFileSync(original).equals(bytes)).toBe(true);
      expect(dataset.db).not.toBe(original);
      expect(dataset.lastDayFile).toBeNull();
      expect(described).toMatchObject({ records: 200, communities: 5, lastDay: '2026-05-31' });
      expect(described.lastDayEvents).toBeGreaterThan(0);
      expect(demoSizeOf(described)).toBe('tiny');
      expect(yearsOf(described)).toBe(1);

      const copy = await openDatabase(dataset.db);
      try {
        expect(await copy.query('SELECT * FROM agg_usage_facts LIMIT 1')).toEqual([]);
        const [{ n }] = (await copy.query<{ n: number }>("SELECT count(*) AS n FROM events WHERE day = DATE '2026-05-31'")) as [{ n: number }];
        expect(n).toBe(0);
        await runAggregation(copy);
        const restored = await restoreHeldLastDay(copy);
        expect(restored.events).toBe(described.lastDayEvents);
        const incremental = await runAggregation(copy);
        expect(incremental.days).toBeLessThanOrEqual(2);
        expect(await facts(copy)).toEqual(expected);
      } finally {
        await copy.close();
        for (const d of [dir, benchDir]) rmSync(d, { recursive: true, force: true });
      }
    },
  );
});
