/**
 * Every metric a series bundle carries and a widget can show.
 *
 * - `family`: `records` metrics live in the record-delta / record-snapshot bundles,
 *   `usage` metrics in usage-delta / usage-snapshot.
 * - `unit`: how to format a value (`count` or `bytes`).
 * - `subcount`: whether the metric is also broken down per subcount item.
 * - `additive`: whether a snapshot equals the running sum of deltas. Distinct counts
 *   (uploaders, parents) are computed exactly over holdings instead. For usage, the cumulative
 *   "unique" figures ARE running sums of daily uniques (documented as such), so they are additive.
 *
 * - `overPeriod`: how the query API (`POST /api/v1/query`) computes a period's figure: `sum` adds
 *   the period's days exactly; `distinct` counts distinct owners / parents / records / files over
 *   the whole period, which is at most the sum of its days. `*_unique_visitors` are `sum`: visitor
 *   ids rotate daily, so a period's visitors are the sum of its days' distinct visitors.
 *
 * Record delta values are net changes for the day (added − removed); snapshots are holdings at
 * the end of the day.
 */
import { categoryOf } from './kinds';
export const METRICS = {
  records: { family: 'records', unit: 'count', subcount: true, overPeriod: 'sum', additive: true },
  records_metadata_only: { family: 'records', unit: 'count', subcount: false, overPeriod: 'sum', additive: true },
  records_with_files: { family: 'records', unit: 'count', subcount: false, overPeriod: 'sum', additive: true },
  parents: { family: 'records', unit: 'count', subcount: true, overPeriod: 'distinct', additive: false },
  parents_metadata_only: { family: 'records', unit: 'count', subcount: false, overPeriod: 'distinct', additive: false },
  parents_with_files: { family: 'records', unit: 'count', subcount: false, overPeriod: 'distinct', additive: false },
  files: { family: 'records', unit: 'count', subcount: true, overPeriod: 'sum', additive: true },
  data_volume: { family: 'records', unit: 'bytes', subcount: true, overPeriod: 'sum', additive: true },
  uploaders: { family: 'records', unit: 'count', subcount: false, overPeriod: 'distinct', additive: false },
  views: { family: 'usage', unit: 'count', subcount: true, overPeriod: 'sum', additive: true },
  views_unique_visitors: { family: 'usage', unit: 'count', subcount: true, overPeriod: 'sum', additive: true },
  views_unique_records: { family: 'usage', unit: 'count', subcount: false, overPeriod: 'distinct', additive: true },
  views_unique_parents: { family: 'usage', unit: 'count', subcount: false, overPeriod: 'distinct', additive: true },
  downloads: { family: 'usage', unit: 'count', subcount: true, overPeriod: 'sum', additive: true },
  downloads_unique_visitors: { family: 'usage', unit: 'count', subcount: true, overPeriod: 'sum', additive: true },
  downloads_unique_records: { family: 'usage', unit: 'count', subcount: false, overPeriod: 'distinct', additive: true },
  downloads_unique_parents: { family: 'usage', unit: 'count', subcount: false, overPeriod: 'distinct', additive: true },
  downloads_unique_files: { family: 'usage', unit: 'count', subcount: false, overPeriod: 'distinct', additive: true },
  download_volume: { family: 'usage', unit: 'bytes', subcount: true, overPeriod: 'sum', additive: true },
} as const satisfies Record<
  string,
  {
    family: 'records' | 'usage';
    unit: 'count' | 'bytes';
    subcount: boolean;
    overPeriod: 'sum' | 'distinct';
    additive: boolean;
  }
>;

export type MetricId = keyof typeof METRICS;
/** The metrics of one family, as a type: a map typed `Record<MetricOf<'records'>, …>` must name every record metric. */
export type MetricOf<F extends 'records' | 'usage'> = { [K in MetricId]: (typeof METRICS)[K]['family'] extends F ? K : never }[MetricId];
export type RecordMetricId = MetricOf<'records'>;
export type UsageMetricId = MetricOf<'usage'>;
export const METRIC_IDS = Object.keys(METRICS) as MetricId[];
export const RECORD_METRIC_IDS = METRIC_IDS.filter((m) => METRICS[m].family === 'records');
export const USAGE_METRIC_IDS = METRIC_IDS.filter((m) => METRICS[m].family === 'usage');
export const SUBCOUNT_METRIC_IDS = METRIC_IDS.filter((m) => METRICS[m].subcount);

/** `delta`: per-period change; `cumulative`: holdings / running totals at the end of each period. */
export type Mode = 'delta' | 'cumulative';

/**
 * The query API's modes per metric family. Records: `delta` (what entered in the period),
 * `removed` (what left), `net` (delta − removed), `cumulative` (holdings at each period's end).
 * Usage: `delta` (the period's usage), `cumulative` (the running total to each period's end).
 */
export const QUERY_MODES = {
  records: ['delta', 'removed', 'net', 'cumulative'],
  usage: ['delta', 'cumulative'],
} as const satisfies Record<'records' | 'usage', readonly string[]>;
export type QueryMode = (typeof QUERY_MODES)['records'][number];

export const CATEGORIES = ['record-delta', 'record-snapshot', 'usage-delta', 'usage-snapshot'] as const;
export type Category = (typeof CATEGORIES)[number];

export const BASES = ['added', 'created', 'published'] as const;
/** The date a record's life in a community starts from. */
export type Basis = (typeof BASES)[number];

/** The bundle category that serves a metric in a mode. */
export function categoryFor(metric: MetricId, mode: Mode): Category {
  return categoryOf(METRICS[metric].family, mode === 'delta' ? 'delta' : 'snapshot');
}
