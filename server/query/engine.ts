/**
 * The query engine: a normalised request in, the answer out (results in the order asked, the
 * exact Other of a top-N, totals over the whole range, the comparison range, meta). Figures come
 * from the base tables through `computeGrid`, so a period's distinct counts are exact.
 *
 * Paging: with a field dimension, `order_by` / `limit` / `offset` pick items (ranked by their
 * figures over the whole range) and the results hold every period of the picked items; with
 * only a time dimension they page the periods.
 */
import {
  RECORD_DIMENSION, fieldOf, grainOf, isTimeDimension, itemOf,
  type Dimension, type ItemDimension, type NormalisedQuery, type QueryRequest, type QueryResponse, type QueryRow, type TimeDimension,
} from '../../src/api/query';
import type { SqlEngine } from '../storage/port';
import { GLOBAL } from '../../src/core/kinds';
import { computeGrid, joinKey, type Grid, type GridSpec } from './compute';
import type { DataState } from './dataState';
import { historyNotes } from './history';
import { itemLabels } from './labels';
import { RangeProblem, bucketsOf, comparisonRange, partialPeriods, resolveRange, type Range } from './range';
import type { EngineFilter } from './sqlParts';

export const UNIQUE_VISITORS_NOTE =
  'unique visitors over a period are the sum of its days\u2019 distinct visitors: visitor ids rotate daily, so one person on two days counts twice';

/** Most periods one answer computes (about 10 years of days). */
export const MAX_PERIODS = 3660;

/** A request the engine can run: parsed by QueryRequestSchema, community resolved to its id. */
export type EngineRequest = QueryRequest;

export interface EngineOptions {
  /**
   * Name records a restricted community held in a `global` record breakdown (an administrator's
   * view). Off by default: the public list, and the response cache, never name them.
   */
  includeRestricted?: boolean;
}

/** Whether a grid of `q` reads usage only from records no restricted community held. */
const hidesRestricted = (q: EngineRequest, fields: readonly ItemDimension[], options: EngineOptions) =>
  q.community === GLOBAL && fields.includes(RECORD_DIMENSION) && !options.includeRestricted;

interface Shape {
  /** Position of each dimension in a cell key (0 = the period, 1.. = field items). */
  keyIndex: number[];
  grain: ReturnType<typeof grainOf> | null;
  fields: ItemDimension[];
}

function shapeOf(dimensions: readonly Dimension[]): Shape {
  const time = dimensions.find(isTimeDimension);
  const fieldDims = dimensions.filter((d): d is Exclude<Dimension, TimeDimension> => !isTimeDimension(d));
  let f = 0;
  return {
    keyIndex: dimensions.map((d) => (isTimeDimension(d) ? 0 : ++f)),
    grain: time ? grainOf(time) : null,
    fields: fieldDims.map(itemOf),
  };
}

const requestFilters = (q: EngineRequest): EngineFilter[] =>
  q.filters.map(([op, ref, values]) => ({ op, field: fieldOf(ref), values: [...new Set(values)] }));

function compare(a: number[], b: number[], order: readonly (readonly [number, 'asc' | 'desc'])[]): number {
  for (const [i, dir] of order) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return dir === 'asc' ? d : -d;
  }
  return 0;
}

/** Rows of one range: the grid laid out in the asked dimension order, ordered and paged. */
async function resultsFor(db: SqlEngine, q: EngineRequest, range: Range, dataStart: string, options: EngineOptions) {
  const shape = shapeOf(q.dimensions);
  const buckets = bucketsOf(range, shape.grain);
  if (buckets.length > MAX_PERIODS) {
    throw new RangeProblem(`holds ${buckets.length} periods of ${shape.grain}; ask for a shorter range or a coarser time dimension (at most ${MAX_PERIODS})`);
  }
  const spec: GridSpec = {
    community: q.community, metrics: q.metrics, mode: q.mode, basis: q.basis, buckets,
    fields: shape.fields, filters: requestFilters(q), dataStart, hideRestricted: hidesRestricted(q, shape.fields, options),
  };
  const grid = await computeGrid(db, spec);
  const metricOrder = q.order_by.flatMap(([k, dir]) => {
    const i = (q.metrics as string[]).indexOf(k);
    return i >= 0 ? [[i, dir] as const] : [];
  });
  const order = metricOrder.length ? metricOrder : shape.fields.length ? [[0, 'desc'] as const] : [];
  const toRow = (key: readonly string[], values: number[]): QueryRow => ({
    dimensions: shape.keyIndex.map((i) => key[i]!),
    metrics: values,
  });
  if (shape.fields.length === 0) {
    const rows = buckets.map((b) => toRow([b.label], grid.cells.get(joinKey([b.label]))?.values ?? q.metrics.map(() => 0)));
    const timeDesc = q.order_by.some(([k, dir]) => isTimeDimension(k as Dimension) && dir === 'desc');
    if (timeDesc) rows.reverse();
    if (metricOrder.length) rows.sort((a, b) => compare(a.metrics, b.metrics, metricOrder));
    return { rows: shape.grain ? rows.slice(q.offset, q.offset + q.limit) : rows, items: [] as string[][], rest: [] as string[][], shape, spec };
  }
  // Rank the items by their figures over the whole range (one bucket), then page them.
  const ranking = shape.grain ? await computeGrid(db, { ...spec, buckets: bucketsOf(range, null) }) : grid;
  const units = [...ranking.cells.values()]
    .map((c) => ({ items: c.key.slice(1), values: c.values }))
    .sort((a, b) => compare(a.values, b.values, order) || joinKey(a.items).localeCompare(joinKey(b.items)));
  const picked = units.slice(q.offset, q.offset + q.limit).map((u) => u.items);
  const rest = units.filter((u) => !picked.some((p) => joinKey(p) === joinKey(u.items))).map((u) => u.items);
  const rows: QueryRow[] = [];
  for (const b of buckets) {
    for (const items of picked) {
      const key = [b.label, ...items];
      const cell = grid.cells.get(joinKey(key));
      if (cell || shape.grain) rows.push(toRow(key, cell?.values ?? q.metrics.map(() => 0)));
    }
  }
  return { rows, items: picked, rest, shape, spec };
}

