/**
 * Builds what a widget receives (`WidgetSeries`) from year bundles: slice → roll up → top-N +
 * Other → comparison. Pure: the data layer calls it with the bundles the range needs.
 */
import type { SeriesBundle } from '../../api/schemas';
import { snapRange } from '../dates';
import { alignComparison } from './comparison';
import { rollup, summarize } from './rollup';
import { sliceDaily } from './slice';
import { topN } from './topN';
import type { Comparison, DateRange, Granularity, SeriesItem, SeriesRequest, WidgetSeries } from './types';

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
  const totals = rollup({
    daily: sliceDaily({ bundles, range: snapped, pick: (b) => b.totals[metric] }),
    range: snapped,
    granularity,
    mode,
  });

  let compared: WidgetSeries['comparison'] = null;
  if (comparison) {
    const previous = rollup({
      daily: sliceDaily({ bundles: comparison.bundles, range: comparison.range, pick: (b) => b.totals[metric] }),
      range: comparison.range,
      granularity,
      mode,
      lastDay: comparison.range.end,
    });
    if (previous.periods.length > 0) {
      compared = { kind: comparison.kind, ...alignComparison({ values: previous.values, length: totals.periods.length, mode }) };
    }
  }

  return {
    metric,
    mode,
    granularity,
    periods: totals.periods,
    values: totals.values,
    summary: summarize(totals.values, mode),
    comparison: compared,
    breakdown: field ? buildBreakdown({ bundles, request, range: snapped, granularity, periods: totals.periods.length }) : null,
    dataAsOf: latestDataAsOf(bundles),
  };
}

function buildBreakdown({
  bundles,
  request,
  range,
  granularity,
  periods,
}: {
  bundles: readonly SeriesBundle[];
  request: SeriesRequest;
  range: DateRange;
  granularity: Granularity;
  periods: number;
}): WidgetSeries['breakdown'] {
  const { metric, mode, field } = request;
  if (!field) return null;
  const fit = (values: number[]) => Array.from({ length: periods }, (_, i) => values[i] ?? 0);
  const roll = (pick: (b: SeriesBundle) => readonly number[] | undefined) =>
    fit(rollup({ daily: sliceDaily({ bundles, range, pick }), range, granularity, mode }).values);

  // Items are merged by id across years; the latest year's labels win.
  const labels = new Map<string, SeriesItem['labels']>();
  for (const b of [...bundles].sort((x, y) => x.year - y.year)) {
    for (const item of b.subcounts[field]?.items ?? []) labels.set(item.id, item.labels);
  }
  const items: SeriesItem[] = [...labels].map(([id, itemLabels]) => {
    const values = roll((b) => {
      const sub = b.subcounts[field];
      const index = sub?.items.findIndex((item) => item.id === id) ?? -1;
      return index < 0 ? undefined : sub?.series[metric]?.[index];
    });
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
  return { field, items: result.items, other: result.other };
}
