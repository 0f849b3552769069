import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../storage/port';
import { DEFAULT_SUBCOUNT_CONFIG, type SubcountConfig } from '../config/subcounts';
import { importLines } from './importLines';
import { freshDb, lines } from './testDb';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'reference-records');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The reference's sample records; those saved without an id get their file name as one. */
function fixtures(): Json[] {
  return readdirSync(FIXTURES)
    .sort()
    .map((f) => ({ id: f.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Json) }));
}

/**
 * What each subcount should hold, read straight off the record JSON. Affiliations and funders
 * count only when identified (`identifiedOnly`, on by default as in the reference).
 */
function expectedItems(r: Json): Record<string, string[]> {
  const m = r['metadata'] ?? {};
  const affiliations = [...(m.creators ?? []), ...(m.contributors ?? [])].flatMap((c: Json) =>
    (c['affiliations'] ?? []).flatMap((a: Json) => (a['id'] ? [a['id']] : [])),
  );
  const files = Object.values(r['files']?.entries ?? {}) as Json[];
  return {
    resource_types: [m.resource_type?.id].filter(Boolean),
    access_statuses: [r['access']?.status].filter(Boolean),
    languages: (m.languages ?? []).map((l: Json) => l['id']),
    subjects: (m.subjects ?? []).map((s: Json) => s['id']),
    rights: (m.rights ?? []).map((x: Json) => x['id']),
    funders: (m.funding ?? []).map((f: Json) => f['funder']?.id).filter(Boolean),
    affiliations: [...new Set(affiliations)],
    publishers: [m.publisher].filter(Boolean),
    periodicals: [r['custom_fields']?.['journal:journal']?.title].filter(Boolean),
    file_types: [...new Set(files.map((f) => f['ext'] ?? String(f['key']).split('.').pop()!.toLowerCase()))],
  };
}

let db: SqlEngine;
beforeEach(async () => (db = await freshDb()));
afterEach(async () => db.close());

