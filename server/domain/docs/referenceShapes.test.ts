/**
 * The daily documents against the reference's own sample documents
 * (`reference/fixtures/sample_*_docs__*.json`), key by key: every key the reference has, we have,
 * with the same JSON type, down to the subcount items and their labels.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOC_SCHEMAS, type UsageSnapshotDoc } from './schema';
import type { AggregationKind } from '../../../src/core/kinds';
import type { SqlEngine } from '../../storage/port';
import { importLines } from '../../ingest';
import { freshDb, lines } from '../../ingest/testDb';
import { runAggregation } from '../aggregate/run';
import { getDailyDocs } from './get';

/** Copied from the reference's fixtures (reference/fixtures/sample_*_docs__*.json, MIT). */
const REFERENCE = join(import.meta.dirname, 'fixtures', 'reference-docs');
const SAMPLES = join(import.meta.dirname, '..', '..', 'ingest', 'fixtures', 'reference-records');
const DAY = '2025-06-02';

type Json = Record<string, unknown>;

/** Every sample record, created on one day (so one delta document holds every item), one with a funder. */
function sampleRecords(): Json[] {
  return readdirSync(SAMPLES).sort().map((file, i) => {
    const record = JSON.parse(readFileSync(join(SAMPLES, file), 'utf8')) as Json;
    const metadata = { ...(record['metadata'] as Json) };
    if (i === 0) metadata['funding'] = [{ funder: { id: '00k4n6c31', name: 'National Endowment for the Humanities' } }];
    return { ...record, id: record['id'] ?? file.replace(/\.json$/, ''), created: `${DAY}T09:00:00Z`, metadata };
  });
}

function usageEvents(records: Json[]): Json[] {
  return records.flatMap((r, i) => {
    const id = String(r['id']);
    const entry = Object.values(((r['files'] as Json | undefined)?.['entries'] ?? {}) as Record<string, Json>)[0];
    const base = { timestamp: `${DAY}T1${i}:00:00Z`, record_id: id, visitor_id: `v${i}`, country: i % 2 ? 'CA' : 'US', referrer: 'https://example.org/a' };
    const view = { ...base, type: 'view' };
    return entry ? [view, { ...base, type: 'download', file_key: entry['key'], size: entry['size'] }] : [view];
  });
}

/** The reference's documents of one sample file (search hits or bare documents). */
function referenceDocs(file: string): Json[] {
  const list = JSON.parse(readFileSync(join(REFERENCE, file), 'utf8')) as Json[];
  return list.map((d) => (d['_source'] as Json | undefined) ?? d);
}

