/**
 * The data hooks widgets use (the surface is fixed in src/data/README.md). Widgets never fetch:
 * they say what they want (`SeriesRequest`) and receive it for the dashboard's current range,
 * granularity, basis and comparison, as a `Loadable` union to render by `status`.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { seriesQuery, topRecordsQuery } from '../api/queries';
import type { TopRecordsResponse } from '../api/schemas';
import { yearsIn } from '../core/dates';
import { categoryFor } from '../core/metrics';
import { buildWidgetSeries } from '../core/series/build';
import { comparisonRange } from '../core/series/comparison';
import type { DateRange, SeriesRequest, WidgetSeries } from '../core/series/types';
import type { Format } from '../i18n/format';
import { effectiveRange } from '../state/range';
import type { DashboardState } from '../state/store';
import { useDashboardContext } from './context';
import { createYearBlocksCombiner } from './yearBlocks';

/**
 * @example
 * const series = useSeries({ metric: 'downloads', mode: 'delta', field: 'countries' });
 * if (series.status === 'success') draw(series.data.values);
 */
export type Loadable<T> =
  | { status: 'pending' }
  | { status: 'error'; error: Error; retry: () => void }
  | { status: 'empty' }
  | { status: 'success'; data: T };

/** Narrow selector on this dashboard's store. */
export function useDashboardState<T>(selector: (state: DashboardState) => T): T {
  return useStore(useDashboardContext().store, selector);
}

/** The current range, resolved and snapped to whole periods of the granularity. */
export function useEffectiveRange(): DateRange {
  const { presetContext } = useDashboardContext();
  const [range, granularity] = useDashboardState(useShallow((s) => [s.range, s.granularity] as const));
  return useMemo(() => effectiveRange(range, granularity, presetContext), [range, granularity, presetContext]);
}

export function useSeries(request: SeriesRequest): Loadable<WidgetSeries> {
  const { apiBase, community, presetContext } = useDashboardContext();
  const range = useEffectiveRange();
  const firstYear = presetContext.firstDay ? Number(presetContext.firstDay.slice(0, 4)) : null;
  const [granularity, basis, comparison] = useDashboardState(useShallow((s) => [s.granularity, s.basis, s.comparison] as const));
  const category = categoryFor(request.metric, request.mode);
  const bundleBasis = category.startsWith('record') ? basis : null;
  const previous = comparison === 'none' ? null : comparisonRange(range, comparison, granularity);
  const years = [...new Set([...(previous ? yearsIn(previous) : []), ...yearsIn(range)])].sort();
  const [combine] = useState(createYearBlocksCombiner);
  const { blocks, error, retry } = useQueries({
    queries: years.map((year) => seriesQuery({ apiBase, community, category, year, basis: bundleBasis }, { firstYear })),
    combine,
  });
  const { metric, mode, field, topN } = request;
  const previousStart = previous?.start;
  const previousEnd = previous?.end;
  const series = useMemo(() => {
    if (blocks === null) return null;
    const { bundles } = blocks;
    return buildWidgetSeries({
      bundles,
      request: { metric, mode, field, topN },
      range,
      granularity,
      comparison: previousStart && previousEnd && comparison !== 'none' ? { kind: comparison, range: { start: previousStart, end: previousEnd }, bundles } : null,
    });
  }, [blocks, metric, mode, field, topN, range, granularity, comparison, previousStart, previousEnd]);

  if (error) return { status: 'error', error, retry };
  if (!series) return { status: 'pending' };
  if (series.periods.length === 0) return { status: 'empty' };
  return { status: 'success', data: series };
}

export function useTopRecords({ metric, limit }: { metric: 'views' | 'downloads'; limit: number }): Loadable<TopRecordsResponse> {
  const { apiBase, community } = useDashboardContext();
  const range = useEffectiveRange();
  const query = useQuery(topRecordsQuery({ apiBase, community, metric, start: range.start, end: range.end, limit }));
  if (query.error) return { status: 'error', error: query.error, retry: () => void query.refetch() };
  if (!query.data) return { status: 'pending' };
  if (query.data.records.length === 0) return { status: 'empty' };
  return { status: 'success', data: query.data };
}

/** Formatting for this dashboard's locale (numbers, bytes, periods, countries, labels). */
export function useFormat(): Format {
  return useDashboardContext().format;
}

/** i18next `t` bound to the `widgets` namespace of this dashboard's i18n instance. */
export function useWidgetT() {
  return useTranslation('widgets').t;
}
