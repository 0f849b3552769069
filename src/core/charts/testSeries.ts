/**
 * Hand-made `WidgetSeries` for tests and stories: small, readable numbers a test can assert on.
 */
import type { WidgetSeries } from '../series/types';

/** Days starting at `start`, one per period. */
export function days(start: string, count: number): string[] {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(t0 + i * 86_400_000).toISOString().slice(0, 10));
}

export function makeSeries(over: Partial<WidgetSeries> = {}): WidgetSeries {
  const values = over.values ?? [10, 20, 30];
  return {
    metric: 'views',
    mode: 'delta',
    granularity: 'day',
    periods: days('2024-01-01', values.length),
    values,
    summary: values.reduce((a, b) => a + b, 0),
    comparison: null,
    breakdown: null,
    dataAsOf: '2024-01-03',
    ...over,
  };
}

/** Views by resource type: Dataset 40, Article 25, Software 5, and 30 more in Other (2 items). */
export function breakdownSeries(over: Partial<WidgetSeries> = {}): WidgetSeries {
  return makeSeries({
    values: [50, 50],
    summary: 100,
    breakdown: {
      field: 'resource_types',
      items: [
        { id: 'article', labels: { en: 'Article', de: 'Artikel' }, values: [10, 15], summary: 25 },
        { id: 'dataset', labels: { en: 'Dataset', de: 'Datensatz' }, values: [20, 20], summary: 40 },
        { id: 'software', labels: { en: 'Software' }, values: [5, 0], summary: 5 },
      ],
      other: { values: [15, 15], summary: 30, items: 2 },
    },
    ...over,
  });
}
