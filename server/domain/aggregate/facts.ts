/**
 * Reading the stored delta facts back: which columns a family has, how a fact row maps onto the
 * bundle metrics, and the span of days a community's kind covers.
 */
import { METRICS, type Basis, type MetricId, type RecordMetricId, type UsageMetricId } from '../../../src/core/metrics';
import type { SqlEngine } from '../../storage/port';
import { labelsFor, resolveVocabularies, type Vocabularies } from '../../config/vocabularies';
import { FACT_COLUMNS, TABLES, type Family } from '../../storage/factSchema';

/** The fact schema is storage's (storage/factSchema.ts); re-exported for the readers here. */
export { FACT_COLUMNS, TABLES, type Family } from '../../storage/factSchema';

/** A fact row's numbers, by column name. */
export type Fact = Record<string, number>;

export function zeroFact(family: Family): Fact {
  return Object.fromEntries(FACT_COLUMNS[family].map((c) => [c, 0]));
}

export function addFact(into: Fact, row: Record<string, unknown>): Fact {
  for (const k of Object.keys(into)) into[k] = (into[k] ?? 0) + Number(row[k] ?? 0);
  return into;
}

/** The metrics of a family, in registry order; and those broken down per subcount item. */
export function familyMetrics(family: Family): MetricId[] {
  return (Object.keys(METRICS) as MetricId[]).filter((m) => METRICS[m].family === family);
}
export function subcountMetrics(family: Family): MetricId[] {
  return familyMetrics(family).filter((m) => METRICS[m].subcount);
}

/**
 * A fact row as bundle metrics. Record deltas are net changes for the day (added − removed), except
 * `uploaders`, which is the distinct uploaders among the day's added records (as in the reference
 * documents). A snapshot is the running sum of the `snapshot` vectors: net records/files, parent and
 * uploader presence entries − exits. Usage snapshots cumulate every delta (uniques are sums of
 * daily uniques).
 */
export function metricVector(family: Family, f: Fact, mode: 'delta' | 'snapshot'): Partial<Record<MetricId, number>> {
  // Typed by family: a metric without its line, or a column FACT_COLUMNS lacks, fails the type check.
  if (family === 'usage') {
    const n = (k: (typeof FACT_COLUMNS.usage)[number]) => Number(f[k] ?? 0);
    return {
      views: n('v_events'), views_unique_visitors: n('v_visitors'), views_unique_records: n('v_records'),
      views_unique_parents: n('v_parents'), downloads: n('d_events'), downloads_unique_visitors: n('d_visitors'),
      downloads_unique_records: n('d_records'), downloads_unique_parents: n('d_parents'),
      downloads_unique_files: n('d_files'), download_volume: n('d_volume'),
    } satisfies Record<UsageMetricId, number>;
  }
  const n = (k: (typeof FACT_COLUMNS.records)[number]) => Number(f[k] ?? 0);
  const recMo = n('rec_add_mo') - n('rec_rem_mo');
  const recWf = n('rec_add_wf') - n('rec_rem_wf');
  const parMo = n('par_add_mo') - n('par_rem_mo');
  const parWf = n('par_add_wf') - n('par_rem_wf');
  return {
    records: recMo + recWf, records_metadata_only: recMo, records_with_files: recWf,
    parents: parMo + parWf, parents_metadata_only: parMo, parents_with_files: parWf,
    files: n('files_add') - n('files_rem'), data_volume: n('vol_add') - n('vol_rem'),
    uploaders: mode === 'delta' ? n('upl_day') : n('upl_add') - n('upl_rem'),
  } satisfies Record<RecordMetricId, number>;
}

/** SQL expression ranking subcount items: records moved (records) or events (usage). */
export function rankExpression(family: Family, mode: 'delta' | 'snapshot'): string {
  if (family === 'usage') return 'v_events + d_events';
  return mode === 'delta'
    ? 'rec_add_mo + rec_add_wf + rec_rem_mo + rec_rem_wf'
    : 'rec_add_mo + rec_add_wf - rec_rem_mo - rec_rem_wf';
}

export interface FactScope {
  family: Family;
  community: string;
  basis: Basis | null;
}

/** `WHERE` fragment and params selecting one community (and basis) of a family, params from `$1`. */
export function scopeFilter(scope: FactScope): { sql: string; params: unknown[] } {
  if (scope.family === 'records') {
    return { sql: 'community_id = $1 AND basis = $2', params: [scope.community, scope.basis ?? 'added'] };
  }
  return { sql: 'community_id = $1', params: [scope.community] };
}

/**
 * The days a community's kind covers: from its first fact to its bookmark. Null when it has
 * no facts or was never aggregated.
 */
export async function factSpan(db: SqlEngine, scope: FactScope): Promise<{ first: string; last: string } | null> {
  const filter = scopeFilter(scope);
  const kind = scope.family === 'records' ? `records-delta-${scope.basis ?? 'added'}` : 'usage-delta';
  const [row] = await db.query<{ first: string | null; last: string | null }>(
    `SELECT (SELECT MIN(day) FROM ${TABLES[scope.family]} WHERE ${filter.sql}) AS first,
            (SELECT day FROM agg_bookmarks WHERE kind = $${filter.params.length + 1} AND community_id = $1) AS last`,
    [...filter.params, kind],
  );
  if (!row?.first || !row.last || row.first > row.last) return null;
  return { first: row.first, last: row.last };
}

/** An item's labels, by field and id (see `itemLabels`). */
export type ItemLabelsOf = (field: string, id: string) => Record<string, string>;

/**
 * The labels of every item: those stored from records (`item_labels`), with the field's vocabulary
 * (shipped or the site's, `server/config/vocabularies.ts`) filling the languages, or the whole
 * label, a record did not give.
 */
export async function itemLabels(db: SqlEngine, vocabularies: Vocabularies = resolveVocabularies()): Promise<ItemLabelsOf> {
  const rows = await db.query<{ field: string; item_id: string; labels: string }>(
    'SELECT field, item_id, labels FROM item_labels',
  );
  const stored = new Map<string, Record<string, string>>();
  for (const r of rows) {
    try {
      const parsed = JSON.parse(r.labels) as unknown;
      if (parsed && typeof parsed === 'object') stored.set(`${r.field}|${r.item_id}`, parsed as Record<string, string>);
    } catch {
      // A label that is not JSON is a plain string in the ingest's default language.
      stored.set(`${r.field}|${r.item_id}`, { en: r.labels });
    }
  }
  return (field, id) => labelsFor(vocabularies, field, id, stored.get(`${field}|${id}`));
}
