import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordSnapshotDoc, UsageDeltaDoc } from '../domain/docs/schema';
import { runAggregation } from '../domain/aggregate/run';
import { getDailyDocs } from '../domain/docs/get';
import { freshDb } from '../ingest/testDb';
import type { SqlEngine } from '../storage/port';
import { runMigration, type MigrationReport } from './migrate';
import { formatMigrationReport } from './report';

type Json = Record<string, unknown>;
const SAMPLES = join(import.meta.dirname, '..', 'ingest', 'fixtures', 'reference-records');
const REFERENCE_DOCS = join(import.meta.dirname, '..', 'domain', 'docs', 'fixtures', 'reference-docs');

/** The sample records as REST hits: ids, creation on 2025-06-0x, the first three in community c1. */
function records(): Json[] {
  return readdirSync(SAMPLES).sort().map((file, i) => {
    const r = JSON.parse(readFileSync(join(SAMPLES, file), 'utf8')) as Json;
    return {
      ...r, id: `rec${i}`, created: `2025-06-0${1 + (i % 3)}T08:00:00Z`, updated: '2025-06-05T00:00:00Z',
      parent: { ...(r['parent'] as Json), id: `par${i}`, communities: { ids: i < 3 ? ['c1'] : [] } },
    };
  });
}

const ndjson = (rows: unknown[]) => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;
const hit = (index: string, source: Json, id = 'x') => ({ _index: index, _id: id, _type: '_doc', _source: source });

/** The reference's legacy view events (bare _source, type from the file name) for rec0 and rec1. */
const views = [
  { timestamp: '2025-06-03T10:00:00', recid: 'rec0', parent_recid: 'par0', visitor_id: 'vis-a', unique_session_id: 's1', unique_id: 'ui_rec0', country: 'US', referrer: 'https://example.org/x', is_robot: false, via_api: false },
  { timestamp: '2025-06-03T11:00:00', recid: 'rec1', parent_recid: 'par1', visitor_id: 'vis-b', unique_session_id: 's2', unique_id: 'ui_rec1', country: 'CA', is_robot: false },
  { timestamp: '2025-06-04T09:00:00', recid: 'rec0', parent_recid: 'par0', visitor_id: 'vis-c', unique_session_id: 's3', unique_id: 'ui_rec0', country: 'US', is_robot: false },
];

function writeExport(dir: string): void {
  const all = records();
  writeFileSync(join(dir, 'records.ndjson'), ndjson(all.slice(0, 6)));
  // The last two as a pretty-printed REST search response.
  writeFileSync(join(dir, 'records-page-2.json'), JSON.stringify({ hits: { hits: all.slice(6), total: 8 }, links: {} }, null, 2));
  const index = 'stats-community-events-2025';
  const event = (record: string, community: string, type: string, date: string) => ({
    timestamp: `${date}T00:00:00`, record_id: record, community_id: community, event_type: type, event_date: `${date}T00:00:00`,
    record_created_date: '2025-06-01T08:00:00', record_published_date: '2020-01-01', is_deleted: false, deleted_date: null, updated_timestamp: `${date}T00:00:00`,
  });
  const events = [
    hit(index, event('rec0', 'c1', 'added', '2025-06-02')),
    hit(index, event('rec1', 'c1', 'added', '2025-06-02')),
    hit(index, event('rec2', 'c1', 'added', '2025-06-03')),
    hit(index, event('rec2', 'c1', 'removed', '2025-06-04')),
    hit(index, event('rec0', 'global', 'added', '2025-06-01')),
    hit(index, { ...event('rec1', 'c2', 'moved', '2025-06-03') }),
    hit(index, event('gone', 'c1', 'added', '2025-06-01')),
  ];
  writeFileSync(join(dir, 'stats-community-events-2025.ndjson.gz'), gzipSync(ndjson(events)));
  writeFileSync(join(dir, 'events-stats-record-view-2025-06.ndjson'), ndjson([...views, { ...views[0], recid: '' }]));
  // The reference's enriched copy of the same views: every one a duplicate.
  const enriched = 'events-stats-record-view-2025-06.v2.0.0';
  writeFileSync(join(dir, `${enriched}.ndjson`), ndjson(views.map((v) => hit(enriched, { ...v, community_ids: ['c1'], resource_type: { id: 'textDocument-book' } }))));
  const downloads = 'events-stats-file-download-2025-06.v2.0.0';
  // An alias dump: the file is named by the alias, its hits by their monthly index.
  writeFileSync(join(dir, 'events-stats-file-download.json'), ndjson([
    hit(downloads, { timestamp: '2025-06-03T12:00:00', recid: 'rec0', visitor_id: 'vis-a', unique_session_id: 's1', file_key: 'a.pdf', size: 1000, bucket_id: 'b', file_id: 'f', country: 'US', is_robot: false, community_ids: ['c1'] }),
  ]));
  const usageDocs = JSON.parse(readFileSync(join(REFERENCE_DOCS, 'sample_usage_delta_docs__MOCK_USAGE_DELTA_DOCS.json'), 'utf8')) as Json[];
  writeFileSync(join(dir, 'stats-community-usage-delta-2025.ndjson'), ndjson(usageDocs.map((d) => hit('stats-community-usage-delta-2025', d))));
  const recordDocs = JSON.parse(readFileSync(join(REFERENCE_DOCS, 'sample_record_snapshot_docs__MOCK_RECORD_SNAPSHOT_DOCS.json'), 'utf8')) as Json[];
  writeFileSync(join(dir, 'snapshot-created.ndjson'), ndjson(recordDocs));
  writeFileSync(join(dir, 'stats-bookmarks.ndjson'), ndjson([{ _index: 'stats-bookmarks', _source: { date: '2025-06-05' } }]));
  writeFileSync(join(dir, 'communities.ndjson'), ndjson([{ id: 'c1', slug: 'one' }]));
  // multielasticdump's metadata beside the data: not documents, not listed.
  writeFileSync(join(dir, 'stats-community-events-2025.mapping.json'), JSON.stringify({ 'stats-community-events-2025': { mappings: {} } }));
}

