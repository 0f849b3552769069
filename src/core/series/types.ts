/**
 * What a widget receives: one metric in one mode over the dashboard's range, already rolled up
 * to the chosen granularity. Built from the query API's answers (`fromQuery.ts`); widgets never
 * fetch or compute figures themselves.
 */
import type { Labels } from '../../api/schemas';
import type { FieldId } from '../fields';
import type { MetricId, Mode } from '../metrics';

export const GRANULARITIES = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const COMPARISONS = ['none', 'previous-period', 'previous-year'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** Inclusive UTC day range, `YYYY-MM-DD`. */
export interface DateRange {
  start: string;
  end: string;
}

/** Comparison-period figures aligned index by index with `WidgetSeries.periods` (see `alignComparison`). */
export interface ComparedValues {
  values: number[];
  summary: number;
}

export interface SeriesItem {
  id: string;
  labels: Labels;
  /** Per period, aligned with `WidgetSeries.periods`. */
  values: number[];
  /** Over the whole range: the sum for deltas, the value at the range's end for cumulative. */
  summary: number;
  /** The same item in the comparison period; absent when `WidgetSeries.comparison` is null. */
  comparison?: ComparedValues;
}

export interface WidgetSeries {
  metric: MetricId;
  mode: Mode;
  granularity: Granularity;
  /** Start day of each period in the range (`YYYY-MM-DD`). */
  periods: string[];
  /** The metric's total per period. */
  values: number[];
  /** Over the range: sum of deltas, or the cumulative value at its end. */
  summary: number;
  /** The comparison series aligned with `periods` (null when comparison is off or no data). */
  comparison: ({ kind: Exclude<Comparison, 'none'> } & ComparedValues) | null;
  /**
   * When a field was requested: its top items by summary, and the exact rest. With a comparison,
   * each kept item and Other also carry their comparison-period figures (Other: everything but the
   * kept items, as now).
   */
  breakdown: {
    field: FieldId;
    items: SeriesItem[];
    other: { values: number[]; summary: number; items: number; comparison?: ComparedValues };
  } | null;
  /** The last aggregated day behind this series. */
  dataAsOf: string | null;
  /** Periods (by first day) the range or the data covers only in part: drawn distinctly. */
  partialPeriods?: string[];
  /** The server's notes on the figures (e.g. how unique visitors add up over a period). */
  notes?: string[];
  /** The days the comparison covers (the server's: the same number of days, or a year earlier). */
  comparisonRange?: DateRange | null;
}

/** What a widget asks the dashboard's data layer for. */
export interface SeriesRequest {
  metric: MetricId;
  mode: Mode;
  field?: FieldId;
  /** How many items to keep before "Other" (default 10). */
  topN?: number;
  /**
   * `periods` (default): one figure per period of the dashboard's granularity. `range`: one figure
   * over the whole range (a single stat, a breakdown, a map), asked as such so it is exact.
   */
  over?: 'periods' | 'range';
}
