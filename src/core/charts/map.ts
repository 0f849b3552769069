/**
 * World choropleth: one value per country (alpha-2), coloured on a continuous scale with a
 * visualMap legend. Countries without a value keep the neutral area colour.
 */
import { aria, type ChartCommon, type ChartOption } from './types';

export interface CountryValue {
  /** ISO alpha-2, matching the registered map's feature names. */
  code: string;
  /** Localised country name for tooltips. */
  name: string;
  value: number;
}

export interface MapChartInput extends ChartCommon {
  rows: CountryValue[];
  /** Name the geometry was registered under (`echarts.registerMap`). */
  mapName: string;
  /** Fill of countries without a value, and the borders. */
  areaColor: string;
  borderColor: string;
  /** visualMap end labels, localised. */
  legend: { high: string; low: string };
}

export function mapOption(input: MapChartInput): ChartOption {
  const max = Math.max(1, ...input.rows.map((r) => r.value));
  const byCode = new Map(input.rows.map((r) => [r.code, r]));
  const data = input.rows.map((r) => ({ name: r.code, value: r.value }));
  return {
    animation: input.animation,
    aria: aria(input.description),
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { name } = p as { name: string };
        const row = byCode.get(name);
        return row ? `${row.name}: ${input.value(row.value)}` : '';
      },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      left: 8,
      bottom: 8,
      calculable: true,
      seriesIndex: 0,
      text: [input.legend.high, input.legend.low],
      formatter: (v: unknown) => (input.axisValue ?? input.value)(Number(v)),
    },
    series: [
      {
        type: 'map',
        map: input.mapName,
        roam: true,
        nameProperty: 'name',
        // Map series join regions by `data[].name`; ECharts does not join a dataset to regions.
        data,
        // Countries without a value keep this neutral fill.
        itemStyle: { areaColor: input.areaColor, borderColor: input.borderColor, borderWidth: 0.5 },
        emphasis: { label: { show: false } },
        select: { disabled: true },
      },
    ],
  };
}
