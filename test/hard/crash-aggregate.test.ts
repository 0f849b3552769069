/**
 * Crash safety of the aggregation: `repostats aggregate` SIGKILLed at seeded random moments,
 * several times, then allowed to finish, leaves exactly what an uninterrupted run leaves: the same
 * stored facts and bookmarks, and so the same bundles and daily documents.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGGREGATION_KINDS } from '../../src/core/kinds';
import { BASES, type Category } from '../../src/core/metrics';
import { buildBundle } from '../../server/domain/bundles/build';
import { getDailyDocs } from '../../server/domain/docs/get';
import type { SqlEngine } from '../../server/storage/port';
import { importAll, runCli, seeded, withDb, writeTinyDemo } from './support';

let dir: string;
let killedDb: string;
let cleanDb: string;

beforeAll(async () => {
  const demo = await writeTinyDemo();
  dir = demo.dir;
  killedDb = join(dir, 'killed.duckdb');
  cleanDb = join(dir, 'clean.duckdb');
  await importAll(killedDb, demo.files);
  copyFileSync(killedDb, cleanDb);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every stored aggregation row, in a stable order (run bookkeeping times left out). */
async function storedState(db: SqlEngine): Promise<{ recordFacts: unknown[]; usageFacts: unknown[]; bookmarks: unknown[]; dirtyDays: unknown[] }> {
  return {
    recordFacts: await db.query('SELECT * FROM agg_record_facts ORDER BY ALL'),
    usageFacts: await db.query('SELECT * FROM agg_usage_facts ORDER BY ALL'),
    bookmarks: await db.query('SELECT kind, community_id, CAST(day AS TEXT) AS day FROM agg_bookmarks ORDER BY ALL'),
    dirtyDays: await db.query('SELECT scope, community_id, CAST(day AS TEXT) AS day FROM dirty_days ORDER BY ALL'),
  };
}

const CATEGORIES: Category[] = ['record-delta', 'record-snapshot', 'usage-delta', 'usage-snapshot'];

/** Bundles of global (every category × basis) and of the largest community (every category), and global's daily documents of all eight kinds. */
async function served(db: SqlEngine): Promise<Record<string, unknown>> {
  const [largest] = await db.query<{ c: string }>(
    `SELECT community_id AS c FROM memberships GROUP BY community_id ORDER BY COUNT(*) DESC, community_id LIMIT 1`,
  );
  const out: Record<string, unknown> = {};
  for (const community of ['global', largest!.c]) {
    for (const category of CATEGORIES) {
      // Every basis for global; the default one for the community (bounded test time).
      const bases = category.startsWith('usage') ? [null] : community === 'global' ? BASES : (['added'] as const);
      for (const basis of bases) {
        out[`${community}/${category}/${basis}`] = await buildBundle(db, { community, category, year: 2024, basis });
      }
    }
  }
  for (const kind of AGGREGATION_KINDS) {
    out[`docs/${kind}`] = await getDailyDocs(db, { kind, community: 'global', start: '2023-01-01', end: '2024-12-31' });
  }
  return out;
}

describe('aggregation killed with SIGKILL', () => {
  it('when a run is killed at random moments and then finishes, then facts, bundles and documents equal an uninterrupted run', async () => {
    const random = seeded(20241231);
    const outcomes: string[] = [];
    const afterKills: Awaited<ReturnType<typeof storedState>>[] = [];
    // Kill points are tied to the run's own progress lines, not to wall time, so they land
    // mid-run however fast or loaded the machine is.
    for (let i = 0; i < 3; i++) {
      const nth = 1 + Math.floor(random() * 4);
      const r = await runCli(['aggregate', '--db', killedDb], { killAtLine: { pattern: /^aggregate /, nth } });
      outcomes.push(`progress line ${nth}: ${r.killed ? 'killed' : `exit ${r.code}`}`);
      if (!r.killed) expect(r.code, r.output).toBe(0);
      else afterKills.push(await withDb(killedDb, storedState));
    }
    const finish = await runCli(['aggregate', '--db', killedDb]);
    expect(finish.code, finish.output).toBe(0);
    const clean = await runCli(['aggregate', '--db', cleanDb]);
    expect(clean.code, clean.output).toBe(0);
    // At least one kill must have interrupted a run, or the test proves nothing.
    expect(outcomes.some((o) => o.endsWith('killed')), outcomes.join('; ')).toBe(true);

    const [killedState, cleanState] = [await withDb(killedDb, storedState), await withDb(cleanDb, storedState)];
    expect(killedState.usageFacts.length).toBeGreaterThan(0);
    expect(killedState).toEqual(cleanState);
    // At least one kill landed mid-run: some work was committed, but not all of it.
    const midRun = afterKills.some((st) => st.bookmarks.length + st.usageFacts.length + st.recordFacts.length > 0 && JSON.stringify(st) !== JSON.stringify(cleanState));
    expect(midRun, outcomes.join('; ')).toBe(true);
    const [killedServed, cleanServed] = [await withDb(killedDb, served), await withDb(cleanDb, served)];
    expect(Object.values(cleanServed).filter((b) => b !== null).length).toBeGreaterThan(10);
    expect(killedServed).toEqual(cleanServed);
  }, 180_000);
});
