/**
 * The one chart component: `echarts-for-react`'s core entry over our `echarts/core` (only the
 * charts and components we register), drawing a finished option from a pure builder. It resizes
 * with its container and is disposed on unmount; a new theme re-creates the instance.
 *
 * Motion: the first drawing is animated (unless the reader prefers reduced motion); an update
 * to a chart at rest is drawn at once. With `notMerge` every update would replay the intro, on
 * every chart of the page together (a granularity switch redraws them all).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import ReactEChartsCoreModule from 'echarts-for-react/lib/core';
import type { ChartOption } from '../../core/charts/types';
import { defaultRenderer, echarts, type EChartsType, type Renderer } from './echarts';
import { usePrefersReducedMotion } from './usePrefersReducedMotion';

/**
 * `lib/core` is CommonJS (`exports.default`): Node and Vitest hand us the component, while
 * bundlers (Vite, webpack) may hand us the module object, so take `.default` when it is there.
 */
const ReactEChartsCore =
  (ReactEChartsCoreModule as unknown as { default?: typeof ReactEChartsCoreModule }).default ?? ReactEChartsCoreModule;

export interface ChartProps {
  option: ChartOption;
  height: number;
  /** Fixed width in px; by default the chart fills its container. */
  width?: number;
  renderer?: Renderer;
  /** Accessible name of the chart (ECharts replaces it with the aria description once drawn). */
  label: string;
  /** The ECharts theme object (`echartsTheme(tokens)`); a different one re-creates the chart. */
  theme?: Record<string, unknown>;
  /** Receives the live instance (for PNG export), and null on unmount. */
  onInstance?: (chart: EChartsType | null) => void;
}

export function Chart({ option, height, width, renderer, label, theme, onInstance }: ChartProps) {
  const reducedMotion = usePrefersReducedMotion();
  // Set once the first drawing's animation has finished; later updates are drawn without one.
  const [atRest, setAtRest] = useState(false);
  const onInstanceRef = useRef(onInstance);
  useEffect(() => {
    onInstanceRef.current = onInstance;
  }, [onInstance]);
  useEffect(() => () => onInstanceRef.current?.(null), []);

  const shown = useMemo(() => {
    const base = option.animation === undefined ? true : Boolean(option.animation);
    return { ...option, animation: base && !reducedMotion && !atRest };
  }, [option, reducedMotion, atRest]);
  const opts = useMemo(() => ({ renderer: renderer ?? defaultRenderer(), width: width ?? ('auto' as const), height }), [renderer, width, height]);
  const onEvents = useMemo(() => ({ finished: () => setAtRest(true) }), []);

  return (
    <ReactEChartsCore
      echarts={echarts}
      option={shown}
      notMerge
      theme={theme}
      opts={opts}
      onEvents={onEvents}
      onChartReady={(chart: EChartsType) => onInstanceRef.current?.(chart)}
      className="rs-chart"
      style={{ width: width ?? '100%', height }}
      role="img"
      aria-label={label}
    />
  );
}
