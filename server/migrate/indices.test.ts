import { describe, expect, it } from 'vitest';
import { classifyIndex, indexNameOfFile } from './indices';

describe('classifyIndex', () => {
  it.each([
    ['stats-community-events-2024', { kind: 'community-events' }],
    ['kcworks-stats-community-events', { kind: 'community-events' }],
    ['stats-community-events-reindexing', { kind: 'ignored' }],
    ['events-stats-record-view-2024-05', { kind: 'usage-events', enriched: false }],
    ['events-stats-file-download-2024-05.v2.0.0', { kind: 'usage-events', enriched: true }],
    ['site-events-stats-file-download', { kind: 'usage-events', enriched: false }],
    ['stats-community-records-delta-created-2025', { kind: 'daily-aggregation', aggregation: 'records-delta-created' }],
    ['stats-community-records-snapshot-published-2025', { kind: 'daily-aggregation', aggregation: 'records-snapshot-published' }],
    ['stats-community-records-delta-2025', { kind: 'daily-aggregation', aggregation: 'records-delta' }],
    ['stats-community-usage-delta-2025', { kind: 'daily-aggregation', aggregation: 'usage-delta' }],
    ['stats-community-usage-snapshot', { kind: 'daily-aggregation', aggregation: 'usage-snapshot' }],
    ['stats-record-view-2024-05', { kind: 'ignored' }],
    ['rdmrecords-records-record-v7.0.0-1712345678', { kind: 'records' }],
    ['records', { kind: 'records' }],
    ['site_records-page-2', { kind: 'records' }],
    ['stats-community-records-yearly', { kind: 'unrecognised' }],
    ['communities', { kind: 'unrecognised' }],
  ])('when the index is %s, then it is %j', (name, expected) => {
    expect(classifyIndex(name)).toMatchObject(expected);
  });
});

describe('indexNameOfFile', () => {
  it.each([
    ['export/stats-community-events-2024.ndjson.gz', 'stats-community-events-2024'],
    ['events-stats-record-view-2024-05.v2.0.0.json', 'events-stats-record-view-2024-05.v2.0.0'],
    ['stats-community-usage-delta-2025_data.json', 'stats-community-usage-delta-2025'],
  ])('when the file is %s, then the index is %s', (file, index) => {
    expect(indexNameOfFile(file)).toBe(index);
  });
});
