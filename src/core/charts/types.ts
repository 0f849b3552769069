/**
 * The option type every builder returns: only the series and components `<EChart>` registers.
 * Type-only imports keep `src/core` free of ECharts at runtime.
 */
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, MapSeriesOption, PieSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  DataZoomComponentOption,
  DatasetComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | PieSeriesOption
  | MapSeriesOption
  | AriaComponentOption
  | DataZoomComponentOption
  | DatasetComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** What every builder needs besides its data: localised text and number formatting. */
export interface ChartCommon {
  /** The chart's aria description (ECharts `aria.description`), already localised. */
  description: string;
  /** Exact value formatting for tooltips and labels. */
  value: (n: number) => string;
  /** Short value formatting for axes. */
  axisValue?: (n: number) => string;
  /** False when the reader prefers reduced motion. */
  animation: boolean;
}

/** Shared accessibility block: description read by screen readers; decals for colour-free telling apart. */
export function aria(description: string, { decal = false }: { decal?: boolean } = {}): AriaComponentOption {
  return { enabled: true, label: { enabled: true, description }, decal: { show: decal } };
}
