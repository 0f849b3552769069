export type { ChartOption, ChartCommon } from './types';
export { timeSeriesOption, timeSeriesColumns, ZOOM_THRESHOLD } from './timeSeries';
export type { TimeSeriesChartInput, TimeChartKind } from './timeSeries';
export { breakdownOption, breakdownRows, RING_MAX_ITEMS } from './breakdown';
export type { BreakdownRow, BreakdownChartInput } from './breakdown';
export { mapOption } from './map';
export type { CountryValue, MapChartInput } from './map';
