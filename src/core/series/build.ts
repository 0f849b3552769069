/**
 * Builds what a widget receives (`WidgetSeries`) from year bundles: slice → roll up → top-N +
 * Other → comparison (of the total, and of each kept item and Other). Pure: the data layer calls
 * it with the bundles the range needs.
 */
import type { SeriesBundle } from '../../api/schemas';
import { snapRange } from '../dates';
import { dailyAxis, rollupOnAxis, type DailyAxis } from './axis';
import { alignComparison } from './comparison';
import { summarize } from './rollup';
import { topN } from './topN';
import type { ComparedValues, Comparison, DateRange, Granularity, SeriesItem, SeriesRequest, WidgetSeries } from './types';

export const DEFAULT_TOP_ITEMS = 10;

export interface BuildOptions {
  bundles: readonly SeriesBundle[];
  request: SeriesRequest;
  range: DateRange;
  granularity: Granularity;
  comparison?: { kind: Exclude<Comparison, 'none'>; range: DateRange; bundles: readonly SeriesBundle[] } | null;
}

/** The most recent `dataAsOf` across the bundles (null when none has any day). */
export function latestDataAsOf(bundles: readonly SeriesBundle[]): string | null {
  return bundles.reduce<string | null>((acc, b) => (b.dataAsOf && (!acc || b.dataAsOf > acc) ? b.dataAsOf : acc), null);
}

export function buildWidgetSeries({ bundles, request, range, granularity, comparison }: BuildOptions): WidgetSeries {
  const { metric, mode, field } = request;
  const snapped = snapRange(range, granularity);
  const axis = dailyAxis({ bundles, range: snapped, granularity });
  const values = rollupOnAxis(axis, (b) => b.totals[metric], mode);

  let compared: WidgetSeries['comparison'] = null;
  let previous: PreviousAxis | null = null;
  if (comparison) {
    const previousAxis = dailyAxis({ bundles: comparison.bundles, range: comparison.range, granularity, lastDay: comparison.range.end });
    if (previousAxis.periods.length > 0) {
      previous = { axis: previousAxis, bundles: comparison.bundles };
      const previousValues = rollupOnAxis(previousAxis, (b) => b.totals[metric], mode);
      compared = { kind: comparison.kind, ...alignComparison({ values: previousValues, length: axis.periods.length, mode }) };
    }
  }

  return {
    metric,
    mode,
    granularity,
    periods: axis.periods,
    values,
    summary: summarize(values, mode),
    comparison: compared,
    breakdown: field ? buildBreakdown({ bundles, request, axis, previous }) : null,
    dataAsOf: latestDataAsOf(bundles),
  };
}

/** The comparison period's days, and the bundles they come from. */
interface PreviousAxis {
  axis: DailyAxis;
  bundles: readonly SeriesBundle[];
}

function buildBreakdown({
  bundles,
  request,
  axis,
  previous,
}: {
  bundles: readonly SeriesBundle[];
  request: SeriesRequest;
  axis: DailyAxis;
  previous: PreviousAxis | null;
}): WidgetSeries['breakdown'] {
  const { metric, mode, field } = request;
  if (!field) return null;
  const roll = (pick: (b: SeriesBundle) => readonly number[] | undefined) => rollupOnAxis(axis, pick, mode);

  // Items are merged by id across years; the latest year's labels win.
  const labels = new Map<string, SeriesItem['labels']>();
  for (const b of [...bundles].sort((x, y) => x.year - y.year)) {
    for (const item of b.subcounts[field]?.items ?? []) labels.set(item.id, item.labels);
  }
  // Each bundle's position of an item, looked up once per bundle rather than once per item.
  const positions = new Map<SeriesBundle, Map<string, number>>();
  for (const b of new Set([...bundles, ...(previous?.bundles ?? [])])) {
    const byId = new Map<string, number>();
    (b.subcounts[field]?.items ?? []).forEach((item, i) => byId.has(item.id) || byId.set(item.id, i));
    positions.set(b, byId);
  }
  const itemDaily = (id: string) => (b: SeriesBundle) => {
    const index = positions.get(b)?.get(id);
    return index === undefined ? undefined : b.subcounts[field]?.series[metric]?.[index];
  };
  const items: SeriesItem[] = [...labels].map(([id, itemLabels]) => {
    const values = roll(itemDaily(id));
    return { id, labels: itemLabels, values, summary: summarize(values, mode) };
  }).filter((item) => item.values.some((v) => v !== 0)); // items only seen outside the range
  const otherValues = roll((b) => b.subcounts[field]?.other[metric]);
  const otherItems = bundles.reduce((max, b) => Math.max(max, b.subcounts[field]?.otherItems ?? 0), 0);
  const result = topN({
    items,
    other: { values: otherValues, summary: summarize(otherValues, mode), items: otherItems },
    n: request.topN ?? DEFAULT_TOP_ITEMS,
    mode,
  });
  if (!previous) return { field, items: result.items, other: result.other };

  // The comparison period is read for the items kept now (not that period's own top N), so each
  // line compares like with like; aligned as the total's comparison is. An item the server folded
  // into its Other in a comparison year reads zero there, as it does in the current range.
  const length = axis.periods.length;
  const compare = (daily: (b: SeriesBundle) => readonly number[] | undefined): ComparedValues =>
    alignComparison({ values: rollupOnAxis(previous.axis, daily, mode), length, mode });
  const kept = new Set(result.items.map((item) => item.id));
  // Other then held everything but the kept items: the server's Other plus every listed item not kept.
  const rest = new Set<string>();
  for (const b of previous.bundles) {
    for (const item of b.subcounts[field]?.items ?? []) if (!kept.has(item.id)) rest.add(item.id);
  }
  const otherPrevious = rollupOnAxis(previous.axis, (b) => b.subcounts[field]?.other[metric], mode);
  for (const id of rest) {
    rollupOnAxis(previous.axis, itemDaily(id), mode).forEach((v, i) => (otherPrevious[i] = (otherPrevious[i] as number) + v));
  }
  return {
    field,
    items: result.items.map((item) => ({ ...item, comparison: compare(itemDaily(item.id)) })),
    other: { ...result.other, comparison: alignComparison({ values: otherPrevious, length, mode }) },
  };
}