describe('importing records', () => {
  it("when the reference's sample records are imported, then none is rejected and each subcount holds what its JSON says", async () => {
    const records = fixtures();
    const summary = await importLines(db, { kind: 'records', lines: lines(...records), source: 'fixtures' });
    expect(summary).toMatchObject({ lines: 8, imported: 8, rejected: 0, errors: [] });
    const rows = await db.query<{ record_id: string; field: string; item_id: string }>('SELECT record_id, field, item_id FROM record_items');
    for (const record of records) {
      const expected = expectedItems(record);
      for (const [field, ids] of Object.entries(expected)) {
        const got = rows.filter((r) => r.record_id === record['id'] && r.field === field).map((r) => r.item_id);
        expect({ record: record['id'], field, ids: got.sort() }).toEqual({ record: record['id'], field, ids: [...ids].sort() });
      }
    }
  });

  it('when a sample record is imported, then its row has the dates, files and volume of its JSON', async () => {
    await importLines(db, { kind: 'records', lines: lines(...fixtures()), source: 'fixtures' });
    const [row] = await db.query('SELECT * FROM records WHERE record_id = $1', ['sample_metadata_journal_article_pdf']);
    expect(row).toMatchObject({ published: '2020-01-01', files_enabled: true, file_count: 1, data_volume: 17181, removed: null });
    const metadataOnly = (await db.query('SELECT * FROM records WHERE record_id = $1', ['0dtmf-ph235']))[0];
    expect(metadataOnly).toMatchObject({ created: '2025-06-03', published: '2025-06-03', files_enabled: false, file_count: 0 });
    const fileTypes = await db.query("SELECT item_id, file_count, data_volume FROM record_items WHERE record_id = 'r4w2d-5tg11' AND field = 'file_types'");
    expect(fileTypes).toEqual([{ item_id: 'pdf', file_count: 1, data_volume: 58659795 }]);
  });

  it('when items carry multilingual titles, then their labels are stored per language', async () => {
    await importLines(db, { kind: 'records', lines: lines(...fixtures()), source: 'fixtures' });
    const [label] = await db.query("SELECT labels FROM item_labels WHERE field = 'resource_types' AND item_id = 'textDocument-journalArticle'");
    expect(JSON.parse(String(label?.['labels']))).toEqual({ de: 'Zeitschriftenartikel', en: 'Journal article' });
  });

  it('when sample records name affiliations by text only, then by default only the identified ones count; with identifiedOnly off, every name counts too', async () => {
    const affiliations = async () =>
      (await db.query<{ item_id: string }>("SELECT DISTINCT item_id FROM record_items WHERE field = 'affiliations' ORDER BY item_id")).map((r) => r.item_id);
    await importLines(db, { kind: 'records', lines: lines(...fixtures()), source: 'fixtures' });
    // "University Of British Columbia" beside ROR 03rmrcq20 in the same record is not a second institution.
    expect(await affiliations()).toEqual(['013v4ng57', '03rmrcq20']);

    const named: SubcountConfig = { ...DEFAULT_SUBCOUNT_CONFIG, affiliations: { ...DEFAULT_SUBCOUNT_CONFIG.affiliations, identifiedOnly: false } as SubcountConfig['affiliations'] };
    const other = await freshDb();
    try {
      await importLines(other, { kind: 'records', lines: lines(...fixtures()), source: 'fixtures', subcountConfig: named });
      const rows = await other.query<{ item_id: string }>("SELECT DISTINCT item_id FROM record_items WHERE field = 'affiliations' ORDER BY item_id");
      // Name-only values count under their name, "San Francisco Public Library" then beside its own ROR id.
      expect(rows.map((r) => r.item_id).sort()).toEqual([
        '013v4ng57', '03rmrcq20', 'Henry Ford College', 'San Francisco Public Library', 'University Of British Columbia',
        'University of Missouri - St. Louis', 'University of Southern California', 'Université Sorbonne Paris Nord',
      ]);
    } finally {
      await other.close();
    }
  });

  it('when a record is deleted, has an owner and a parent, then those land in its row', async () => {
    const record = {
      id: 'r1', parent: { id: 'p1', access: { owned_by: { user: 42 } } }, created: '2021-01-02T10:00:00Z',
      metadata: { publication_date: '2020-10/2021', title: 'T' }, files: { enabled: true, entries: { 'a.CSV': { key: 'a.CSV', size: '10' }, 'b.csv': { key: 'b.csv', size: 5 } } },
      deletion_status: { is_deleted: true, status: 'D' }, tombstone: { removal_date: '2023-05-06T07:08:09Z' },
    };
    await importLines(db, { kind: 'records', lines: lines(record), source: 't' });
    expect((await db.query('SELECT parent_id, owner_id, created, published, removed, file_count, data_volume, title FROM records'))[0]).toEqual({
      parent_id: 'p1', owner_id: '42', created: '2021-01-02', published: '2020-10-01', removed: '2023-05-06', file_count: 2, data_volume: 15, title: 'T',
    });
    expect(await db.query("SELECT item_id, file_count, data_volume FROM record_items WHERE field = 'file_types'")).toEqual([
      { item_id: 'csv', file_count: 2, data_volume: 15 },
    ]);
  });

  it('when the same records are imported again, then nothing changes and they count as skipped', async () => {
    await importLines(db, { kind: 'records', lines: lines(...fixtures()), source: 'a' });
    const dirty = await db.query('SELECT count(*) AS n FROM dirty_days');
    await db.exec('DELETE FROM dirty_days');
    const again = await importLines(db, { kind: 'records', lines: lines(...fixtures()), source: 'a' });
    expect(again).toMatchObject({ imported: 0, skipped: 8, rejected: 0 });
    expect(await db.query('SELECT count(*) AS n FROM dirty_days')).toEqual([{ n: 0 }]);
    expect(dirty[0]?.['n']).toBeGreaterThan(0);
  });

  it('when a record changes, then its items are replaced and records dirty from its earliest date for global and its communities', async () => {
    const v1 = { id: 'r1', created: '2024-05-01T00:00:00Z', metadata: { publication_date: '2024', languages: [{ id: 'eng' }] }, parent: { communities: { ids: ['c1'] } } };
    await importLines(db, { kind: 'records', lines: lines(v1), source: 'a' });
    await db.exec('DELETE FROM dirty_days');
    const v2 = { ...v1, metadata: { publication_date: '2019-03', languages: [{ id: 'fra' }] } };
    await importLines(db, { kind: 'records', lines: lines(v2), source: 'a' });
    expect(await db.query("SELECT item_id FROM record_items WHERE field = 'languages'")).toEqual([{ item_id: 'fra' }]);
    expect(await db.query("SELECT community_id, CAST(day AS TEXT) AS day FROM dirty_days WHERE scope = 'records' ORDER BY 1")).toEqual([
      { community_id: 'c1', day: '2019-03-01' },
      { community_id: 'global', day: '2019-03-01' },
    ]);
  });
});
