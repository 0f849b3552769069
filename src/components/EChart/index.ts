export { EChart } from './EChart';
export type { EChartProps } from './EChart';
export { usePrefersReducedMotion } from './usePrefersReducedMotion';
export { chartPngDataUrl, chartSvgString } from './exportChart';
export { ensureWorldMap, WORLD_MAP, type EChartsType } from './echarts';
