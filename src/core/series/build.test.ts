import { describe, expect, it } from 'vitest';
import { bundleFrom } from '../../mocks/bundles';
import { buildWidgetSeries } from './build';
import { comparisonRange } from './comparison';

const delta = (year: number) =>
  bundleFrom({
    year,
    days: 60, // Jan 1 .. Feb 29 (2024) / Mar 1 (2023)
    totals: { records: () => 1, views: (i) => i },
    subcounts: {
      resource_types: {
        items: [{ id: 'dataset', labels: { en: 'Dataset', fr: 'Jeu de données' } }, { id: 'image' }, { id: 'video' }],
        series: { records: (k) => [3, 2, 1][k] ?? 0 },
        other: { records: () => 4 },
        otherItems: 2,
      },
    },
  });

describe('buildWidgetSeries', () => {
  const range = { start: '2024-01-15', end: '2024-02-10' };

  it('when a delta metric is rolled up by month, then each whole month sums its days', () => {
    const s = buildWidgetSeries({ bundles: [delta(2024)], request: { metric: 'records', mode: 'delta' }, range, granularity: 'month' });
    expect(s.periods).toEqual(['2024-01-01', '2024-02-01']);
    expect(s.values).toEqual([31, 29]);
    expect(s.summary).toBe(60);
    expect(s.dataAsOf).toBe('2024-02-29');
    expect(s.breakdown).toBeNull();
  });

  it('when a field is requested with topN 1, then Other holds the rest exactly', () => {
    const s = buildWidgetSeries({
      bundles: [delta(2024)],
      request: { metric: 'records', mode: 'delta', field: 'resource_types', topN: 1 },
      range: { start: '2024-01-01', end: '2024-01-31' },
      granularity: 'month',
    });
    expect(s.breakdown?.items.map((i) => [i.id, i.summary, i.labels.fr])).toEqual([['dataset', 93, 'Jeu de données']]);
    expect(s.breakdown?.other).toEqual({ values: [(4 + 2 + 1) * 31], summary: 217, items: 4 });
    expect((s.breakdown?.items[0]?.summary ?? 0) + (s.breakdown?.other.summary ?? 0)).toBe(31 * 10);
  });

  it('when comparing with the previous year, then last year’s periods align under this year’s', () => {
    const current = { start: '2024-01-01', end: '2024-02-29' };
    const kind = 'previous-year' as const;
    const s = buildWidgetSeries({
      bundles: [delta(2024)],
      request: { metric: 'views', mode: 'delta' },
      range: current,
      granularity: 'month',
      comparison: { kind, range: comparisonRange(current, kind, 'month'), bundles: [delta(2023)] },
    });
    // 2023: Jan sums 0..30 = 465, Feb sums 31..58 = 1246.
    expect(s.comparison).toEqual({ kind, values: [465, 1246], summary: 1711 });
  });

  it('when the range holds no aggregated day, then there are no periods', () => {
    const s = buildWidgetSeries({ bundles: [delta(2024)], request: { metric: 'records', mode: 'delta' }, range: { start: '2025-01-01', end: '2025-01-31' }, granularity: 'day' });
    expect(s.periods).toEqual([]);
  });

  describe('when a field is shown with a comparison', () => {
    // Day i of 2024 (Jan 1 = 0): dataset i, image 2, video 1, and 4 more the server kept in Other.
    const byDay = bundleFrom({
      year: 2024,
      days: 60,
      totals: { views: (i) => i + 7 },
      subcounts: {
        resource_types: {
          items: [{ id: 'dataset', labels: { en: 'Dataset' } }, { id: 'image' }, { id: 'video' }],
          series: { views: (k, i) => [i, 2, 1][k] ?? 0 },
          other: { views: () => 4 },
          otherItems: 2,
        },
      },
    });
    const current = { start: '2024-02-01', end: '2024-02-03' }; // days 31..33
    const build = (over: { topN?: number; kind?: 'previous-period' | 'previous-year'; mode?: 'delta' | 'cumulative' } = {}) => {
      const kind = over.kind ?? 'previous-period';
      return buildWidgetSeries({
        bundles: [byDay],
        request: { metric: 'views', mode: over.mode ?? 'delta', field: 'resource_types', topN: over.topN ?? 2 },
        range: current,
        granularity: 'day',
        comparison: { kind, range: comparisonRange(current, kind, 'day'), bundles: [byDay] },
      });
    };

    it('then each kept item carries the previous period’s values, period i under period i', () => {
      const s = build();
      // Previous period: Jan 29..31, days 28..30.
      expect(s.breakdown?.items.map((i) => [i.id, i.values, i.comparison])).toEqual([
        ['dataset', [31, 32, 33], { values: [28, 29, 30], summary: 87 }],
        ['image', [2, 2, 2], { values: [2, 2, 2], summary: 6 }],
      ]);
      expect(s.comparison?.values).toEqual([35, 36, 37]);
    });

    it('then Other’s comparison holds what Other holds now: the items not kept plus the server’s Other', () => {
      const s = build({ topN: 1 });
      expect(s.breakdown?.other).toEqual({ values: [7, 7, 7], summary: 21, items: 4, comparison: { values: [7, 7, 7], summary: 21 } });
    });

    it.each([1, 2, 3])('then with top %i the kept items and Other add up to the same previous period', (n) => {
      const sum = (s: ReturnType<typeof build>) =>
        [...(s.breakdown?.items ?? []).map((i) => i.comparison?.values ?? []), s.breakdown?.other.comparison?.values ?? []].reduce(
          (acc, v) => acc.map((a, i) => a + (v[i] ?? 0)),
          [0, 0, 0],
        );
      expect(sum(build({ topN: n }))).toEqual([28 + 2 + 1 + 4, 29 + 7, 30 + 7]);
    });

    it('then cumulative items compare with the value the previous period ended each step on', () => {
      const s = build({ mode: 'cumulative', topN: 1 });
      expect(s.breakdown?.items[0]?.comparison).toEqual({ values: [28, 29, 30], summary: 30 });
      expect(s.breakdown?.other.comparison).toEqual({ values: [7, 7, 7], summary: 7 });
    });

    it('then a comparison period the bundles do not hold reads zero for the items, as for the total', () => {
      const s = build({ kind: 'previous-year' }); // 2023 is not among the bundles
      expect(s.comparison).toEqual({ kind: 'previous-year', values: [0, 0, 0], summary: 0 });
      expect(s.breakdown?.items.map((i) => i.comparison)).toEqual([
        { values: [0, 0, 0], summary: 0 },
        { values: [0, 0, 0], summary: 0 },
      ]);
      expect(s.breakdown?.other.comparison).toEqual({ values: [0, 0, 0], summary: 0 });
    });

    it('then, compared with last year, items align by period as the total does', () => {
      const lastYear = bundleFrom({
        year: 2023,
        days: 365,
        totals: { views: () => 1 },
        subcounts: { resource_types: { items: [{ id: 'video' }, { id: 'dataset' }], series: { views: (k, i) => (k === 1 ? 100 + i : 5) } } },
      });
      const kind = 'previous-year' as const;
      const s = buildWidgetSeries({
        bundles: [byDay],
        request: { metric: 'views', mode: 'delta', field: 'resource_types', topN: 2 },
        range: current,
        granularity: 'day',
        comparison: { kind, range: comparisonRange(current, kind, 'day'), bundles: [lastYear] },
      });
      // 2023-02-01 is day 31 of 2023; image is not in last year's bundle, so it reads zero.
      expect(s.breakdown?.items.map((i) => [i.id, i.comparison?.values])).toEqual([
        ['dataset', [131, 132, 133]],
        ['image', [0, 0, 0]],
      ]);
      expect(s.breakdown?.other.comparison?.values).toEqual([5, 5, 5]); // video, not kept now
    });
  });

  it('when comparison is off, then items carry no comparison', () => {
    const s = buildWidgetSeries({ bundles: [delta(2024)], request: { metric: 'records', mode: 'delta', field: 'resource_types' }, range, granularity: 'month' });
    expect(s.breakdown?.items.every((i) => !('comparison' in i))).toBe(true);
    expect(s.breakdown && 'comparison' in s.breakdown.other).toBe(false);
  });
});
