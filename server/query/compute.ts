/**
 * One grid of figures: every (period, item…) combination that has data, with one value per
 * metric in the order asked. Record and usage metrics run as separate statements and are
 * merged by key; `net` is `delta − removed`, computed from the two.
 */
import type { ItemDimension } from '../../src/api/query';
import { METRICS, type Basis, type MetricId, type QueryMode } from '../../src/core/metrics';
import { addDays } from '../../src/core/dates';
import type { SqlEngine } from '../storage/port';
import type { Bucket } from './range';
import { recordQuerySql, type StayMatch } from './recordSql';
import type { EngineFilter } from './sqlParts';
import { historyRows } from './history';
import { readsUsageFacts, usageFigureSql, usageQuerySql, type UsageQueryPlan } from './usageSql';

export interface GridSpec {
  community: string;
  metrics: readonly MetricId[];
  mode: QueryMode;
  basis: Basis;
  buckets: readonly Bucket[];
  fields: readonly ItemDimension[];
  filters: readonly EngineFilter[];
  /** The first day of data: where running totals of usage start. */
  dataStart: string;
  /** Usage read only from records no restricted community ever held (see usageSql.ts). */
  hideRestricted?: boolean;
}

/** A cell's key: the period label and the field items. */
export type CellKey = readonly string[];

export interface Grid {
  /** Key (joined with U+001F) → the key's parts and one value per metric. */
  cells: Map<string, { key: CellKey; values: number[] }>;
}

const SEP = '\u001f';
export const joinKey = (key: CellKey) => key.join(SEP);

type Row = Record<string, unknown>;

function keyOf(row: Row, fields: number): string[] {
  return [String(row.b ?? ''), ...Array.from({ length: fields }, (_, i) => String(row[`d${i}`] ?? ''))];
}

export async function computeGrid(db: SqlEngine, spec: GridSpec): Promise<Grid> {
  const cells = new Map<string, { key: CellKey; values: number[] }>();
  const put = (rows: Row[], metrics: readonly MetricId[], sign: 1 | -1) => {
    for (const row of rows) {
      const key = keyOf(row, spec.fields.length);
      const k = joinKey(key);
      let cell = cells.get(k);
      if (!cell) cells.set(k, (cell = { key, values: spec.metrics.map(() => 0) }));
      metrics.forEach((m, i) => {
        cell.values[spec.metrics.indexOf(m)]! += sign * Number(row[`m${i}`] ?? 0);
      });
    }
  };
  const recordMetrics = spec.metrics.filter((m) => METRICS[m].family === 'records');
  const usageMetrics = spec.metrics.filter((m) => METRICS[m].family === 'usage');
  const common = { community: spec.community, buckets: spec.buckets, fields: spec.fields, filters: spec.filters };
  if (recordMetrics.length) {
    const runs: [StayMatch, 1 | -1][] =
      spec.mode === 'net' ? [['entered', 1], ['left', -1]]
        : spec.mode === 'removed' ? [['left', 1]]
          : spec.mode === 'cumulative' ? [['held', 1]]
            : [['entered', 1]];
    for (const [match, sign] of runs) {
      const q = recordQuerySql({ ...common, basis: spec.basis, metrics: recordMetrics, match });
      put(await db.query(q.sql, q.params), recordMetrics, sign);
      // The imported history's days (empty in the raw inputs): their documents' figures.
      put(await historyRows(db, { ...common, family: 'records', basis: spec.basis, metrics: recordMetrics, match }), recordMetrics, sign);
    }
  }
  if (usageMetrics.length && spec.mode !== 'cumulative') {
    const plan: UsageQueryPlan = { ...common, hideRestricted: spec.hideRestricted, metrics: usageMetrics, match: 'within', from: spec.buckets[0]!.start };
    const q = usageFigureSql(plan);
    put(await db.query(q.sql, q.params), usageMetrics, 1);
    put(await usageHistory(db, spec, plan), usageMetrics, 1);
  }
  if (usageMetrics.length && spec.mode === 'cumulative') {
    // Running totals of summed metrics are prefix sums of each period's figure (one pass over the
    // events); distinct ones must look at every event up to each period's end.
    const summed = usageMetrics.filter((m) => METRICS[m].overPeriod === 'sum');
    const distinct = usageMetrics.filter((m) => METRICS[m].overPeriod === 'distinct');
    if (summed.length) put(await runningSums(db, spec, summed), summed, 1);
    if (distinct.length) {
      const plan: UsageQueryPlan = { ...common, hideRestricted: spec.hideRestricted, metrics: distinct, match: 'to_end', from: spec.dataStart };
      const q = usageQuerySql(plan);
      put(await db.query(q.sql, q.params), distinct, 1);
      put(await usageHistory(db, spec, plan), distinct, 1);
    }
  }
  return { cells };
}

/** The history days' usage figures a plan does not read already (the facts hold them; the events do not). */
async function usageHistory(db: SqlEngine, spec: GridSpec, plan: UsageQueryPlan): Promise<Row[]> {
  if (readsUsageFacts(plan)) return [];
  return historyRows(db, { ...plan, family: 'usage', basis: spec.basis });
}

/** The label of the period before the range (labels are otherwise days or ''). */
const BEFORE = 'before';

/** Rows as `usageQuerySql` returns them, each period holding the running total of `metrics` to its end. */
async function runningSums(db: SqlEngine, spec: GridSpec, metrics: readonly MetricId[]): Promise<Row[]> {
  const first = spec.buckets[0]!.start;
  const dayBefore = addDays(first, -1);
  const buckets = spec.dataStart <= dayBefore ? [{ label: BEFORE, start: spec.dataStart, end: dayBefore }, ...spec.buckets] : spec.buckets;
  const plan: UsageQueryPlan = {
    community: spec.community, buckets, fields: spec.fields, filters: spec.filters, metrics, match: 'within', from: buckets[0]!.start,
    hideRestricted: spec.hideRestricted,
  };
  const q = usageFigureSql(plan);
  const rows = [...(await db.query(q.sql, q.params)), ...(await usageHistory(db, spec, plan))];
  const byItems = new Map<string, Map<string, Row>>();
  for (const row of rows) {
    const items = keyOf(row, spec.fields.length).slice(1);
    const k = joinKey(items);
    if (!byItems.has(k)) byItems.set(k, new Map());
    const known = byItems.get(k)!.get(String(row.b));
    if (known) metrics.forEach((_, i) => (known[`m${i}`] = Number(known[`m${i}`] ?? 0) + Number(row[`m${i}`] ?? 0)));
    else byItems.get(k)!.set(String(row.b), { ...row });
  }
  const out: Row[] = [];
  for (const periods of byItems.values()) {
    const running = metrics.map(() => 0);
    let seen: Row | null = null;
    for (const b of buckets) {
      const row = periods.get(b.label);
      if (row) {
        seen = row;
        metrics.forEach((_, i) => (running[i]! += Number(row[`m${i}`] ?? 0)));
      }
      if (seen && b.label !== BEFORE) out.push({ ...seen, b: b.label, ...Object.fromEntries(running.map((v, i) => [`m${i}`, v])) });
    }
  }
  return out;
}
