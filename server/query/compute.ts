/**
 * One grid of figures: every (period, item…) combination that has data, with one value per
 * metric in the order asked. Record and usage metrics run as separate statements and are
 * merged by key; `net` is `delta − removed`, computed from the two.
 */
import type { FieldId } from '../../src/core/fields';
import { METRICS, type Basis, type MetricId, type QueryMode } from '../../src/core/metrics';
import type { SqlEngine } from '../storage/port';
import type { Bucket } from './range';
import { recordQuerySql, type StayMatch } from './recordSql';
import type { EngineFilter } from './sqlParts';
import { usageQuerySql } from './usageSql';

export interface GridSpec {
  community: string;
  metrics: readonly MetricId[];
  mode: QueryMode;
  basis: Basis;
  buckets: readonly Bucket[];
  fields: readonly FieldId[];
  filters: readonly EngineFilter[];
  /** The first day of data: where running totals of usage start. */
  dataStart: string;
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
    }
  }
  if (usageMetrics.length) {
    const cumulative = spec.mode === 'cumulative';
    const from = cumulative ? spec.dataStart : spec.buckets[0]!.start;
    const q = usageQuerySql({ ...common, metrics: usageMetrics, match: cumulative ? 'to_end' : 'within', from });
    put(await db.query(q.sql, q.params), usageMetrics, 1);
  }
  return { cells };
}
