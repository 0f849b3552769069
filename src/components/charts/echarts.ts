/**
 * The only place ECharts is imported at runtime: `echarts/core` plus exactly the charts,
 * components and renderers our option builders use, so a host's bundle carries nothing else.
 * `echarts-for-react`'s core component draws with this same `echarts/core` (see `Chart.tsx`).
 */
import * as echartsCore from 'echarts/core';
import { use as registerEChartsParts, init, registerMap, getMap, type EChartsType } from 'echarts/core';
import { BarChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  DatasetComponent,
  GridComponent,
  LegendScrollComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { worldGeoJson } from '../../core/geo/world';

registerEChartsParts([
  BarChart,
  LineChart,
  MapChart,
  PieChart,
  AriaComponent,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  DatasetComponent,
  GridComponent,
  LegendScrollComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  CanvasRenderer,
  SVGRenderer,
]);

/** The `echarts/core` namespace with our parts registered, for `echarts-for-react/lib/core`. */
export const echarts = echartsCore;
export { init };
export type { EChartsType };

/** Name the world geometry is registered under; `mapOption({mapName: WORLD_MAP})`. */
export const WORLD_MAP = 'rs-world';

/** Registers the offline world geometry once (ECharts keeps maps in a global registry). */
export function ensureWorldMap(): void {
  if (!getMap(WORLD_MAP)) registerMap(WORLD_MAP, worldGeoJson() as unknown as Parameters<typeof registerMap>[1]);
}

export type Renderer = 'canvas' | 'svg';

/** Canvas in browsers; SVG under jsdom, whose canvas has no 2D context. */
export function defaultRenderer(): Renderer {
  return typeof navigator !== 'undefined' && /jsdom/i.test(navigator.userAgent) ? 'svg' : 'canvas';
}
