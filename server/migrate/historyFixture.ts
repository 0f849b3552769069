/**
 * Test support: a synthetic export of the reference's eight daily aggregation indices, built from
 * the reference's sample documents, for one community, with days that have documents only
 * (2025-05-30 … 06-02) and a day that also has raw inputs (2025-06-03: one record added to the
 * community, one view). Used by the DuckDB tests beside it and the PostgreSQL parity test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const REFERENCE_DOCS = join(import.meta.dirname, '..', 'domain', 'docs', 'fixtures', 'reference-docs');
const SAMPLE_RECORD = join(import.meta.dirname, '..', 'ingest', 'fixtures', 'reference-records', 'sample_metadata_book_pdf.json');
const sample = (file: string): Json[] =>
  (JSON.parse(readFileSync(join(REFERENCE_DOCS, file), 'utf8')) as Json[]).map((d) => (d['_source'] as Json | undefined) ?? d);
const ndjson = (rows: unknown[]) => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;

/** The community of the reference's sample record delta documents. */
export const C = '5733deff-2f76-4f8c-bb99-8df48bdd725f';
/** Days with documents only, then the day that also has raw inputs. */
export const DOC_ONLY = ['2025-05-30', '2025-05-31', '2025-06-01', '2025-06-02'];
export const BOTH = '2025-06-03';
export const BASES = ['added', 'created', 'published'] as const;

/** The sample record delta documents of 2025-05-30 … 2025-06-03 (the reference's own figures and subcounts). */
const recordDeltas = () => sample('sample_record_delta_docs__MOCK_RECORD_DELTA_DOCS.json').filter((d) => String(d['period_start']) < '2025-06-04');

/** Snapshot documents in the reference's shape, each day the running sum of the delta documents; uploaders as the reference counts them. */
function recordSnapshots(deltas: Json[]): Json[] {
  const [template] = sample('sample_record_snapshot_docs__MOCK_RECORD_SNAPSHOT_DOCS.json');
  const sum = { rmo: 0, rwf: 0, pmo: 0, pwf: 0, files: 0, volume: 0 };
  return deltas.map((d, i) => {
    sum.rmo += d.records.added.metadata_only - d.records.removed.metadata_only;
    sum.rwf += d.records.added.with_files - d.records.removed.with_files;
    sum.pmo += d.parents.added.metadata_only - d.parents.removed.metadata_only;
    sum.pwf += d.parents.added.with_files - d.parents.removed.with_files;
    sum.files += d.files.added.file_count - d.files.removed.file_count;
    sum.volume += d.files.added.data_volume - d.files.removed.data_volume;
    const day = String(d['period_start']).slice(0, 10);
    return {
      ...template, community_id: C, snapshot_date: day, timestamp: `${day}T23:59:59`, updated_timestamp: `${day}T23:59:59`,
      total_records: { metadata_only: sum.rmo, with_files: sum.rwf }, total_parents: { metadata_only: sum.pmo, with_files: sum.pwf },
      total_files: { file_count: sum.files, data_volume: sum.volume }, total_uploaders: i < 2 ? 1 : 2,
    };
  });
}

/** Usage delta documents for C: the reference's sample day, moved to 05-31, 06-01 and 06-03. */
function usageDeltas(): Json[] {
  const [a] = sample('sample_usage_delta_docs__MOCK_USAGE_DELTA_DOCS.json');
  const [b] = sample('sample_usage_delta_docs__MOCK_USAGE_DELTA_DOCS_2.json');
  return [['2025-05-31', a], ['2025-06-01', b], [BOTH, b]].map(([day, d]) => ({
    ...(d as Json), community_id: C, period_start: `${day}T00:00:00`, period_end: `${day}T23:59:59`,
  }));
}

function usageSnapshots(deltas: Json[]): Json[] {
  const [template] = sample('sample_usage_snapshot_docs__MOCK_USAGE_SNAPSHOT_DOCS.json');
  const add = (x: Json, y: Json): Json => Object.fromEntries(Object.keys(y).map((k) => [k, typeof y[k] === 'number' ? (x[k] ?? 0) + y[k] : add(x[k] ?? {}, y[k])]));
  let totals: Json = {};
  return deltas.map((d) => {
    totals = add(totals, d.totals);
    const day = String(d['period_start']).slice(0, 10);
    return { ...template, community_id: C, snapshot_date: `${day}T23:59:59`, totals };
  });
}

export function writeExport(dir: string): { recordDeltas: Json[]; recordSnapshots: Json[]; usageDeltas: Json[]; usageSnapshots: Json[] } {
  const record = JSON.parse(readFileSync(SAMPLE_RECORD, 'utf8')) as Json;
  writeFileSync(join(dir, 'records.ndjson'), ndjson([{ ...record, id: 'rec0', created: `${BOTH}T08:00:00Z`, parent: { id: 'par0', communities: { ids: [C] } } }]));
  writeFileSync(join(dir, 'stats-community-events-2025.ndjson'), ndjson([{
    _index: 'stats-community-events-2025', _id: 'e1', _source: {
      timestamp: `${BOTH}T08:00:00`, record_id: 'rec0', community_id: C, event_type: 'added', event_date: `${BOTH}T08:00:00`,
      record_created_date: `${BOTH}T08:00:00`, record_published_date: '2008', is_deleted: false, deleted_date: null,
    },
  }]));
  writeFileSync(join(dir, 'events-stats-record-view-2025-06.ndjson'), ndjson([
    { timestamp: `${BOTH}T10:00:00`, recid: 'rec0', parent_recid: 'par0', visitor_id: 'vis-a', unique_session_id: 's1', country: 'US', is_robot: false },
  ]));
  const hits = (index: string, docs: Json[]) => ndjson(docs.map((d) => ({ _index: index, _id: `${C}-${String(d['period_start'] ?? d['snapshot_date']).slice(0, 10)}`, _source: d })));
  const out = { recordDeltas: recordDeltas(), recordSnapshots: [] as Json[], usageDeltas: usageDeltas(), usageSnapshots: [] as Json[] };
  out.recordSnapshots = recordSnapshots(out.recordDeltas);
  out.usageSnapshots = usageSnapshots(out.usageDeltas);
  for (const basis of BASES) {
    writeFileSync(join(dir, `stats-community-records-delta-${basis}-2025.ndjson`), hits(`stats-community-records-delta-${basis}-2025`, out.recordDeltas));
    // Bare `_source` documents: the file's name says the index.
    writeFileSync(join(dir, `stats-community-records-snapshot-${basis}-2025.ndjson`), ndjson(out.recordSnapshots));
  }
  writeFileSync(join(dir, 'stats-community-usage-delta-2025.ndjson'), hits('stats-community-usage-delta-2025', out.usageDeltas));
  writeFileSync(join(dir, 'stats-community-usage-snapshot-2025.json'), JSON.stringify(out.usageSnapshots, null, 2));
  return out;
}

