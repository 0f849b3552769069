export { Chart } from './Chart';
export type { ChartProps } from './Chart';
export { usePrefersReducedMotion } from './usePrefersReducedMotion';
export { chartPngDataUrl, chartSvgString } from './exportChart';
export { ensureWorldMap, WORLD_MAP, type EChartsType } from './echarts';
