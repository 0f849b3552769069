/**
 * The mock query API: answers `POST/GET /v1/query` from the mock year bundles (synthetic or the
 * demo fixtures), shaped exactly as the server answers, so component tests and Storybook run the
 * dashboard's real data path. Ranges, periods, partial periods and comparisons are the server's
 * own functions (src/core/queryRange.ts).
 *
 * The figures are the bundles' days added up (deltas) or read at a period's last day
 * (cumulative): distinct counts are not modelled. A filter scales each day by the share its items
 * hold of the filtered field (metrics without subcounts use `records` or `views` for that share);
 * a breakdown by the filtered field keeps only the filtered items.
 */
import type { QueryRequest, QueryResponse, QueryRow } from '../api/query';
import { fieldOf, grainOf, isTimeDimension, type FieldDimension } from '../api/query';
import type { Labels, SeriesBundle } from '../api/schemas';
import { yearsIn } from '../core/dates';
import type { FieldId } from '../core/fields';
import { METRICS, type Category, type MetricId } from '../core/metrics';
import { bucketsOf, comparisonRange, partialPeriods, resolveRange, type Bucket, type Range } from '../core/queryRange';
import { addDays } from '../core/dates';
import type { MockBundleOptions } from './bundles';

export type BundleSource = (options: MockBundleOptions) => SeriesBundle | null | Promise<SeriesBundle | null>;

/** Daily lookups over the bundles of a range's years, for one metric family and mode. */
class Days {
  private readonly byDay = new Map<string, { bundle: SeriesBundle; index: number }>();
  constructor(bundles: readonly SeriesBundle[]) {
    for (const bundle of bundles) bundle.dates.forEach((d, index) => this.byDay.set(d, { bundle, index }));
  }
  private at(day: string) {
    return this.byDay.get(day);
  }
  total(metric: MetricId, day: string): number {
    const hit = this.at(day);
    return hit ? (hit.bundle.totals[metric]?.[hit.index] ?? 0) : 0;
  }
  item(field: FieldId, id: string, metric: MetricId, day: string): number {
    const hit = this.at(day);
    const sub = hit?.bundle.subcounts[field];
    const k = sub?.items.findIndex((i) => i.id === id) ?? -1;
    return hit && sub && k >= 0 ? (sub.series[metric]?.[k]?.[hit.index] ?? 0) : 0;
  }
  other(field: FieldId, metric: MetricId, day: string): number {
    const hit = this.at(day);
    return hit ? (hit.bundle.subcounts[field]?.other[metric]?.[hit.index] ?? 0) : 0;
  }
  items(field: FieldId): { ids: string[]; labels: Record<string, Labels>; otherItems: number } {
    const labels: Record<string, Labels> = {};
    let otherItems = 0;
    for (const { bundle } of this.byDay.values()) {
      for (const item of bundle.subcounts[field]?.items ?? []) labels[item.id] = item.labels;
      otherItems = Math.max(otherItems, bundle.subcounts[field]?.otherItems ?? 0);
    }
    return { ids: Object.keys(labels), labels, otherItems };
  }
}

export interface MockQueryContext {
  bundle: BundleSource;
  community: string;
  /** Data as of. */
  today: string;
  /** The community's first day of data. */
  firstDay: string;
}

/** The bundle category a query reads (its metric's family; snapshots for cumulative). */
export function categoryOfQuery(q: QueryRequest): Category {
  const family = METRICS[q.metrics[0]!].family === 'records' ? 'record' : 'usage';
  return `${family}-${q.mode === 'cumulative' ? 'snapshot' : 'delta'}`;
}

export async function mockQueryAnswer(q: QueryRequest, ctx: MockQueryContext): Promise<QueryResponse> {
  const range = resolveRange(q.date_range, { dataAsOf: ctx.today, dataStart: ctx.firstDay });
  const previous = q.include.comparison ? comparisonRange(range, q.include.comparison) : null;
  const years = [...new Set([...yearsIn({ start: range[0], end: range[1] }), ...(previous ? yearsIn({ start: previous[0], end: previous[1] }) : [])])];
  const category = categoryOfQuery(q);
  const loaded = await Promise.all(years.map((year) => ctx.bundle({ community: ctx.community, category, year, basis: q.basis, today: ctx.today })));
  return answerFromBundles(q, loaded.filter((b): b is SeriesBundle => b !== null), ctx);
}

