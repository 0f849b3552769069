export { WIDGETS, Widget } from './registry';
export { SingleStat, SingleStatView, type SingleStatViewProps } from './SingleStat';
export { TimeSeries, TimeSeriesView, type TimeSeriesViewProps } from './TimeSeries';
export { Breakdown, BreakdownView, type BreakdownViewProps, type BreakdownViewKind } from './Breakdown';
export { WorldMap, WorldMapView, type WorldMapViewProps } from './WorldMap';
export { TopRecords, TopRecordsView, type TopRecordsViewProps } from './TopRecords';
export { SeriesTable, SeriesTableView, type SeriesTableViewProps } from './SeriesTable';
export { TextBlock, TextBlockView, type TextBlockViewProps } from './TextBlock';
export type { ViewCommon, WidgetT } from './shared/types';
