/**
 * A widget's `WidgetSeries` from the query API's answers. The figures are the server's, period
 * by period and over the whole range (exact distinct counts, exact Other); nothing is summed
 * from days here. Pure: the data layer calls it with the answers as they arrive.
 */
import type { QueryResponse } from '../../api/query';
import type { FieldId } from '../fields';
import type { MetricId, Mode } from '../metrics';
import { alignComparison, summarize } from './comparison';
import type { ComparedValues, Comparison, Granularity, SeriesItem, WidgetSeries } from './types';

export interface FromQueryOptions {
  metric: MetricId;
  mode: Mode;
  /** The dashboard's granularity; null when the answer is one figure over the whole range. */
  granularity: Granularity | null;
  /** The granularity the series is labelled with when `granularity` is null. */
  viewGranularity: Granularity;
  field?: FieldId;
  comparison: Comparison;
  answer: QueryResponse;
  /**
   * With a field by period: the same query without the field (the total per period), from which
   * Other per period is the total less the shown items. Other over the range is the server's.
   */
  totalByPeriod?: QueryResponse;
}

const first = (metrics: readonly number[] | undefined) => metrics?.[0] ?? 0;

/** Values per period label, in the answer's period order. */
function periodValues(answer: QueryResponse): { periods: string[]; values: number[] } {
  return { periods: answer.results.map((r) => r.dimensions[0]!), values: answer.results.map((r) => first(r.metrics)) };
}

/** True when the answer holds no figure at all (nothing aggregated, or only zeros in the range). */
export function isEmptyAnswer(answer: QueryResponse): boolean {
  const zero = (m: readonly number[] | undefined) => !m || m.every((v) => v === 0);
  return answer.results.every((r) => zero(r.metrics)) && zero(answer.totals?.metrics) && zero(answer.other?.metrics);
}

export function seriesFromQuery(options: FromQueryOptions): WidgetSeries {
  const { answer, metric, mode, field, granularity } = options;
  const range = answer.query.date_range as [string, string] | undefined;
  const kind = options.comparison === 'none' ? null : options.comparison;
  const base = {
    metric,
    mode,
    granularity: granularity ?? options.viewGranularity,
    dataAsOf: answer.meta.data_as_of,
    partialPeriods: answer.meta.partial_periods,
    notes: answer.meta.notes,
    comparisonRange: answer.comparison ? { start: answer.comparison.date_range[0], end: answer.comparison.date_range[1] } : null,
  };
  const total = answer.totals ? first(answer.totals.metrics) : first(answer.results[0]?.metrics);
  const comparedTotal = answer.comparison ? (answer.comparison.totals ? first(answer.comparison.totals.metrics) : first(answer.comparison.results[0]?.metrics)) : null;

  if (!field) {
    const { periods, values } = granularity ? periodValues(answer) : { periods: [range?.[0] ?? ''], values: [total] };
    const comparison =
      kind && answer.comparison
        ? { kind, values: alignComparison({ values: answer.comparison.results.map((r) => first(r.metrics)), length: periods.length, mode }).values, summary: comparedTotal ?? 0 }
        : null;
    return { ...base, periods, values, summary: total, comparison, breakdown: null };
  }

  const labels = (id: string) => answer.meta.labels[id] ?? {};
  if (!granularity) {
    const items: SeriesItem[] = answer.results.map((r) => ({ id: r.dimensions[0]!, labels: labels(r.dimensions[0]!), values: [first(r.metrics)], summary: first(r.metrics) }));
    const other = { values: [first(answer.other?.metrics)], summary: first(answer.other?.metrics), items: answer.other?.items ?? 0 };
    return { ...base, periods: [range?.[0] ?? ''], values: [total], summary: total, comparison: null, breakdown: { field, items, other } };
  }

  // By period and item: rows hold every period of each kept item, in the server's item order.
  const totals = options.totalByPeriod ? periodValues(options.totalByPeriod) : periodValues(answer);
  const periods = totals.periods;
  /** Each item's values in period order (rows hold every period of each kept item). */
  const byItem = (rows: QueryResponse['results']) => {
    const out = new Map<string, number[]>();
    for (const r of rows) {
      const id = r.dimensions[1]!;
      out.set(id, [...(out.get(id) ?? []), first(r.metrics)]);
    }
    return out;
  };
  const current = byItem(answer.results);
  const items: SeriesItem[] = [...current].map(([id, values]) => ({ id, labels: labels(id), values: alignComparison({ values, length: periods.length, mode }).values, summary: summarize(values, mode) }));
  const otherValues = totals.values.map((t, p) => Math.max(0, t - items.reduce((s, item) => s + (item.values[p] ?? 0), 0)));
  const other: NonNullable<WidgetSeries['breakdown']>['other'] = { values: otherValues, summary: first(answer.other?.metrics), items: answer.other?.items ?? 0 };
  let comparison: WidgetSeries['comparison'] = null;
  if (kind && answer.comparison) {
    const previous = byItem(answer.comparison.results);
    const align = (values: number[]): ComparedValues => alignComparison({ values, length: periods.length, mode });
    const previousTotals = options.totalByPeriod?.comparison?.results.map((r) => first(r.metrics)) ?? [];
    comparison = { kind, ...align(previousTotals), summary: comparedTotal ?? 0 };
    for (const item of items) item.comparison = align(previous.get(item.id) ?? []);
    const shown = align(previousTotals).values.map((t, p) => Math.max(0, t - items.reduce((s, item) => s + (item.comparison?.values[p] ?? 0), 0)));
    other.comparison = { values: shown, summary: summarize(shown, mode) };
  }
  return { ...base, periods, values: totals.values, summary: total, comparison, breakdown: { field, items, other } };
}