async function totalsFor(db: SqlEngine, q: EngineRequest, range: Range, dataStart: string): Promise<number[]> {
  const grid: Grid = await computeGrid(db, {
    community: q.community, metrics: q.metrics, mode: q.mode, basis: q.basis, buckets: bucketsOf(range, null),
    fields: [], filters: requestFilters(q), dataStart,
  });
  return grid.cells.get(joinKey(['']))?.values ?? q.metrics.map(() => 0);
}

export async function runQuery(
  db: SqlEngine, q: EngineRequest, state: Pick<DataState, 'dataAsOf' | 'dataStart'>, options: EngineOptions = {},
): Promise<QueryResponse> {
  const notes = q.metrics.some((m) => m.endsWith('_unique_visitors')) ? [UNIQUE_VISITORS_NOTE] : [];
  if (!state.dataAsOf) {
    const query = q as unknown as Record<string, unknown>;
    return {
      results: [],
      meta: { data_as_of: null, partial_periods: [], labels: {}, notes: [...notes, 'nothing is aggregated yet: run `repostats aggregate`'] },
      query,
    };
  }
  const data = { dataAsOf: state.dataAsOf, dataStart: state.dataStart ?? state.dataAsOf };
  const range = resolveRange(q.date_range, data);
  const normalised: NormalisedQuery = { ...q, date_range: [range[0], range[1]] };
  const main = await resultsFor(db, q, range, data.dataStart, options);
  const ranges = q.include.comparison ? [range, comparisonRange(range, q.include.comparison)] : [range];
  notes.push(...(await historyNotes(db, { ...q, fields: main.shape.fields, filters: requestFilters(q) }, ranges)));
  const response: QueryResponse = {
    results: main.rows,
    meta: { data_as_of: state.dataAsOf, partial_periods: partialPeriods(range, main.shape.grain), labels: {}, notes },
    query: normalised as unknown as Record<string, unknown>,
  };
  if (q.include.other && main.shape.fields.length === 1) {
    const field = main.shape.fields[0]!;
    const other = await computeGrid(db, {
      ...main.spec, buckets: bucketsOf(range, null), fields: [],
      filters: [...main.spec.filters, { op: 'other_than', field, values: main.items.map((i) => i[0]!) }],
    });
    response.other = { items: main.rest.length, metrics: other.cells.get(joinKey(['']))?.values ?? q.metrics.map(() => 0) };
  }
  if (q.include.totals) response.totals = { metrics: await totalsFor(db, q, range, data.dataStart) };
  if (q.include.comparison) {
    const previous = comparisonRange(range, q.include.comparison);
    const before = await resultsFor(db, q, previous, data.dataStart, options);
    response.comparison = {
      date_range: [previous[0], previous[1]],
      results: before.rows,
      ...(q.include.totals ? { totals: { metrics: await totalsFor(db, q, previous, data.dataStart) } } : {}),
    };
  }
  response.meta.labels = await itemLabels(db, main.shape.fields, main.items);
  // The items the filters name are labelled too, so a client can name its filter chips.
  for (const filter of requestFilters(q).filter((f) => f.field !== RECORD_DIMENSION)) {
    Object.assign(response.meta.labels, await itemLabels(db, [filter.field], filter.values.map((v) => [v])));
  }
  return response;
}
