/**
 * Render one series bundle (community × category × year [× basis]) from the stored facts.
 *
 * The GROUP BYs run in SQL: totals per day, per-field sums per day, item ranking, and the daily
 * values of the kept items only. "Other" is the field's sum minus its kept items' sum, so it is
 * exact however many items fall outside the top N. Snapshots start from the sum of every fact
 * before the year (the holdings on Dec 31 of the previous year) and carry on day by day.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SeriesBundle, SubcountSeries } from '../../../src/api/schemas';
import { DEFAULT_TOP_N, FIELDS, RECORD_FIELD_IDS, USAGE_FIELD_IDS, type FieldId } from '../../../src/core/fields';
import type { MetricId } from '../../../src/core/metrics';
import type { SqlEngine } from '../../storage/port';
import { daysBetween, maxDay, minDay, toEpochDay } from '../aggregate/days';
import {
  FACT_COLUMNS, TABLES, factSpan, familyMetrics, itemLabels, metricVector, rankExpression, scopeFilter,
  subcountMetrics, type Fact, type Family,
} from '../aggregate/facts';
import type { BundleKey } from './key';
import { groupBy } from '../../groupBy';
import { categoryParts } from '../../../src/core/kinds';

/** `d` is null for the baseline row (every fact before the year). */
type DailyRow = { field: string; item_id: string; d: string | null } & Record<string, unknown>;

export async function buildBundle(db: SqlEngine, key: BundleKey, opts: { topN?: number } = {}): Promise<SeriesBundle | null> {
  const { family, mode } = categoryParts(key.category);
  const basis = family === 'records' ? (key.basis ?? 'added') : null;
  const span = await factSpan(db, { family, community: key.community, basis });
  if (!span) return null;
  const from = maxDay(span.first, `${key.year}-01-01`) as string;
  const to = minDay(span.last, `${key.year}-12-31`) as string;
  if (from > to) return null;
  const dates = daysBetween(from, to);

  const scope = scopeFilter({ family, community: key.community, basis });
  const p = scope.params.length;
  const cols = FACT_COLUMNS[family];
  const sums = cols.map((c) => `CAST(SUM(${c}) AS BIGINT) AS ${c}`).join(', ');
  const dayExpr = mode === 'snapshot' ? `CASE WHEN day < CAST($${p + 1} AS DATE) THEN NULL ELSE day END` : 'day';
  const lower = mode === 'snapshot' ? '' : `AND day >= CAST($${p + 1} AS DATE)`;
  const base = `FROM ${TABLES[family]} WHERE ${scope.sql} AND day <= CAST($${p + 2} AS DATE) ${lower}`;
  const params = [...scope.params, from, to];

  const fields = (family === 'records' ? RECORD_FIELD_IDS : USAGE_FIELD_IDS) as FieldId[];
  const topN = opts.topN ?? DEFAULT_TOP_N;
  const allFields = fields.filter((f) => FIELDS[f].keep === 'all').map((f) => `'${f}'`).join(', ');
  const rankSql = `
    WITH scored AS (
      SELECT field, item_id,
             SUM(CASE WHEN day >= CAST($${p + 1} AS DATE) THEN ${rankExpression(family, mode)} ELSE 0 END) AS in_year,
             SUM(${rankExpression(family, mode)}) AS upto,
             SUM(CASE WHEN day >= CAST($${p + 1} AS DATE) THEN 1 ELSE 0 END) AS rows_in_year
      ${base} AND field <> '' GROUP BY field, item_id
    ),
    present AS (
      SELECT field, item_id, ${mode === 'delta' ? 'in_year' : 'upto'} AS score FROM scored
      WHERE rows_in_year > 0 ${mode === 'snapshot' ? 'OR upto <> 0' : ''}
    )
    SELECT field, item_id, score,
           ROW_NUMBER() OVER (PARTITION BY field ORDER BY score DESC, item_id) AS rn
    FROM present`;

  const [totalRows, fieldRows, ranked] = await Promise.all([
    db.query<DailyRow>(`SELECT '' AS field, '' AS item_id, ${dayExpr} AS d, ${sums} ${base} AND field = '' GROUP BY ${dayExpr}`, params),
    db.query<DailyRow>(`SELECT field, '' AS item_id, ${dayExpr} AS d, ${sums} ${base} AND field <> '' GROUP BY field, ${dayExpr}`, params),
    db.query<{ field: string; item_id: string; score: number; rn: number }>(rankSql, params),
  ]);
  const keepAll = new Set<string>(fields.filter((f) => FIELDS[f].keep === 'all'));
  const kept = ranked.filter((r) => r.rn <= topN || keepAll.has(r.field));
  const keptRows = kept.length === 0 ? [] : await db.query<DailyRow>(
    `WITH ranked AS (${rankSql}),
     kept AS (SELECT field, item_id FROM ranked WHERE rn <= ${Number(topN)} OR field IN (${allFields}))
     SELECT field, item_id, ${dayExpr} AS d, ${sums}
     FROM ${TABLES[family]} JOIN kept USING (field, item_id)
     WHERE ${scope.sql} AND day <= CAST($${p + 2} AS DATE) ${lower}
     GROUP BY field, item_id, ${dayExpr}`,
    params,
  );

  const series = (rows: DailyRow[], metrics: readonly MetricId[]) => toSeries({ rows, metrics, family, mode, from, length: dates.length });
  const metrics = familyMetrics(family);
  const itemMetrics = subcountMetrics(family);
  const labels = await itemLabels(db);
  const subcounts: Partial<Record<FieldId, SubcountSeries>> = {};
  // Rows grouped once (a global usage year has ~60,000 kept rows over ~240 items), not filtered per item.
  const fieldRowsBy = groupBy(fieldRows, (r) => r.field);
  const keptRowsBy = groupBy(keptRows, (r) => `${r.field}\u0000${r.item_id}`);
  for (const field of fields) {
    const items = kept.filter((r) => r.field === field).sort((a, b) => a.rn - b.rn);
    const fieldSum = series(fieldRowsBy.get(field) ?? [], itemMetrics);
    const perItem = items.map((it) => series(keptRowsBy.get(`${field}\u0000${it.item_id}`) ?? [], itemMetrics));
    const other: Partial<Record<MetricId, number[]>> = {};
    const itemSeries: Partial<Record<MetricId, number[][]>> = {};
    for (const m of itemMetrics) {
      itemSeries[m] = perItem.map((s) => s[m] ?? []);
      other[m] = (fieldSum[m] ?? []).map((v, i) => {
        let kept = 0;
        for (const s of perItem) kept += s[m]?.[i] ?? 0;
        return v - kept;
      });
    }
    subcounts[field] = {
      items: items.map((it) => ({ id: it.item_id, labels: labels(field, it.item_id) })),
      series: itemSeries,
      other,
      otherItems: ranked.filter((r) => r.field === field).length - items.length,
    };
    // A global year's fields take a few hundred ms together: let other requests (and /healthz) in between.
    await nextTurn();
  }
  return {
    schemaVersion: 1,
    community: key.community,
    category: key.category,
    basis: family === 'records' ? basis : null,
    year: key.year,
    dates,
    dataAsOf: span.last,
    totals: series(totalRows, metrics),
    subcounts,
  };
}

