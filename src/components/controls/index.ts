export { Controls } from './Controls';
export { RangeControl } from './RangeControl';
export { ExportControl } from './ExportControl';
export { collectExport, exportToCsv, widgetRequests } from './exportData';
export type { DashboardExport } from './exportData';
