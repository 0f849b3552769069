/** The most viewed or downloaded records over the selected range, ranked, linked to the host's record page. */
import { memo } from 'react';
import type { TopRecordsResponse } from '../../../api/schemas';
import { DataTable } from '../shared/DataTable';
import { fileSlug, fillUrl, metricName } from '../shared/labels';
import type { TableModel } from '../shared/tableModel';
import type { ViewCommon } from '../shared/types';
import { WidgetFrame } from '../shared/WidgetFrame';

export interface TopRecordsViewProps extends ViewCommon {
  title: string;
  description?: string;
  data: TopRecordsResponse;
  /** Host record page, `{id}` replaced: `/records/{id}`. */
  recordUrl?: string;
}

export const TopRecordsView = memo(function TopRecordsView({ title, description, data, recordUrl, t, format }: TopRecordsViewProps) {
  const range = t('topRecords.range', { start: format.date(data.start, 'day'), end: format.date(data.end, 'day') });
  const table: TableModel = {
    caption: `${title}, ${range}`,
    columns: [
      { key: 'rank', header: t('topRecords.rank'), numeric: true },
      { key: 'record', header: t('topRecords.record') },
      { key: 'value', header: metricName(t, data.metric), numeric: true },
      { key: 'uniqueVisitors', header: t('topRecords.uniqueVisitors'), numeric: true },
    ],
    rows: data.records.map((r, i) => {
      const name = r.title ?? t('topRecords.untitled', { id: r.id });
      return {
        key: r.id,
        cells: [
          { raw: i + 1, display: format.number(i + 1) },
          { raw: name, display: recordUrl ? <a href={fillUrl(recordUrl, { id: r.id })}>{name}</a> : name },
          { raw: r.value, display: format.number(r.value) },
          { raw: r.uniqueVisitors, display: format.number(r.uniqueVisitors) },
        ],
      };
    }),
  };
  return (
    <WidgetFrame
      title={title}
      description={description ?? range}
      t={t}
      exports={{ filename: fileSlug(title), table, json: data }}
      className="rs-top-records"
    >
      <DataTable model={table} t={t} />
    </WidgetFrame>
  );
});
