/** The `table` widget's view: any metrics as a sortable table, per period or per item of a field. */
import type { FieldId } from '../../../core/fields';
import type { MetricId, Mode } from '../../../core/metrics';
import type { WidgetSeries } from '../../../core/series/types';
import { DataTable } from '../shared/DataTable';
import { fileSlug } from '../shared/labels';
import type { ViewCommon } from '../shared/types';
import { WidgetFrame } from '../shared/WidgetFrame';
import { seriesTableModel } from './seriesTableModel';

export interface SeriesTableViewProps extends ViewCommon {
  title: string;
  description?: string;
  metrics: MetricId[];
  mode: Mode;
  field?: FieldId;
  /** Aligned with `metrics`. */
  series: WidgetSeries[];
}

export function SeriesTableView({ title, description, metrics, mode, field, series, t, format }: SeriesTableViewProps) {
  const table = seriesTableModel({ caption: title, metrics, series, field, t, format });
  return (
    <WidgetFrame
      title={title}
      description={description}
      t={t}
      exports={{ filename: fileSlug(title), table, json: { mode, field: field ?? null, series } }}
      className="rs-series-table"
    >
      <DataTable model={table} t={t} />
    </WidgetFrame>
  );
}
