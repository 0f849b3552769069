export { TimeSeries } from './TimeSeries';
export { TimeSeriesView, type TimeSeriesViewProps } from './TimeSeriesView';
