/**
 * The state switch every widget story shares: the same `LoadableView` the connectors use for
 * loading / empty / error, plus "aggregation in progress" (data only through an earlier day, as
 * while the server catches up) and a 360 px frame for tiny screens.
 */
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { LoadableView } from '../../src/components/widgets/shared/Loadable';
import type { WidgetT } from '../../src/components/widgets/shared/types';
import type { WidgetSeries } from '../../src/core/series/types';
import { addDays } from '../../src/core/dates';

export const WIDGET_STATES = ['ready', 'loading', 'empty', 'error', 'aggregation in progress'] as const;
export type WidgetState = (typeof WIDGET_STATES)[number];

/**
 * What the reader has done with the card's ⋯ menu: nothing, opened it, switched to the table
 * view, or hidden the card. Reached by clicking the real menu once the card is drawn.
 */
export const CARD_STATES = ['as drawn', 'menu open', 'table view', 'hidden'] as const;
export type CardState = (typeof CARD_STATES)[number];

/** Clicks the card's ⋯ menu inside `root`, then the action labelled `action` (none: leave it open). */
function useCardState(root: RefObject<HTMLElement | null>, card: CardState, t: WidgetT, ready: boolean) {
  useEffect(() => {
    const menu = root.current?.querySelector<HTMLElement>('.rs-card-menu');
    if (!ready || card === 'as drawn' || !menu) return;
    menu.click();
    if (card === 'menu open') return;
    const label = t(card === 'hidden' ? 'common.hide' : 'common.viewAsTable');
    [...menu.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent?.trim() === label)?.click();
  }, [root, card, t, ready]);
}

/** Keeps the first ~2/3 of the periods, as when aggregation has not reached the range's end. */
export function inProgress(series: WidgetSeries): WidgetSeries {
  const keep = Math.max(1, Math.floor((series.periods.length * 2) / 3));
  const cut = (values: number[]) => values.map((v, i) => (i < keep ? v : 0));
  const lastDay = series.periods[keep] ? addDays(series.periods[keep], -1) : series.dataAsOf;
  return {
    ...series,
    values: cut(series.values),
    summary: series.mode === 'delta' ? cut(series.values).reduce((a, b) => a + b, 0) : (series.values[keep - 1] ?? 0),
    dataAsOf: lastDay,
  };
}

export interface WidgetStoryProps {
  state: WidgetState;
  t: WidgetT;
  /** The widget's title, shown above the loading / empty / error states too. */
  title: string;
  /** The skeleton's fixed height (the widget's own height when it has one). */
  height: number;
  series: WidgetSeries;
  /** Frame the widget as a 360 px wide phone screen. */
  narrow?: boolean;
  /** The card's ⋯ menu state (default: as drawn). */
  card?: CardState;
  children: (series: WidgetSeries) => ReactNode;
}

export function WidgetStory({ state, t, title, height, series, narrow, card = 'as drawn', children }: WidgetStoryProps) {
  const root = useRef<HTMLDivElement>(null);
  useCardState(root, card, t, state === 'ready' || state === 'aggregation in progress');
  const loadable =
    state === 'loading'
      ? ({ status: 'pending' } as const)
      : state === 'empty'
        ? ({ status: 'empty' } as const)
        : state === 'error'
          ? ({ status: 'error', error: new Error('HTTP 503 from /api/v1/communities/global/series'), retry: () => undefined } as const)
          : ({ status: 'success', data: state === 'aggregation in progress' ? inProgress(series) : series } as const);
  return (
    <div ref={root} style={narrow ? { width: 360, maxWidth: '100%' } : undefined} data-story-state={state}>
      <LoadableView loadable={loadable} t={t} title={title} height={height}>
        {children}
      </LoadableView>
    </div>
  );
}
