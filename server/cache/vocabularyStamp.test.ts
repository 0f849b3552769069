import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/open';
import type { SqlEngine } from '../storage/port';
import { SHIPPED_VOCABULARIES, type Vocabularies } from '../config/vocabularies';
import { buildBundle } from '../domain/bundles/build';
import { seedAndAggregate } from '../http/testing';
import { BundleCache, type CacheKey } from './bundleCache';
import { syncVocabularyStamp } from './vocabularyStamp';

let db: SqlEngine;
beforeAll(async () => {
  db = await openDatabase(':memory:');
  await seedAndAggregate(db);
});
afterAll(async () => db?.close());

const key: CacheKey = { community: 'open', category: 'record-delta', year: 2024, basis: 'added' };
const stored = async () => Number((await db.query<{ n: number }>('SELECT count(*) AS n FROM bundle_cache'))[0]?.n);

describe('bundles rendered with other vocabularies', () => {
  it('when the vocabularies change between starts, then stored bundles are dropped; when they do not, they stay', async () => {
    expect(await syncVocabularyStamp(db, SHIPPED_VOCABULARIES)).toBe(true); // no stamp yet: bundles of before are dropped
    await new BundleCache(db, buildBundle).get(key);
    expect(await stored()).toBe(1);

    expect(await syncVocabularyStamp(db, SHIPPED_VOCABULARIES)).toBe(false);
    expect(await stored()).toBe(1);

    const site: Vocabularies = { ...SHIPPED_VOCABULARIES, resource_types: { ...SHIPPED_VOCABULARIES.resource_types, article: { en: 'Article' } } };
    expect(await syncVocabularyStamp(db, site)).toBe(true);
    expect(await stored()).toBe(0);
  });
});
