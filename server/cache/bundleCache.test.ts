import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { openDatabase } from '../storage/open';
import type { SqlEngine } from '../storage/port';
import { buildBundle } from '../domain/bundles/build';
import { seedAndAggregate } from '../http/testing';
import { BundleCache, type BuildBundle, type CacheKey } from './bundleCache';
import { withIdentity } from './encode';

let db: SqlEngine;
beforeAll(async () => {
  db = await openDatabase(':memory:');
  await seedAndAggregate(db);
});
afterAll(async () => db?.close());

const usage: CacheKey = { community: 'open', category: 'usage-delta', year: 2024, basis: null };
const records: CacheKey = { community: 'open', category: 'record-delta', year: 2024, basis: 'added' };

function countingBuild(): { build: BuildBundle; builds: () => number } {
  let n = 0;
  return {
    build: (d, k) => {
      n += 1;
      return buildBundle(d, k);
    },
    builds: () => n,
  };
}

describe('BundleCache memory', () => {
  it('when bundles are cached, then memory and the table hold only their gzip and brotli forms, and the identity form inflates to the bundle JSON', async () => {
    await db.exec('DELETE FROM bundle_cache');
    const cache = new BundleCache(db, buildBundle);
    const a = await cache.get(usage);
    const b = await cache.get(records);
    expect(a && 'identity' in a).toBe(false);
    const held = (a?.gzip.length ?? 0) + (a?.br.length ?? 0) + (b?.gzip.length ?? 0) + (b?.br.length ?? 0);
    expect(cache.memory).toEqual({ bytes: held, bundles: 2 });
    const json = JSON.stringify(await buildBundle(db, usage));
    expect((await withIdentity(a!)).identity.toString('utf8')).toBe(json);
    expect(gunzipSync(a!.gzip).toString('utf8')).toBe(json);
    // The table keeps only the compressed forms too (the identity form was most of each row).
    const [row] = await db.query<{ body: string; gzip: string }>("SELECT body, gzip FROM bundle_cache WHERE community_id = 'open' AND category = 'usage-delta'");
    expect(row?.body).toBe('');
    expect(gunzipSync(Buffer.from(row!.gzip, 'base64')).toString('utf8')).toBe(json);
  });

  it('when the byte bound is smaller than both bundles, then the least recent leaves memory and comes back from the table without a rebuild', async () => {
    await db.exec('DELETE FROM bundle_cache');
    const probe = new BundleCache(db, buildBundle);
    const sizeOf = async (k: CacheKey) => {
      const e = await probe.get(k);
      return (e?.gzip.length ?? 0) + (e?.br.length ?? 0);
    };
    const bound = Math.max(await sizeOf(usage), await sizeOf(records));
    const { build, builds } = countingBuild();
    const cache = new BundleCache(db, build, { lruBytes: bound });
    await cache.get(usage);
    await cache.get(records);
    expect(cache.memory.bundles).toBe(1);
    expect(cache.memory.bytes).toBeLessThanOrEqual(bound);
    expect(await cache.get(usage)).not.toBeNull();
    expect(builds()).toBe(0); // both were stored by the probe: read back, never rebuilt
  });
});