const typeOf = (v: unknown) => (v === undefined ? 'missing' : v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Paths where `ours` lacks a key of `ref` or has another JSON type; arrays compare each of our
 * elements with the reference's first. A `label`'s languages are data (a record may carry no
 * title), so only its type is compared. `uncovered` gets the arrays the reference fills and we
 * left empty, so the test can insist its data reaches every shape.
 */
function shapeDiff(ref: unknown, ours: unknown, path: string, out: { issues: string[]; uncovered: string[] }): void {
  if (ref === null) return;
  if (typeOf(ref) !== typeOf(ours)) {
    out.issues.push(`${path}: reference ${typeOf(ref)}, ours ${typeOf(ours)}`);
    return;
  }
  if (path.endsWith('.label')) return;
  if (Array.isArray(ref)) {
    const list = ours as unknown[];
    if (ref.length > 0 && list.length === 0) out.uncovered.push(path);
    if (ref.length > 0) list.forEach((o, i) => shapeDiff(ref[0], o, `${path}[${i}]`, out));
    return;
  }
  if (typeof ref === 'object') {
    for (const [k, v] of Object.entries(ref as Json)) shapeDiff(v, (ours as Json)[k], `${path}.${k}`, out);
  }
}

let db: SqlEngine;
beforeAll(async () => {
  db = await freshDb();
  const records = sampleRecords();
  await importLines(db, { kind: 'records', lines: lines(...records), source: 'samples' });
  await importLines(db, { kind: 'events', lines: lines(...usageEvents(records)), source: 'events', salt: 's' });
  await runAggregation(db, { today: DAY });
});
afterAll(() => db.close());

const CASES: [file: string, kind: AggregationKind][] = [
  ['sample_record_delta_docs__MOCK_RECORD_DELTA_DOCS.json', 'records-delta-created'],
  ['sample_record_delta_docs__MOCK_RECORD_DELTA_DOCS_2.json', 'records-delta-added'],
  ['sample_record_snapshot_docs__MOCK_RECORD_SNAPSHOT_DOCS.json', 'records-snapshot-created'],
  ['sample_usage_delta_docs__MOCK_USAGE_DELTA_DOCS.json', 'usage-delta'],
  ['sample_usage_delta_docs__MOCK_USAGE_DELTA_DOCS_2.json', 'usage-delta'],
  ['sample_usage_snapshot_docs__MOCK_USAGE_SNAPSHOT_DOCS.json', 'usage-snapshot'],
];

describe('daily documents in the reference\'s shapes', () => {
  it.each(CASES)('when %s is compared with our %s document, then every reference key is there with its type', async (file, kind) => {
    const [ours] = await getDailyDocs(db, { kind, community: 'global', start: DAY, end: DAY });
    expect(() => DOC_SCHEMAS[kind].parse(ours)).not.toThrow();
    for (const ref of referenceDocs(file)) {
      const out = { issues: [] as string[], uncovered: [] as string[] };
      shapeDiff(ref, ours, kind, out);
      expect(out).toEqual({ issues: [], uncovered: [] });
    }
  });

  it('when a usage snapshot is read, then top fields rank by views and by downloads separately, and "all" fields stay lists', async () => {
    const [doc] = (await getDailyDocs(db, { kind: 'usage-snapshot', community: 'global', start: DAY, end: DAY })) as UsageSnapshotDoc[];
    const countries = doc?.subcounts['countries'] as { by_view: { id: string; view: { total_events: number } }[]; by_download: { id: string }[] };
    // Four US and four CA views (records 0–7 alternate); US holds more of the downloads (one CA record is metadata-only).
    expect(countries.by_view.map((c) => [c.id, c.view.total_events])).toEqual([['CA', 4], ['US', 4]]);
    expect(countries.by_download.map((c) => c.id)).toEqual(['US', 'CA']);
    expect(Array.isArray(doc?.subcounts['access_statuses'])).toBe(true);
    expect(doc?.subcounts_other['countries']).toMatchObject({ by_view: { items: 0 }, by_download: { items: 0 } });
  });

  it('when labels are read, then vocabulary fields keep {lang: label}, the others a string, and every item has its labels map', async () => {
    const [doc] = await getDailyDocs(db, { kind: 'records-delta-created', community: 'global', start: DAY, end: DAY });
    const subcounts = (doc as { subcounts: Record<string, { id: string; label: unknown; labels: Record<string, string> }[]> }).subcounts;
    const article = subcounts['resource_types']?.find((r) => r.id === 'textDocument-journalArticle');
    expect(article?.label).toEqual({ de: 'Zeitschriftenartikel', en: 'Journal article' });
    const funder = subcounts['funders']?.[0];
    expect(funder).toMatchObject({ id: '00k4n6c31', label: 'National Endowment for the Humanities', labels: { en: 'National Endowment for the Humanities' } });
    // Records give access statuses no label: the shipped vocabulary does (server/config/vocabularies.ts).
    expect(subcounts['access_statuses']?.find((a) => a.id === 'open')).toMatchObject({
      label: 'Open', labels: { de: 'Offen', en: 'Open', es: 'Abierto', fr: 'Ouvert' },
    });
    expect(doc).toMatchObject({ timestamp: `${DAY}T23:59:59Z`, updated_timestamp: `${DAY}T23:59:59Z` });
  });
});