/**
 * Daily rows (plus a baseline row `d = null` for snapshots) → one array per metric over the dates.
 *
 * Each stored row becomes its metric vector once and lands on its day; days without a row stay 0
 * (the vector of an empty fact). Snapshots are then the running sum from the baseline. No object
 * per day: building a bundle's ~240 series this way allocated ~175,000 short-lived objects per
 * bundle, which is what grew the serving process's heap. Adding vectors equals the vector of the
 * summed facts because every metric is a sum or difference of fact columns (facts.ts
 * `metricVector`; build.test.ts checks it), and each query returns one row per day anyway.
 */
function toSeries(args: {
  rows: readonly DailyRow[];
  metrics: readonly MetricId[];
  family: Family;
  mode: 'delta' | 'snapshot';
  from: string;
  length: number;
}): Partial<Record<MetricId, number[]>> {
  const { rows, metrics, family, mode, from, length } = args;
  const out = Object.fromEntries(metrics.map((m) => [m, new Array<number>(length).fill(0)])) as Record<MetricId, number[]>;
  const baseline = Object.fromEntries(metrics.map((m) => [m, 0])) as Record<MetricId, number>;
  const start = toEpochDay(from);
  for (const r of rows) {
    const fact = r as unknown as Fact;
    if (r.d === null) {
      const v = metricVector(family, fact, 'snapshot');
      for (const m of metrics) baseline[m] += v[m] ?? 0;
    } else {
      const v = metricVector(family, fact, mode);
      const day = toEpochDay(r.d) - start;
      for (const m of metrics) out[m][day] = (out[m][day] as number) + (v[m] ?? 0);
    }
  }
  if (mode === 'snapshot') {
    for (const m of metrics) {
      const values = out[m];
      let running = baseline[m];
      for (let i = 0; i < length; i++) {
        running += values[i] as number;
        values[i] = running;
      }
    }
  }
  return out;
}
