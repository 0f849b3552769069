export { SeriesTable } from './SeriesTable';
export { SeriesTableView, type SeriesTableViewProps } from './SeriesTableView';
