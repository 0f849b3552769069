/**
 * Tokens → an ECharts theme object (passed to `echarts.init`, never registered globally, so two
 * dashboards with different themes on one page stay independent).
 */
import type { ThemeTokens } from './tokens';

export function echartsTheme(t: ThemeTokens): Record<string, unknown> {
  const axis = {
    axisLine: { lineStyle: { color: t.axis } },
    axisTick: { lineStyle: { color: t.axis } },
    axisLabel: { color: t.textMuted },
    splitLine: { lineStyle: { color: [t.gridLine] } },
    nameTextStyle: { color: t.textMuted },
  };
  return {
    color: t.palette,
    backgroundColor: 'transparent',
    textStyle: { color: t.text, fontFamily: t.font },
    title: { textStyle: { color: t.text }, subtextStyle: { color: t.textMuted } },
    legend: { textStyle: { color: t.text }, pageTextStyle: { color: t.text } },
    tooltip: {
      backgroundColor: t.surface,
      borderColor: t.border,
      textStyle: { color: t.text },
    },
    categoryAxis: axis,
    valueAxis: axis,
    timeAxis: axis,
    dataZoom: {
      textStyle: { color: t.textMuted },
      borderColor: t.border,
      fillerColor: 'rgba(128,128,128,0.15)',
      handleStyle: { color: t.surface, borderColor: t.axis },
    },
    visualMap: { textStyle: { color: t.text }, inRange: { color: [t.mapLow, t.mapHigh] } },
    geo: { itemStyle: { areaColor: t.surface, borderColor: t.border } },
    map: { itemStyle: { areaColor: t.surface, borderColor: t.border } },
  };
}
