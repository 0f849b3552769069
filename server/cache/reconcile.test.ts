import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/open';
import type { SqlEngine } from '../storage/port';
import { buildBundle } from '../domain/bundles/build';
import { seedAndAggregate } from '../http/testing';
import { BundleCache, type CacheKey } from './bundleCache';
import { reconcileWithRuns } from './reconcile';

let db: SqlEngine;
beforeAll(async () => {
  db = await openDatabase(':memory:');
  await seedAndAggregate(db);
});
afterAll(async () => db?.close());

const key: CacheKey = { community: 'open', category: 'usage-delta', year: 2024, basis: null };
const other: CacheKey = { community: 'open', category: 'record-delta', year: 2024, basis: 'added' };
const stored = async () => Number((await db.query<{ n: number }>('SELECT count(*) AS n FROM bundle_cache'))[0]?.n);
const later = () => new Date(Date.now() + 1000).toISOString();

async function freshCache() {
  await db.exec("DELETE FROM agg_runs WHERE run_id LIKE 'r-%'");
  await db.exec('DELETE FROM bundle_cache');
  const cache = new BundleCache(db, buildBundle);
  await cache.get(key);
  await cache.get(other);
  expect(await stored()).toBe(2);
  // Everything up to now is already reconciled; only the runs inserted below are new.
  const { checkedUpTo } = await reconcileWithRuns(db, cache, null);
  return { cache, since: checkedUpTo };
}

describe('reconcileWithRuns', () => {
  it('when a finished run affected one cached bundle, then only that one is dropped', async () => {
    const { cache, since } = await freshCache();
    const t = later();
    await db.exec(`INSERT INTO agg_runs (run_id, started_at, finished_at, status, summary) VALUES ('r-done', $1, $1, 'done', $2)`, [
      t,
      JSON.stringify({ affected: [key] }),
    ]);
    const r = await reconcileWithRuns(db, cache, since);
    expect(r).toMatchObject({ runs: 1, dropped: 1, checkedUpTo: t });
    expect(await stored()).toBe(1);
  });

  it('when a run was killed (no finish time), then every bundle built before is dropped', async () => {
    const { cache, since } = await freshCache();
    await db.exec(`INSERT INTO agg_runs (run_id, started_at, status) VALUES ('r-killed', $1, 'interrupted')`, [later()]);
    const r = await reconcileWithRuns(db, cache, since);
    expect(r.dropped).toBe(2);
    expect(await stored()).toBe(0);
  });
});