let db: SqlEngine;
let dir: string;
beforeEach(async () => {
  db = await freshDb();
  dir = mkdtempSync(join(tmpdir(), 'repostats-migrate-'));
  writeExport(dir);
});
afterEach(async () => db.close());

const migrate = () => runMigration(db, { dir, salt: 's', now: new Date('2025-06-05T12:00:00Z') });
const row = (report: MigrationReport, index: string) => report.indices.find((i) => i.index === index);
const tables = async () => ({
  records: await db.query('SELECT record_id, raw FROM records ORDER BY record_id'),
  memberships: await db.query('SELECT record_id, community_id, action, CAST(date AS TEXT) AS date, source FROM memberships ORDER BY ALL'),
  events: await db.query('SELECT event_key, type, record_id, CAST(ts AS TEXT) AS ts FROM events ORDER BY event_key'),
});

describe('repostats migrate', () => {
  it('when an export holds every index kind, then each is recognised and counted, and the good lines are imported', async () => {
    const report = await migrate();
    expect(report.files).toBe(10);
    expect(report.indices.map((i) => [i.index, i.kind, i.read, i.imported, i.skipped, i.rejected])).toEqual([
      // The pretty-printed response names its index by its file. Within a kind, files go in path order.
      ['records-page-2', 'records', 2, 2, 0, 0],
      ['records', 'records', 6, 6, 0, 0],
      ['stats-community-events-2025', 'community-events', 7, 6, 0, 1],
      ['events-stats-file-download', 'usage-events', 1, 1, 0, 0],
      ['events-stats-record-view-2025-06', 'usage-events', 4, 3, 0, 1],
      ['events-stats-record-view-2025-06.v2.0.0', 'usage-events', 3, 0, 3, 0],
      ['stats-community-records-snapshot-created-2025', 'daily-aggregation', 4, 4, 0, 0],
      ['stats-community-usage-delta-2025', 'daily-aggregation', 1, 1, 0, 0],
      ['stats-bookmarks', 'ignored', 1, 0, 0, 0],
      ['communities', 'unrecognised', 1, 0, 0, 0],
    ]);
    expect(row(report, 'stats-community-usage-delta-2025')?.note).toBeNull();
    expect(row(report, 'stats-community-events-2025')?.examples.map((e) => `${e.source}:${e.line}: ${e.path}`)).toEqual([
      `${join(dir, 'stats-community-events-2025.ndjson.gz')}:6: event_type`,
    ]);
    expect(row(report, 'events-stats-record-view-2025-06')?.examples[0]).toMatchObject({ line: 4, path: 'recid', message: 'must not be empty' });
    expect(report.changed).toBe(true);
    expect(report.missingRecords).toEqual({ memberships: 1, events: 0 });

    expect(await db.query("SELECT type, COUNT(*) AS n FROM events GROUP BY type ORDER BY type")).toEqual([{ type: 'download', n: 1 }, { type: 'view', n: 3 }]);
    expect(await db.query("SELECT record_id, action, CAST(date AS TEXT) AS date, source FROM memberships WHERE community_id = 'c1' ORDER BY record_id, date")).toEqual([
      { record_id: 'gone', action: 'added', date: '2025-06-01', source: 'explicit' },
      { record_id: 'rec0', action: 'added', date: '2025-06-02', source: 'explicit' },
      { record_id: 'rec1', action: 'added', date: '2025-06-02', source: 'explicit' },
      { record_id: 'rec2', action: 'added', date: '2025-06-03', source: 'explicit' },
      { record_id: 'rec2', action: 'removed', date: '2025-06-04', source: 'explicit' },
      // rec2 is still in c1 by its JSON: its history continues on its update day.
      { record_id: 'rec2', action: 'added', date: '2025-06-05', source: 'derived' },
    ]);
  });

  it('when the export is aggregated, then the community counts its records from the exported membership dates and its usage', async () => {
    await migrate();
    await runAggregation(db, { today: '2025-06-05' });
    const snapshots = (await getDailyDocs(db, { kind: 'records-snapshot-added', community: 'c1', start: '2025-06-01', end: '2025-06-05' })) as RecordSnapshotDoc[];
    const held = (d: RecordSnapshotDoc) => d.total_records.metadata_only + d.total_records.with_files;
    expect(snapshots.map((d) => [d.snapshot_date, held(d)])).toEqual([['2025-06-02', 2], ['2025-06-03', 3], ['2025-06-04', 2], ['2025-06-05', 3]]);
    const [usage] = (await getDailyDocs(db, { kind: 'usage-delta', community: 'c1', start: '2025-06-03', end: '2025-06-03' })) as UsageDeltaDoc[];
    expect(usage?.totals.view.total_events).toBe(2);
    expect(usage?.totals.download).toMatchObject({ total_events: 1, total_volume: 1000 });
  });

  it('when the same export is migrated again, then nothing changes and the report says so', async () => {
    await migrate();
    const before = await tables();
    const again = await migrate();
    expect(again.changed).toBe(false);
    expect(again.indices.every((i) => i.imported === 0)).toBe(true);
    expect(row(again, 'events-stats-record-view-2025-06')).toMatchObject({ read: 4, skipped: 3, rejected: 1 });
    expect(await tables()).toEqual(before);
    expect(formatMigrationReport(again)).toContain('Nothing changed: every document of this export is already in the database');
  });

  it('when a file is not JSON at all, then the report names it and every other file still loads', async () => {
    writeFileSync(join(dir, 'records-broken.json'), '{"hits": {"hits": [');
    const report = await migrate();
    expect(row(report, 'records-broken')?.fileErrors).toEqual([`${join(dir, 'records-broken.json')}: not JSON, nor one JSON document per line`]);
    expect(row(report, 'records')).toMatchObject({ imported: 6 });
    expect(formatMigrationReport(report)).toContain('Files not read (the others were):');
  });

  it('when the report is printed, then each index has its row and the rejected lines their file:line', async () => {
    const text = formatMigrationReport(await migrate());
    expect(text).toMatch(/^index +kind +read +imported +skipped +rejected$/m);
    expect(text).toMatch(/^stats-community-events-2025 +community events +7 +6 +0 +1$/m);
    expect(text).toMatch(/^stats-community-usage-delta-2025 +daily documents +1 +1 +0 +0$/m);
    expect(text).toContain('  usage-delta: 1 day, 2025-06-01 … 2025-06-01: 1 from the documents only, 0 with raw events');
    expect(text).toContain(`  ${join(dir, 'events-stats-record-view-2025-06.ndjson')}:4: recid: must not be empty`);
    expect(text).toContain('Records not in the database: 1 named by membership events');
    expect(text).toContain('Next: `repostats aggregate`');
  });
});
