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

/**
 * `breakdownSeries` compared with the previous period, period by period: Article [8, 12],
 * Dataset [25, 25], Software [0, 5], Other [10, 10]; total [45, 55].
 */
export function comparedBreakdownSeries(): WidgetSeries {
  const s = breakdownSeries({ comparison: { kind: 'previous-period', values: [45, 55], summary: 100 } });
  const previous: Record<string, number[]> = { article: [8, 12], dataset: [25, 25], software: [0, 5] };
  const compared = (values: number[]) => ({ values, summary: values[0]! + values[1]! });
  const { field, items, other } = s.breakdown!;
  return {
    ...s,
    breakdown: {
      field,
      items: items.map((item) => ({ ...item, comparison: compared(previous[item.id]!) })),
      other: { ...other, comparison: compared([10, 10]) },
    },
  };
}

/** `count` items over two periods, item i at [100 − i, 100 − i] now and [i, i] in the previous period. */
export function manyComparedItems(count: number): WidgetSeries {
  const items = Array.from({ length: count }, (_, i) => ({
    id: `item-${i + 1}`,
    labels: { en: `Item ${i + 1}` },
    values: [100 - i, 100 - i],
    summary: 2 * (100 - i),
    comparison: { values: [i, i], summary: 2 * i },
  }));
  return makeSeries({
    values: [1000, 1000],
    comparison: { kind: 'previous-period', values: [900, 900], summary: 1800 },
    breakdown: { field: 'resource_types', items, other: { values: [3, 3], summary: 6, items: 4, comparison: { values: [1, 1], summary: 2 } } },
  });
}
