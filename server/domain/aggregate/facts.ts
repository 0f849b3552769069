/**
 * Reading the stored delta facts back: which columns a family has, how a fact row maps onto the
 * bundle metrics, and the span of days a community's kind covers.
 */
import { METRICS, type Basis, type MetricId } from '../../../src/core/metrics';
import type { SqlEngine } from '../../storage/port';
import { labelsFor, resolveVocabularies, type Vocabularies } from '../../config/vocabularies';
import { FACT_COLUMNS, TABLES, type Family } from '../../storage/factSchema';

/** The fact schema and how a fact row reads as metrics are storage's (storage/factSchema.ts); re-exported for the readers here. */
export { FACT_COLUMNS, TABLES, metricVector, type Family } from '../../storage/factSchema';

import type { Fact } from '../../storage/factSchema';
export type { Fact } from '../../storage/factSchema';

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
