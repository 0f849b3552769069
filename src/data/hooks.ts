/**
 * The data hooks widgets use (the surface is fixed in src/data/README.md). Widgets never fetch:
 * they say what they want (`SeriesRequest`) and receive it for the dashboard's current range,
 * granularity, basis and comparison, as a `Loadable` union to render by `status`.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { apiQuery, topRecordsQuery } from '../api/queries';
import type { TopRecordsResponse } from '../api/schemas';
import type { DateRange, WidgetSeries } from '../core/series/types';
import { todayUtc } from '../core/dates';
import type { Format } from '../i18n/format';
import { effectiveRange } from '../state/range';
import type { DashboardState } from '../state/store';
import { useDashboardContext } from './context';
import { seriesPlan, type WidgetSeriesRequest } from './seriesPlan';

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

/**
 * The effective range as a reader is told it: a range snapped to whole periods ends with its period
 * ("last 12 months" on Dec 1 runs to Dec 31), but no day after today has figures, so what the
 * dashboard states (its header, the top records' range) ends today.
 */
export function useShownRange(): DateRange {
  const { presetContext } = useDashboardContext();
  const range = useEffectiveRange();
  const today = presetContext.today ?? todayUtc();
  return useMemo(() => (range.end > today ? { start: range.start, end: today } : range), [range, today]);
}

/**
 * One widget's figures from the query API: exactly what it draws (by period, or over the range;
 * optionally by a field), for the dashboard's range, granularity, basis, comparison and filters.
 * Each control change alters only the queries whose normalised form changes; others stay cached.
 */
export function useSeries(request: WidgetSeriesRequest): Loadable<WidgetSeries> {
  const { apiBase, community } = useDashboardContext();
  const range = useEffectiveRange();
  const [granularity, basis, comparison, filters] = useDashboardState(useShallow((s) => [s.granularity, s.basis, s.comparison, s.filters] as const));
  const { metric, mode, field, topN, over, filters: own } = request;
  const plan = useMemo(
    () => seriesPlan({ community, range, granularity, basis, comparison, filters }, { metric, mode, field, topN, over, filters: own }),
    [community, range, granularity, basis, comparison, filters, metric, mode, field, topN, over, own],
  );
  const main = useQuery(apiQuery(apiBase, plan.main));
  const total = useQuery({ ...apiQuery(apiBase, plan.total ?? plan.main), enabled: plan.total !== null });
  const answer = main.data;
  const totalAnswer = plan.total ? total.data : undefined;
  const series = useMemo(
    () => (!answer || (plan.total && !totalAnswer) ? null : plan.build(answer, totalAnswer)),
    [plan, answer, totalAnswer],
  );
  // While a query of another shape loads (e.g. "show separately" was just chosen), the figures
  // drawn last stay on screen: the card keeps its controls, and a keyboard user keeps focus.
  // (React's "information from previous renders": state set while rendering, only on a change.)
  const [shown, setShown] = useState<WidgetSeries | null>(null);
  const latest = series === 'empty' ? null : series;
  if (series !== null && latest !== shown) setShown(latest);
  const error = main.error ?? (plan.total ? total.error : null);
  if (error) return { status: 'error', error, retry: () => void Promise.all([main.refetch(), plan.total ? total.refetch() : null]) };
  if (series === null) return shown ? { status: 'success', data: shown } : { status: 'pending' };
  if (series === 'empty') return { status: 'empty' };
  return { status: 'success', data: series };
}

export function useTopRecords({ metric, limit }: { metric: 'views' | 'downloads'; limit: number }): Loadable<TopRecordsResponse> {
  const { apiBase, community } = useDashboardContext();
  const range = useShownRange();
  const filters = useDashboardState((s) => s.filters);
  const query = useQuery(topRecordsQuery({ apiBase, community, metric, start: range.start, end: range.end, limit, filters }));
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
