import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../ingest/testDb';
import { EXPECTED, loadHandBuiltMonth } from '../domain/counter/fixture';
import { counterCoverage, monthlyItemMetrics, type MonthlyMetricRow } from './counter';
import type { SqlEngine } from './port';

let db: SqlEngine;
beforeAll(async () => {
  db = await freshDb();
  await loadHandBuiltMonth(db);
});
afterAll(() => db.close());

const march = { from: '2024-03-01', to: '2024-03-31' };
const figures = (r: MonthlyMetricRow | undefined) => (r ? [r.tii, r.tir, r.uii, r.uir] : undefined);

describe('monthlyItemMetrics by item', () => {
  it('when the whole repository is asked for, then each record has its hand-counted figures and the restricted community is left out', async () => {
    const rows = await monthlyItemMetrics(db, { community: 'global', includeRestricted: false, ...march, by: 'item' });
    const byId = new Map(rows.map((r) => [r.record_id, r]));
    expect([...byId.keys()].sort()).toEqual(['ar-1', 'bk-1v1', 'bk-1v2', 'ds-1']);
    // Double clicks (2 of 4 views), robots (none), two sessions of v2 (2 unique requests), the
    // download that is also an investigation (v3), the failed download (none).
    expect(figures(byId.get('ds-1'))).toEqual(EXPECTED.items['ds-1']);
    expect(figures(byId.get('bk-1v1'))).toEqual(EXPECTED.items['bk-1v1']);
    expect(figures(byId.get('bk-1v2'))).toEqual(EXPECTED.items['bk-1v2']);
    expect(figures(byId.get('ar-1'))).toEqual(EXPECTED.items['ar-1']);
    expect(byId.get('ds-1')).toMatchObject({ month: '2024-03-01', data_type: 'Dataset', access_type: 'Open', yop: '2023' });
    expect(byId.get('ar-1')).toMatchObject({ data_type: 'Article', access_type: 'Controlled', yop: '0001' });
    expect(byId.get('bk-1v1')).toMatchObject({ data_type: 'Book_Segment', yop: '2020' });
  });

  it('when the admin asks for the whole repository, then the restricted community’s record is counted too', async () => {
    const rows = await monthlyItemMetrics(db, { community: 'global', includeRestricted: true, ...march, by: 'item' });
    expect(figures(rows.find((r) => r.record_id === 'sw-1'))).toEqual(EXPECTED.items['sw-1']);
  });

  it('when a community is asked for, then a record counts only on the days it belonged to it', async () => {
    const rows = await monthlyItemMetrics(db, { community: 'lab', includeRestricted: false, ...march, by: 'item' });
    expect(figures(rows.find((r) => r.record_id === 'ar-1'))).toEqual(EXPECTED.labArticle);
    expect(figures(rows.find((r) => r.record_id === 'ds-1'))).toEqual(EXPECTED.items['ds-1']);
    expect(rows.some((r) => r.record_id === 'sw-1')).toBe(false);
  });

  it('when filters are given, then only matching records are counted', async () => {
    const open = await monthlyItemMetrics(db, { community: 'global', includeRestricted: false, ...march, by: 'item', filters: { accessTypes: ['Controlled'] } });
    expect(open.map((r) => r.record_id)).toEqual(['ar-1']);
    const years = await monthlyItemMetrics(db, { community: 'global', includeRestricted: false, ...march, by: 'item', filters: { yop: [['2019', '2020'], ['0001', '0001']] } });
    expect(years.map((r) => r.record_id)).toEqual(['ar-1', 'bk-1v1', 'bk-1v2']);
    const one = await monthlyItemMetrics(db, { community: 'global', includeRestricted: false, ...march, by: 'item', filters: { recordIds: ['bk-1v2'], dataTypes: ['Book_Segment'] } });
    expect(one.map((r) => r.record_id)).toEqual(['bk-1v2']);
  });
});

describe('monthlyItemMetrics by data type', () => {
  it('when grouped by Data_Type, then items sum exactly and the book’s two versions are one title', async () => {
    const rows = await monthlyItemMetrics(db, { community: 'global', includeRestricted: false, from: '2024-02-01', to: '2024-03-31', by: 'data_type' });
    const at = (month: string, type: string) => rows.find((r) => r.month === month && r.data_type === type);
    expect(figures(at('2024-03-01', 'Dataset'))).toEqual([6, 3, 4, 3]);
    expect(figures(at('2024-03-01', 'Book_Segment'))).toEqual([3, 2, 3, 2]);
    expect(at('2024-03-01', 'Book_Segment')).toMatchObject({ uti: EXPECTED.bookTitle.uti, utr: EXPECTED.bookTitle.utr });
    expect(figures(at('2024-03-01', 'Article'))).toEqual([2, 1, 2, 1]);
    expect(at('2024-03-01', 'Dataset')).toMatchObject({ uti: 0, utr: 0 });
    expect(figures(at('2024-02-01', 'Dataset'))).toEqual([1, 0, 1, 0]);
    expect(rows).toHaveLength(4);
  });
});

describe('counterCoverage', () => {
  it('when the month has been aggregated, then the bookmark, first usage day and last run are known and nothing is dirty', async () => {
    const c = await counterCoverage(db, { community: 'lab', usageKind: 'usage-delta' });
    expect(c.bookmark).toBe('2024-04-10');
    expect(c.firstUsageDay).toBe('2024-02-20');
    expect(c.firstDirtyDay).toBeNull();
    expect(c.lastRun?.runId).toEqual(expect.any(String));
  });
});
