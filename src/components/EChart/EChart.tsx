/**
 * The one chart component: takes a finished option (from a pure builder) and draws it.
 * Theme from the `--rs-` CSS properties around it; resizes with its container; disposed on unmount.
 */
import { useEffect, useRef } from 'react';
import type { ChartOption } from '../../core/charts/types';
import { echartsTheme } from '../../theme/echartsTheme';
import { readThemeTokens } from '../../theme/tokens';
import { defaultRenderer, init, type EChartsType, type Renderer } from './echarts';
import { usePrefersReducedMotion } from './usePrefersReducedMotion';

export interface EChartProps {
  option: ChartOption;
  height: number;
  /** Fixed width in px; by default the chart fills its container. */
  width?: number;
  renderer?: Renderer;
  /** Accessible name of the chart (ECharts replaces it with the aria description once drawn). */
  label: string;
  /** Change it (e.g. the theme name) to re-read the CSS theme. */
  themeKey?: string;
  /** Receives the live instance (for PNG export), and null on unmount. */
  onInstance?: (chart: EChartsType | null) => void;
}

/** Used when the container has no width yet (hidden tab, jsdom). */
const FALLBACK_WIDTH = 600;

export function EChart({ option, height, width, renderer, label, themeKey, onInstance }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  /** Whether this instance has drawn an option yet (its first drawing is animated, updates at rest are not). */
  const drawnRef = useRef(false);
  const reducedMotion = usePrefersReducedMotion();
  const onInstanceRef = useRef(onInstance);
  useEffect(() => {
    onInstanceRef.current = onInstance;
  }, [onInstance]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const theme = echartsTheme(readThemeTokens(el));
    const chart = init(el, theme, {
      renderer: renderer ?? defaultRenderer(),
      width: width ?? (el.clientWidth || FALLBACK_WIDTH),
      height,
    });
    chartRef.current = chart;
    drawnRef.current = false;
    onInstanceRef.current?.(chart);
    const observer =
      width === undefined && typeof ResizeObserver !== 'undefined'
        ? new ResizeObserver(() => {
            if (el.clientWidth > 0) chart.resize({ width: el.clientWidth, height });
          })
        : null;
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      chart.dispose();
      chartRef.current = null;
      onInstanceRef.current?.(null);
    };
  }, [renderer, width, height, themeKey]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const base = option.animation === undefined ? true : Boolean(option.animation);
    // Updates to a chart at rest are drawn at once: with notMerge each would replay the intro
    // animation, on every chart of the page together (a granularity switch redraws them all), and
    // those frames kept the main thread busy after the switch. An update during the intro (the
    // width or theme settling after mount) restarts it, as before.
    const animating = !drawnRef.current || !chart.getZr().animation.isFinished();
    chart.setOption({ ...option, animation: base && !reducedMotion && animating }, { notMerge: true });
    drawnRef.current = true;
  }, [option, reducedMotion, renderer, width, height, themeKey]);

  return <div ref={ref} className="rs-chart" role="img" aria-label={label} style={{ width: width ?? '100%', height }} />;
}