/** The answer from bundles already at hand (those of the query's category for the years it reads). */
export function answerFromBundles(q: QueryRequest, bundles: readonly SeriesBundle[], ctx: Pick<MockQueryContext, 'today' | 'firstDay'>): QueryResponse {
  const metric = q.metrics[0]!;
  const family = METRICS[metric].family;
  const range = resolveRange(q.date_range, { dataAsOf: ctx.today, dataStart: ctx.firstDay });
  const previous = q.include.comparison ? comparisonRange(range, q.include.comparison) : null;
  const days = new Days(bundles);
  const share = METRICS[metric].subcount ? metric : family === 'records' ? 'records' : 'views';
  const time = q.dimensions.find(isTimeDimension);
  const fieldRef = q.dimensions.find((d): d is FieldDimension => !isTimeDimension(d));
  const field = fieldRef ? fieldOf(fieldRef) : null;
  const removed = q.mode === 'removed';

  /** The day's filter scale, leaving out filters on `except` (the breakdown field keeps items instead). */
  const scale = (day: string, except: FieldId | null) =>
    q.filters.reduce((r, [op, ref, values]) => {
      const f = fieldOf(ref);
      if (f === except) return r;
      const whole = days.total(share, day);
      const part = values.reduce((s, v) => s + days.item(f, v, share, day), 0);
      return r * (whole === 0 ? (op === 'is' ? 0 : 1) : (op === 'is' ? part : whole - part) / whole);
    }, 1);
  const daily = (read: (day: string) => number, except: FieldId | null) => (day: string) => (removed ? 0 : read(day) * scale(day, except));
  /** A bucket's figure: the days summed, or the last day's value for cumulative. */
  const over = (b: Bucket, value: (day: string) => number) => {
    if (q.mode === 'cumulative') return Math.round(value(b.end));
    let sum = 0;
    for (let d = b.start; d <= b.end; d = addDays(d, 1)) sum += value(d);
    return Math.round(sum);
  };
  const kept = (id: string) =>
    q.filters.every(([op, ref, values]) => fieldOf(ref) !== field || (op === 'is' ? values.includes(id) : !values.includes(id)));

  const catalogue = field ? days.items(field) : null;
  const ids = catalogue ? catalogue.ids.filter(kept) : [];
  const itemValue = (id: string) => daily((d) => days.item(field!, id, metric, d), field);
  const totalValue = daily((d) => days.total(metric, d), null);

  const resultsFor = (r: Range): { rows: QueryRow[]; picked: string[]; rest: string[] } => {
    const buckets = bucketsOf(r, time ? grainOf(time) : null);
    const whole = bucketsOf(r, null)[0]!;
    const order = (row: string[]) => q.dimensions.map((d) => (isTimeDimension(d) ? row[0]! : row[1]!));
    if (!field) {
      const rows = buckets.map((b) => ({ dimensions: order([b.label]).filter((x) => x !== ''), metrics: [over(b, totalValue)] }));
      return { rows: time ? rows.slice(q.offset, q.offset + q.limit) : rows, picked: [], rest: [] };
    }
    const ranked = ids
      .map((id) => ({ id, value: over(whole, itemValue(id)) }))
      .filter((i) => i.value !== 0)
      .sort((a, b) => b.value - a.value || a.id.localeCompare(b.id));
    const picked = ranked.slice(q.offset, q.offset + q.limit).map((i) => i.id);
    const rest = ranked.filter((i) => !picked.includes(i.id)).map((i) => i.id);
    const rows = buckets.flatMap((b) => picked.map((id) => ({ dimensions: order([b.label, id]), metrics: [over(b, itemValue(id))] })));
    return { rows, picked, rest };
  };
  const totalsFor = (r: Range) => ({ metrics: [over(bucketsOf(r, null)[0]!, totalValue)] });

  const main = resultsFor(range);
  const response: QueryResponse = {
    results: main.rows,
    meta: {
      data_as_of: ctx.today,
      partial_periods: partialPeriods(range, time ? grainOf(time) : null),
      // The picked items, and the items the filters name (as the server labels them).
      labels: Object.fromEntries([
        ...q.filters.flatMap(([, ref, values]) => values.map((id) => [id, days.items(fieldOf(ref)).labels[id] ?? {}] as const)),
        ...main.picked.map((id) => [id, catalogue?.labels[id] ?? {}] as const),
      ]),
      notes: metric.endsWith('_unique_visitors') ? ['unique visitors over a period are the sum of its days’ distinct visitors'] : [],
    },
    query: { ...q, date_range: [range[0], range[1]] },
  };
  if (q.include.other && field) {
    const whole = bucketsOf(range, null)[0]!;
    const restSum = main.rest.reduce((s, id) => s + over(whole, itemValue(id)), 0);
    const otherDaily = daily((d) => days.other(field, metric, d), null);
    response.other = { items: main.rest.length + (catalogue?.otherItems ?? 0), metrics: [restSum + over(whole, otherDaily)] };
  }
  if (q.include.totals) response.totals = totalsFor(range);
  if (previous) {
    const before = resultsFor(previous);
    response.comparison = { date_range: [previous[0], previous[1]], results: before.rows, ...(q.include.totals ? { totals: totalsFor(previous) } : {}) };
  }
  return response;
}
