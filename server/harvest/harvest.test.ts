import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../ingest/testDb';
import type { SqlEngine } from '../storage/port';
import { startFakeInvenio, type FakeInvenio } from './fakeInvenio';
import { runHarvest } from './harvest';
import { readHarvestState } from './state';

type Json = Record<string, unknown>;
const SAMPLES = join(import.meta.dirname, '..', 'ingest', 'fixtures', 'reference-records');

/** The reference's sample records as a site serves them: ids, one creation a day, updated an hour later. */
function siteRecords(): Json[] {
  return readdirSync(SAMPLES).sort().map((file, i) => {
    const r = JSON.parse(readFileSync(join(SAMPLES, file), 'utf8')) as Json;
    return {
      ...r, id: `rec${i}`, created: `2025-06-0${i + 1}T08:00:00.000000+00:00`, updated: `2025-06-0${i + 1}T09:00:00.000000+00:00`,
      parent: { ...(r['parent'] as Json), id: `par${i}`, communities: { ids: i % 2 ? ['c1'] : [] } },
    };
  });
}

let db: SqlEngine;
let site: FakeInvenio;
beforeEach(async () => {
  db = await freshDb();
  site = await startFakeInvenio(siteRecords());
});
afterEach(async () => {
  await site.stop();
  await db.close();
});

const harvest = (extra: Partial<Parameters<typeof runHarvest>[1]> = {}) =>
  runHarvest(db, { from: site.url, size: 3, token: 'secret-token', backoffMs: 1, now: () => new Date('2025-07-03T00:00:00Z'), ...extra });
const record = async (id: string) =>
  (await db.query<Json>('SELECT record_id, title, CAST(removed AS TEXT) AS removed, communities FROM records WHERE record_id = $1', [id]))[0];

describe('repostats harvest', () => {
  it('when a site is harvested twice with a deletion and an update between, then the first run pages through three pages and the second asks only for what changed', async () => {
    site.fail(503);
    const first = await harvest();
    expect(first).toMatchObject({ complete: true, resumed: false, since: null, pages: 3, records: 8, imported: 8, skipped: 0, rejected: 0 });
    // One 503, retried; then three pages, each with the token.
    expect(site.requests.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '1', '2', '3']);
    expect(site.requests.every((r) => r.authorization === 'Bearer secret-token')).toBe(true);
    expect(site.requests[0]?.url.searchParams.get('q')).toBeNull();
    expect(Object.fromEntries(site.requests[0]!.url.searchParams)).toMatchObject({ sort: 'oldest', size: '3', allversions: 'true', include_deleted: 'true' });
    expect(await db.query('SELECT COUNT(*) AS n FROM records')).toEqual([{ n: 8 }]);
    expect(first.nextSince).toBe('2025-06-08T09:00:00.000000+00:00');

    const deleted = site.records[2]!;
    Object.assign(deleted, {
      updated: '2025-07-01T10:00:00.000000+00:00',
      deletion_status: { is_deleted: true, status: 'D' },
      tombstone: { removal_date: '2025-07-01T10:00:00.000000+00:00', removal_reason: { id: 'spam' } },
    });
    const updated = site.records[5]!;
    Object.assign(updated, {
      updated: '2025-07-02T10:00:00.000000+00:00',
      metadata: { ...(updated['metadata'] as Json), title: 'A corrected title' },
      parent: { ...(updated['parent'] as Json), communities: { ids: ['c1', 'c2'] } },
    });
    site.requests.length = 0;

    const second = await harvest();
    expect(second).toMatchObject({ since: '2025-06-08T09:00:00.000000+00:00', pages: 1, records: 3, imported: 2, skipped: 1, deleted: 1 });
    expect(site.requests.map((r) => r.url.searchParams.get('q'))).toEqual(['updated:>=2025\\-06\\-08T09\\:00\\:00.000000\\+00\\:00']);
    expect(await record('rec2')).toMatchObject({ removed: '2025-07-01' });
    expect(await record('rec5')).toMatchObject({ title: 'A corrected title', removed: null, communities: '["c1","c2"]' });
    expect(await db.query("SELECT CAST(date AS TEXT) AS date, action FROM memberships WHERE record_id = 'rec5' AND community_id = 'c2'")).toEqual([
      { date: '2025-07-02', action: 'added' },
    ]);
    expect((await readHarvestState(db, site.url)).since).toBe('2025-07-02T10:00:00.000000+00:00');
  });

  it('when a page is refused (403), then the harvest stops naming the status and message, keeps its place, and the next run resumes there', async () => {
    site.fail(403, { page: 3 });
    await expect(harvest()).rejects.toThrow(/GET .*page=3.*: 403 Forbidden: Permission denied\./);
    expect(await db.query('SELECT COUNT(*) AS n FROM records')).toEqual([{ n: 6 }]);
    // 403 is not retried.
    expect(site.requests.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '2', '3']);

    site.recover();
    site.requests.length = 0;
    const resumed = await harvest();
    expect(resumed).toMatchObject({ complete: true, resumed: true, pages: 3, records: 8, imported: 8 });
    expect(site.requests.map((r) => r.url.searchParams.get('page'))).toEqual(['3']);
    expect(await db.query('SELECT COUNT(*) AS n FROM records')).toEqual([{ n: 8 }]);
  });

  it('when more records match than a search window holds, then the harvest continues in windows from the last creation date', async () => {
    const report = await harvest({ size: 2, window: 4 });
    expect(report).toMatchObject({ complete: true, records: 10, imported: 8, skipped: 2 });
    expect(site.requests.map((r) => [r.url.searchParams.get('q'), r.url.searchParams.get('page')])).toEqual([
      [null, '1'],
      [null, '2'],
      ['created:>=2025\\-06\\-04T08\\:00\\:00.000000\\+00\\:00', '1'],
      ['created:>=2025\\-06\\-04T08\\:00\\:00.000000\\+00\\:00', '2'],
      ['created:>=2025\\-06\\-07T08\\:00\\:00.000000\\+00\\:00', '1'],
    ]);
    expect(await db.query('SELECT COUNT(*) AS n FROM records')).toEqual([{ n: 8 }]);
  });

  it('when a run stops after its page budget, then the next run resumes at the following page and finishes', async () => {
    const partial = await harvest({ maxPages: 2 });
    expect(partial).toMatchObject({ complete: false, pages: 2, records: 6 });
    site.requests.length = 0;
    const rest = await harvest();
    expect(rest).toMatchObject({ complete: true, resumed: true, pages: 3, records: 8, imported: 8 });
    expect(site.requests.map((r) => r.url.searchParams.get('page'))).toEqual(['3']);
  });

  it('when a harvested record is invalid, then it is rejected with its page and position and the others are kept', async () => {
    site.records[1] = { ...site.records[1], files: { enabled: 'yes' } } as Json;
    const report = await harvest({ size: 10 });
    expect(report).toMatchObject({ records: 8, imported: 7, rejected: 1 });
    expect(report.errors[0]).toMatchObject({ source: `${site.url} page 1`, line: 2, path: 'files.enabled' });
  });
});
