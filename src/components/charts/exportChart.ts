/**
 * Chart images for the export menu. PNG comes from the live chart; SVG is rendered again with
 * ECharts' server-side SVG renderer, so it works whatever renderer the page uses.
 */
import { init, type EChartsType } from './echarts';
import type { ChartOption } from '../../core/charts/types';

export function chartPngDataUrl(chart: EChartsType, { background }: { background: string }): string {
  return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background });
}

export function chartSvgString(
  option: ChartOption,
  { width, height, theme }: { width: number; height: number; theme?: object },
): string {
  const chart = init(null, theme, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
