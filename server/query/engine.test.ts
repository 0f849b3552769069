/**
 * The query engine on the hand-computed repository of scenario.ts (real DuckDB): every metric ×
 * mode × basis over a month, a quarter and a custom range, worked out by hand from the stays and
 * events listed there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_METRIC_IDS, USAGE_METRIC_IDS, type Basis, type QueryMode } from '../../src/core/metrics';
import { runAggregation } from '../domain/aggregate/run';
import { freshDb } from '../domain/aggregate/testing';
import type { SqlEngine } from '../storage/port';
import { UNIQUE_VISITORS_NOTE } from './engine';
import { SCENARIO_AS_OF, loadQueryScenario } from './scenario';
import { ask } from './testing';

let db: SqlEngine;
beforeAll(async () => {
  db = await freshDb();
  await loadQueryScenario(db);
  await runAggregation(db);
});
afterAll(() => db.close());

const RANGES = { month: ['2024-01-01', '2024-01-31'], quarter: ['2024-01-01', '2024-03-31'], custom: ['2024-01-15', '2024-02-20'] } as const;
type RangeName = keyof typeof RANGES;

// records, records_metadata_only, records_with_files, parents, parents_metadata_only,
// parents_with_files, files, data_volume, uploaders — community c1. P1 has a version with files (r1)
// and one without (r2): it counts under both parents_with_files and parents_metadata_only.
const RECORDS: Record<Basis, Record<RangeName, Record<QueryMode, number[]>>> = {
  added: {
    month: { delta: [3, 1, 2, 3, 1, 2, 3, 150, 2], removed: [0, 0, 0, 0, 0, 0, 0, 0, 0], net: [3, 1, 2, 3, 1, 2, 3, 150, 2], cumulative: [3, 1, 2, 3, 1, 2, 3, 150, 2] },
    quarter: { delta: [6, 3, 3, 5, 3, 3, 6, 450, 3], removed: [2, 0, 2, 2, 0, 2, 4, 350, 2], net: [4, 3, 1, 3, 3, 1, 2, 100, 1], cumulative: [4, 3, 1, 3, 3, 1, 2, 100, 2] },
    custom: { delta: [4, 3, 1, 4, 3, 1, 1, 50, 3], removed: [0, 0, 0, 0, 0, 0, 0, 0, 0], net: [4, 3, 1, 4, 3, 1, 1, 50, 3], cumulative: [5, 3, 2, 4, 3, 2, 3, 150, 3] },
  },
  created: {
    month: { delta: [3, 1, 2, 3, 1, 2, 3, 150, 2], removed: [0, 0, 0, 0, 0, 0, 0, 0, 0], net: [3, 1, 2, 3, 1, 2, 3, 150, 2], cumulative: [4, 2, 2, 4, 2, 2, 3, 150, 3] },
    quarter: { delta: [5, 2, 3, 4, 2, 3, 6, 450, 2], removed: [2, 0, 2, 2, 0, 2, 4, 350, 2], net: [3, 2, 1, 2, 2, 1, 2, 100, 0], cumulative: [4, 3, 1, 3, 3, 1, 2, 100, 2] },
    custom: { delta: [3, 2, 1, 3, 2, 1, 1, 50, 2], removed: [0, 0, 0, 0, 0, 0, 0, 0, 0], net: [3, 2, 1, 3, 2, 1, 1, 50, 2], cumulative: [5, 3, 2, 4, 3, 2, 3, 150, 3] },
  },
  published: {
    month: { delta: [2, 1, 1, 2, 1, 1, 1, 50, 2], removed: [0, 0, 0, 0, 0, 0, 0, 0, 0], net: [2, 1, 1, 2, 1, 1, 1, 50, 2], cumulative: [4, 2, 2, 4, 2, 2, 3, 150, 3] },
    quarter: { delta: [4, 2, 2, 4, 2, 2, 4, 350, 2], removed: [2, 0, 2, 2, 0, 2, 4, 350, 2], net: [2, 2, 0, 2, 2, 0, 0, 0, 0], cumulative: [4, 3, 1, 3, 3, 1, 2, 100, 2] },
    custom: { delta: [3, 2, 1, 3, 2, 1, 1, 50, 2], removed: [0, 0, 0, 0, 0, 0, 0, 0, 0], net: [3, 2, 1, 3, 2, 1, 1, 50, 2], cumulative: [5, 3, 2, 4, 3, 2, 3, 150, 3] },
  },
};

// views, views_unique_visitors, views_unique_records, views_unique_parents, downloads,
// downloads_unique_visitors, downloads_unique_records, downloads_unique_parents,
// downloads_unique_files, download_volume — community c1, whatever the basis.
const USAGE: Record<RangeName, Record<'delta' | 'cumulative', number[]>> = {
  month: { delta: [4, 4, 3, 3, 1, 1, 1, 1, 1, 60], cumulative: [4, 4, 3, 3, 1, 1, 1, 1, 1, 60] },
  quarter: { delta: [7, 6, 5, 4, 3, 3, 2, 2, 3, 200], cumulative: [7, 6, 5, 4, 3, 3, 2, 2, 3, 200] },
  custom: { delta: [4, 3, 4, 3, 1, 1, 1, 1, 1, 40], cumulative: [6, 5, 4, 3, 2, 2, 1, 1, 2, 100] },
};

describe('record metrics of c1: every metric × mode × basis × range', () => {
  for (const basis of ['added', 'created', 'published'] as const) {
    for (const range of Object.keys(RANGES) as RangeName[]) {
      for (const mode of ['delta', 'removed', 'net', 'cumulative'] as const) {
        it(`${basis}, ${range}, ${mode}`, async () => {
          const answer = await ask(db, { community: 'c1', metrics: RECORD_METRIC_IDS, mode, basis, date_range: [...RANGES[range]] });
          expect(answer.results).toEqual([{ dimensions: [], metrics: RECORDS[basis][range][mode] }]);
        });
      }
    }
  }
});

describe('usage metrics of c1: every metric × mode × range, the same on every basis', () => {
  for (const range of Object.keys(RANGES) as RangeName[]) {
    for (const mode of ['delta', 'cumulative'] as const) {
      it(`${range}, ${mode}`, async () => {
        for (const basis of ['added', 'created', 'published'] as const) {
          const answer = await ask(db, { community: 'c1', metrics: USAGE_METRIC_IDS, mode, basis, date_range: [...RANGES[range]] });
          expect(answer.results).toEqual([{ dimensions: [], metrics: USAGE[range][mode] }]);
          expect(answer.meta.notes).toEqual([UNIQUE_VISITORS_NOTE]);
        }
      });
    }
  }
});

describe('period figures are not sums of days', () => {
  it('uploaders over January (2: alice twice, bob) < the sum of daily uploaders (3)', async () => {
    const q = { community: 'c1', metrics: ['uploaders' as const], date_range: [...RANGES.month] as [string, string] };
    const days = await ask(db, { ...q, dimensions: ['time:day'] });
    expect(days.results.reduce((n, r) => n + r.metrics[0]!, 0)).toBe(3);
    expect((await ask(db, q)).results[0]!.metrics).toEqual([2]);
  });

  it('unique records viewed over Q1 (5) < the sum of its months (3 + 2 + 1)', async () => {
    const q = { community: 'c1', metrics: ['views_unique_records' as const, 'views' as const], date_range: [...RANGES.quarter] as [string, string] };
    const months = await ask(db, { ...q, dimensions: ['time:month'], include: { totals: true } });
    expect(months.results).toEqual([
      { dimensions: ['2024-01-01'], metrics: [3, 4] },
      { dimensions: ['2024-02-01'], metrics: [2, 2] },
      { dimensions: ['2024-03-01'], metrics: [1, 1] },
    ]);
    expect(months.totals).toEqual({ metrics: [5, 7] });
  });

  it('cumulative holdings at the end of each month, uploaders distinct over the holdings', async () => {
    const answer = await ask(db, { community: 'c1', metrics: ['records', 'uploaders'], mode: 'cumulative', date_range: [...RANGES.quarter], dimensions: ['time:month'] });
    expect(answer.results.map((r) => r.metrics)).toEqual([[3, 2], [5, 3], [4, 2]]);
  });
});

describe('running totals of usage', () => {
  it('cumulative views are running sums per month and per country; unique records distinct since the start', async () => {
    const quarter = [...RANGES.quarter] as [string, string];
    const months = await ask(db, { community: 'c1', metrics: ['views', 'views_unique_records'], mode: 'cumulative', date_range: quarter, dimensions: ['time:month'] });
    expect(months.results.map((r) => r.metrics)).toEqual([[4, 3], [6, 4], [7, 5]]);
    const fromFeb = await ask(db, { community: 'c1', metrics: ['views'], mode: 'cumulative', date_range: ['2024-02-01', '2024-03-31'], dimensions: ['time:month'] });
    expect(fromFeb.results.map((r) => r.metrics)).toEqual([[6], [7]]);
    const us = await ask(db, {
      community: 'c1', metrics: ['views'], mode: 'cumulative', date_range: quarter, dimensions: ['field:countries', 'time:month'],
      filters: [['is', 'field:countries', ['US']]],
    });
    expect(us.results).toEqual([
      { dimensions: ['US', '2024-01-01'], metrics: [3] },
      { dimensions: ['US', '2024-02-01'], metrics: [5] },
      { dimensions: ['US', '2024-03-01'], metrics: [5] },
    ]);
  });
});

describe('global', () => {
  it('holds every record from its creation and counts every event', async () => {
    const answer = await ask(db, { metrics: ['records', 'views', 'views_unique_records'], date_range: [...RANGES.quarter] });
    expect(answer.results[0]!.metrics).toEqual([5, 10, 5]);
    expect(answer.query.community).toBe('global');
  });
});

describe('field dimensions, filters, top-N, comparison', () => {
  const quarter = [...RANGES.quarter] as [string, string];

  it('breaks views down by the visitor country, labels the items it names', async () => {
    const answer = await ask(db, { community: 'c1', metrics: ['views'], date_range: quarter, dimensions: ['field:countries'] });
    expect(answer.results).toEqual([
      { dimensions: ['US'], metrics: [5] },
      { dimensions: ['DE'], metrics: [1] },
      { dimensions: ['GB'], metrics: [1] },
    ]);
  });

  it('top 1 resource type with an exact Other: each record once, not the sum of the rest', async () => {
    const answer = await ask(db, {
      community: 'c1', metrics: ['records', 'uploaders', 'views'], date_range: quarter,
      dimensions: ['field:resource_types'], order_by: [['records', 'desc']], limit: 1, include: { other: true },
    });
    expect(answer.results).toEqual([{ dimensions: ['dataset'], metrics: [4, 2, 5] }]);
    // software (r2) and image (r2, r5): 2 records by alice and carol, 2 views (r2, r5) — summing the items would say 3.
    expect(answer.other).toEqual({ items: 2, metrics: [2, 2, 2] });
    // The record's own labels, with the shipped vocabulary filling the languages it lacks.
    expect(answer.meta.labels).toEqual({ dataset: { de: 'Datensatz', en: 'Dataset', es: 'Conjunto de datos', fr: 'Jeu de données' } });
  });

  it('countries of the views of datasets (a filter on another field)', async () => {
    const answer = await ask(db, {
      community: 'c1', metrics: ['views'], date_range: quarter, dimensions: ['field:countries'],
      filters: [['is', 'field:resource_types', ['dataset']]],
    });
    expect(answer.results).toEqual([{ dimensions: ['US'], metrics: [4] }, { dimensions: ['DE'], metrics: [1] }]);
    // The filter's item is labelled too (a client names its filter chip from it).
    expect(answer.meta.labels['dataset']).toMatchObject({ en: 'Dataset' });
  });

  it('time × field: every month of the picked items, zero where nothing happened', async () => {
    const answer = await ask(db, { community: 'c1', metrics: ['records'], date_range: quarter, dimensions: ['field:resource_types', 'time:month'], limit: 1 });
    expect(answer.results).toEqual([
      { dimensions: ['dataset', '2024-01-01'], metrics: [3] },
      { dimensions: ['dataset', '2024-02-01'], metrics: [0] },
      { dimensions: ['dataset', '2024-03-01'], metrics: [1] },
    ]);
  });

  it('compares with the previous period and lists partial periods', async () => {
    const answer = await ask(db, {
      community: 'c1', metrics: ['records'], date_range: ['2024-02-01', '2024-03-15'], dimensions: ['time:month'],
      include: { comparison: 'previous_period', totals: true },
    });
    expect(answer.meta.partial_periods).toEqual(['2024-03-01']);
    expect(answer.comparison?.date_range).toEqual(['2023-12-19', '2024-01-31']);
    expect(answer.comparison?.totals).toEqual({ metrics: [3] });
    expect(answer.totals).toEqual({ metrics: [3] });
  });
});

describe('date ranges', () => {
  it('resolves presets against data as of and never runs past it', async () => {
    const month = await ask(db, { community: 'c1', metrics: ['views'], date_range: 'month' });
    expect(month.meta.data_as_of).toBe(SCENARIO_AS_OF);
    expect(month.query.date_range).toEqual(['2024-03-01', '2024-03-31']);
    const cut = await ask(db, { community: 'c1', metrics: ['views'], date_range: ['2024-03-01', '2030-01-01'], dimensions: ['time:year'] });
    expect(cut.query.date_range).toEqual(['2024-03-01', '2024-03-31']);
    expect(cut.meta.partial_periods).toEqual(['2024-01-01']);
  });
});

describe('before the first aggregation', () => {
  it('answers no rows, data as of null, and says why', async () => {
    const empty = await freshDb();
    await loadQueryScenario(empty);
    const answer = await ask(empty, { community: 'c1', metrics: ['views'], date_range: '30d' });
    expect(answer.results).toEqual([]);
    expect(answer.meta.data_as_of).toBeNull();
    expect(answer.meta.notes.join(' ')).toContain('repostats aggregate');
    await empty.close();
  });
});
