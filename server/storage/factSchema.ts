/**
 * The fact schema's one owner: the number columns of each family's fact tables, in storage order,
 * those tables, and how a fact row reads as the bundle metrics (`metricVector`). The aggregated
 * facts (`agg_*_facts`, migration 002) and the imported history (`history_*_facts`, migration 007)
 * share these columns. A new column goes at the end of its list and needs no migration: `migrate`,
 * run on every open, adds it to both tables and marks the aggregated days dirty (factColumns.ts).
 * server/domain/aggregate/facts.test.ts fails when a table and this list disagree, or when no
 * builder fills a column.
 */
import type { MetricId, RecordMetricId, UsageMetricId } from '../../src/core/metrics';

export type Family = 'records' | 'usage';

/** A fact row's numbers, by column name. */
export type Fact = Record<string, number>;

export const FACT_COLUMNS = {
  records: [
    'rec_add_mo', 'rec_add_wf', 'rec_rem_mo', 'rec_rem_wf', 'par_add_mo', 'par_add_wf', 'par_rem_mo', 'par_rem_wf',
    'files_add', 'vol_add', 'files_rem', 'vol_rem', 'upl_day', 'upl_add', 'upl_rem',
  ],
  usage: [
    'v_events', 'v_visitors', 'v_records', 'v_parents',
    'd_events', 'd_visitors', 'd_records', 'd_parents', 'd_files', 'd_volume',
  ],
} as const satisfies Record<Family, readonly string[]>;

/** The key columns before the numbers, per family. */
export const FACT_KEYS: Record<Family, readonly string[]> = {
  records: ['basis', 'community_id', 'day', 'field', 'item_id'],
  usage: ['community_id', 'day', 'field', 'item_id'],
};

/** The aggregated fact table of each family. */
export const TABLES: Record<Family, string> = { records: 'agg_record_facts', usage: 'agg_usage_facts' };

/** The imported history's fact table of each family (server/migrate/history.ts). */
export const HISTORY_TABLES: Record<Family, string> = { records: 'history_record_facts', usage: 'history_usage_facts' };

type RecordColumn = (typeof FACT_COLUMNS.records)[number];
type UsageColumn = (typeof FACT_COLUMNS.usage)[number];

/** Each usage metric's fact column: the day's figure. Snapshots cumulate it (uniques are sums of daily uniques). */
export const USAGE_METRIC_COLUMNS = {
  views: 'v_events', views_unique_visitors: 'v_visitors', views_unique_records: 'v_records', views_unique_parents: 'v_parents',
  downloads: 'd_events', downloads_unique_visitors: 'd_visitors', downloads_unique_records: 'd_records',
  downloads_unique_parents: 'd_parents', downloads_unique_files: 'd_files', download_volume: 'd_volume',
} as const satisfies Record<UsageMetricId, UsageColumn>;

/** What a record metric's fact columns say a day moved: the sums of the columns that `entered` and `left`. */
export interface RecordSides {
  entered: readonly RecordColumn[];
  left: readonly RecordColumn[];
  /** The columns holdings move by, when not `entered` − `left`. */
  held?: { entered: readonly RecordColumn[]; left: readonly RecordColumn[] };
  /** `entered`: the day's figure is what entered, not the net change. */
  day?: 'entered';
}

/**
 * Each record metric from the fact columns. A day's figure is the net change (entered − left) and
 * holdings move by the same, except `uploaders`: a day's figure is the distinct uploaders of its
 * added records (as in the reference documents), and holdings move by uploader presence entries
 * and exits. The query API over imported history reads the same sides (query/history.ts).
 */
export const RECORD_METRIC_SIDES = {
  records: { entered: ['rec_add_mo', 'rec_add_wf'], left: ['rec_rem_mo', 'rec_rem_wf'] },
  records_metadata_only: { entered: ['rec_add_mo'], left: ['rec_rem_mo'] },
  records_with_files: { entered: ['rec_add_wf'], left: ['rec_rem_wf'] },
  parents: { entered: ['par_add_mo', 'par_add_wf'], left: ['par_rem_mo', 'par_rem_wf'] },
  parents_metadata_only: { entered: ['par_add_mo'], left: ['par_rem_mo'] },
  parents_with_files: { entered: ['par_add_wf'], left: ['par_rem_wf'] },
  files: { entered: ['files_add'], left: ['files_rem'] },
  data_volume: { entered: ['vol_add'], left: ['vol_rem'] },
  uploaders: { entered: ['upl_day'], left: ['upl_rem'], held: { entered: ['upl_add'], left: ['upl_rem'] }, day: 'entered' },
} as const satisfies Record<RecordMetricId, RecordSides>;

/** One metric's reading of a fact row: the columns to add and those to subtract. */
interface Reading {
  metric: MetricId;
  plus: readonly string[];
  minus: readonly string[];
}

function readings(family: Family, mode: 'delta' | 'snapshot'): Reading[] {
  if (family === 'usage') {
    return Object.entries(USAGE_METRIC_COLUMNS).map(([metric, column]) => ({ metric: metric as MetricId, plus: [column], minus: [] }));
  }
  return Object.entries(RECORD_METRIC_SIDES).map(([metric, s]: [string, RecordSides]) => {
    if (mode === 'delta') return { metric: metric as MetricId, plus: s.entered, minus: s.day === 'entered' ? [] : s.left };
    const held = s.held ?? s;
    return { metric: metric as MetricId, plus: held.entered, minus: held.left };
  });
}

/** The readings per family and mode, worked out once: metricVector runs for every fact row. */
const READINGS = {
  records: { delta: readings('records', 'delta'), snapshot: readings('records', 'snapshot') },
  usage: { delta: readings('usage', 'delta'), snapshot: readings('usage', 'snapshot') },
};

/**
 * A fact row as bundle metrics, by `USAGE_METRIC_COLUMNS` and `RECORD_METRIC_SIDES`. A snapshot is
 * the running sum of the `snapshot` vectors.
 */
export function metricVector(family: Family, f: Fact, mode: 'delta' | 'snapshot'): Partial<Record<MetricId, number>> {
  const out: Partial<Record<MetricId, number>> = {};
  for (const r of READINGS[family][mode]) {
    let v = 0;
    for (const c of r.plus) v += Number(f[c] ?? 0);
    for (const c of r.minus) v -= Number(f[c] ?? 0);
    out[r.metric] = v;
  }
  return out;
}
