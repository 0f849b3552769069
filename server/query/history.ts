/**
 * Imported history in the query API: the days the raw inputs leave empty take their figures from
 * the reference's daily documents (`repostats migrate`, stored as fact rows in `history_*_facts`).
 * Which days those are is the aggregator's rule (server/domain/aggregate/history.ts), read here on
 * the live raw inputs, as the engine reads them.
 *
 * What the documents can answer, per day: every metric in total and per item of one field, and one
 * field's `is` filter (its items' rows; a record holding several of the listed items counts once
 * per item). A period's distinct counts (parents, uploaders, unique records, …) over history days
 * are the sum of the days' distinct counts. Record totals (`held`) are the running sums of the
 * documents' deltas: the snapshot documents' totals, uploaders from their `total_uploaders`.
 */
import { RECORD_DIMENSION, type ItemDimension } from '../../src/api/query';
import { METRICS, type Basis, type MetricId, type QueryMode, type RecordMetricId, type UsageMetricId } from '../../src/core/metrics';
import { RECORD_METRIC_SIDES, USAGE_METRIC_COLUMNS, type RecordSides } from '../storage/factSchema';
import { holdsHistory } from '../storage/queries/historyFacts';
import { historyFigures, historySpan } from '../storage/queries/historyQuery';
import type { SqlEngine } from '../storage/port';
import type { Bucket } from './range';
import { EVENT_FIELDS, type EngineFilter } from './sqlParts';

/** Which history days a period takes: its own (`entered`, `left`, `within`) or all up to its end (`held`, `to_end`). */
export type HistoryMatch = 'entered' | 'left' | 'held' | 'within' | 'to_end';

export interface HistoryPlan {
  family: 'records' | 'usage';
  community: string;
  basis: Basis;
  metrics: readonly MetricId[];
  match: HistoryMatch;
  buckets: readonly Bucket[];
  fields: readonly ItemDimension[];
  filters: readonly EngineFilter[];
}

const columnSum = (columns: readonly string[]) => columns.map((c) => `f.${c}`).join(' + ');

function expression(plan: HistoryPlan, metric: MetricId): string {
  if (plan.family === 'usage') return `f.${USAGE_METRIC_COLUMNS[metric as UsageMetricId]}`;
  const sides: RecordSides = RECORD_METRIC_SIDES[metric as RecordMetricId];
  if (plan.match === 'held') {
    const held = sides.held ?? sides;
    return `${columnSum(held.entered)} - (${columnSum(held.left)})`;
  }
  return columnSum(plan.match === 'left' ? sides.left : sides.entered);
}

/** Why the documents cannot answer a plan (what the sentence "they hold no figures …" ends with), or null. */
export function historyGap(plan: Pick<HistoryPlan, 'fields' | 'filters'>): string | null {
  if ([...plan.fields, ...plan.filters.map((f) => f.field)].includes(RECORD_DIMENSION)) return 'per record';
  if (plan.fields.length > 1) return 'by two fields at once';
  if (plan.filters.length > 1) return 'under several filters';
  const [filter] = plan.filters;
  if (filter?.op === 'is_not') return `under an is_not filter (on ${filter.field})`;
  if (filter && plan.fields.length && plan.fields[0] !== filter.field) return `by ${plan.fields[0]} under a filter on ${filter.field}`;
  return null;
}

const cumulates = (match: HistoryMatch) => match === 'held' || match === 'to_end';

/**
 * The history days' figures of a plan, in the shape of `recordQuerySql` / `usageQuerySql` rows
 * (`b`, `d0`, `m0`…), to add to the raw figures (which are empty on those days). None when the
 * documents cannot answer the plan (`historyNotes` says so).
 */
export async function historyRows(db: SqlEngine, plan: HistoryPlan): Promise<Record<string, unknown>[]> {
  if (plan.metrics.length === 0 || historyGap(plan) || !(await holdsHistory(db, plan.family))) return [];
  const [filter] = plan.filters;
  return historyFigures(db, { family: plan.family, community: plan.community, basis: plan.basis }, {
    buckets: plan.buckets,
    cumulative: cumulates(plan.match),
    field: plan.fields[0] ?? filter?.field ?? '',
    items: !filter || (filter.op === 'other_than' && filter.values.length === 0) ? null : { op: filter.op === 'is' ? 'in' : 'not_in', values: filter.values },
    byItem: plan.fields.length > 0,
    expressions: plan.metrics.map((m) => expression(plan, m)),
  });
}

export interface HistoryQuery {
  community: string;
  metrics: readonly MetricId[];
  mode: QueryMode;
  basis: Basis;
  fields: readonly ItemDimension[];
  filters: readonly EngineFilter[];
}

/**
 * What `meta.notes` says of the history days a query's ranges hold, per metric family: left out
 * (and why) when the documents cannot answer it; else which figures over a period are sums of the
 * documents' daily figures, and what a filter on several items counts.
 */
export async function historyNotes(db: SqlEngine, q: HistoryQuery, ranges: readonly (readonly [string, string])[]): Promise<string[]> {
  const notes: string[] = [];
  for (const family of ['records', 'usage'] as const) {
    const metrics = q.metrics.filter((m) => METRICS[m].family === family);
    if (metrics.length === 0 || !(await holdsHistory(db, family))) continue;
    const spans = (await Promise.all(ranges.map((r) => historySpan(db, { family, community: q.community, basis: q.basis, from: q.mode === 'cumulative' ? null : r[0], to: r[1] })))).filter((s) => s !== null);
    if (spans.length === 0) continue;
    const days = `${spans.map((s) => s.first).sort()[0]} to ${spans.map((s) => s.last).sort().reverse()[0]}`;
    const from = `${family === 'records' ? 'record' : 'usage'} figures of the days ${days} come from the imported daily documents`;
    const gap = historyGap(q);
    if (gap) {
      notes.push(`${from}, which hold no figures ${gap}: those days are left out`);
      continue;
    }
    // Record totals are the snapshot documents' own; every other distinct figure adds up days.
    const summed = family === 'records' && q.mode === 'cumulative' ? [] : metrics.filter((m) => METRICS[m].overPeriod === 'distinct');
    if (summed.length) notes.push(`${from}: over a period, ${summed.join(', ')} there add up the days\u2019 distinct counts`);
    const [filter] = q.filters;
    if (filter && !EVENT_FIELDS[filter.field] && (filter.op === 'other_than' || filter.values.length > 1)) {
      notes.push(`${from}: there, a record holding several of the ${filter.field} items filtered counts once for each`);
    }
    if (family === 'records' && metrics.includes('uploaders') && (q.fields.length || q.filters.length)) {
      notes.push(`${from}, which count uploaders in total only: uploaders by item or under a filter are 0 on those days`);
    }
  }
  return notes;
}
