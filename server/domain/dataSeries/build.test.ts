/**
 * The data-series transformer against the reference's own pairs of fixtures: its sample daily
 * documents (server/domain/docs/fixtures/reference-docs) and the data-series sets its transformers
 * made of them (fixtures/reference-series, both copied from reference/fixtures, MIT). Every series
 * the reference's set holds, ours holds with the same points. (The reference's record snapshot
 * set was not made from its sample snapshot documents, so it is compared by shape only, in
 * server/http/routes/statsDashboard.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataSeriesSet, type DashboardCategory, type DataSeriesSet } from './build';

const DOCS = join(import.meta.dirname, '..', 'docs', 'fixtures', 'reference-docs');
const SERIES = join(import.meta.dirname, 'fixtures', 'reference-series');
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
const docs = (file: string) => (read(join(DOCS, file)) as Record<string, unknown>[]).map((d) => d['_source'] ?? d);

/**
 * Every series as `subcount.metric.id` → its points (and year), the form both sides are compared
 * in. Names are labels and are left out: the reference's sets name some items `""` or by a Python
 * repr (`"{'en': 'English'}"`) where ours carry the documents' labels.
 */
function points(set: DataSeriesSet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [subcount, byMetric] of Object.entries(set)) {
    for (const [metric, list] of Object.entries(byMetric)) for (const s of list) out.set(`${subcount}.${metric}.${s.id}`, { year: s.year, data: s.data });
  }
  return out;
}

describe('buildDataSeriesSet (against the reference\'s fixtures)', () => {
  it.each([
    ['record-delta', 'sample_record_delta_docs__MOCK_RECORD_DELTA_DOCS_2.json', 'sample_record_delta_data_series__MOCK_RECORD_DELTA_DATA_SERIES_SET.json', 51],
    ['usage-delta', 'sample_usage_delta_docs__MOCK_USAGE_DELTA_DOCS_2.json', 'sample_usage_delta_data_series__MOCK_USAGE_DELTA_DATA_SERIES.json', 50],
    ['usage-snapshot', 'sample_usage_snapshot_docs__MOCK_USAGE_SNAPSHOT_DOCS.json', 'sample_usage_snapshot_data_series__MOCK_USAGE_SNAPSHOT_DATA_SERIES.json', 50],
  ] as const)('when the %s documents of %s are transformed, then every series of the reference\'s set has its points', (category, docsFile, seriesFile, count) => {
    const ours = points(buildDataSeriesSet(category as DashboardCategory, docs(docsFile)));
    const reference = points(read(join(SERIES, seriesFile)) as DataSeriesSet);
    expect(reference.size).toBe(count);
    for (const [key, series] of reference) expect(ours.get(key), key).toEqual(series);
  });

  it('when a delta removes records, then the series holds the net change of the day', () => {
    const doc = {
      period_start: '2025-03-02T00:00:00', uploaders: 0,
      records: { added: { metadata_only: 1, with_files: 0 }, removed: { metadata_only: 0, with_files: 3 } },
      parents: { added: { metadata_only: 1, with_files: 0 }, removed: { metadata_only: 0, with_files: 2 } },
      files: { added: { file_count: 0, data_volume: 0 }, removed: { file_count: 4, data_volume: 400 } },
      subcounts: {},
    };
    const set = buildDataSeriesSet('record-delta', [doc]);
    expect([set['global']!['records']![0]!.data, set['global']!['parents']![0]!.data, set['global']!['data_volume']![0]!.data]).toEqual([[['03-02', -2]], [['03-02', -1]], [['03-02', -400]]]);
    expect([set['file_presence']!['metadata_only']![0]!.data, set['file_presence']!['with_files']![0]!.data]).toEqual([[['03-02', 1]], [['03-02', -3]]]);
  });

  it('when the documents span two years, then the series carry full dates and no year', () => {
    const doc = (day: string, views: number) => ({ period_start: `${day}T00:00:00`, totals: { view: { total_events: views }, download: {} }, subcounts: {} });
    const [views] = buildDataSeriesSet('usage-delta', [doc('2024-12-31', 2), doc('2025-01-01', 5)])['global']!['views']!;
    expect(views).toEqual({ id: 'global', name: 'Global', type: 'bar', valueType: 'number', data: [['2024-12-31', 2], ['2025-01-01', 5]] });
  });
});
