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
});
