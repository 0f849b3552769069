/** The breakdown's rows as a reader-facing table: item (linked when the host gave a search URL), value, share. */
import { createElement } from 'react';
import type { BreakdownRow } from '../../../core/charts/breakdown';
import type { FieldId } from '../../../core/fields';
import { fillUrl } from '../shared/labels';
import type { TableModel } from '../shared/tableModel';
import type { Format, WidgetT } from '../shared/types';

export function breakdownTable(
  rows: BreakdownRow[],
  opts: { caption: string; field: FieldId; metricName: string; value: (n: number) => string; searchUrl?: string; t: WidgetT; format: Format },
): TableModel {
  const { t, format, searchUrl, field } = opts;
  return {
    caption: opts.caption,
    columns: [
      { key: 'item', header: t(`fields.${field}`) },
      { key: 'value', header: opts.metricName, numeric: true },
      { key: 'share', header: t('common.share'), numeric: true },
    ],
    rows: rows.map((r) => ({
      key: r.id,
      pinned: r.isOther,
      cells: [
        {
          raw: r.name,
          display: searchUrl && !r.isOther ? createElement('a', { href: fillUrl(searchUrl, { id: r.id, field }) }, r.name) : r.name,
        },
        { raw: r.value, display: opts.value(r.value) },
        { raw: r.share, display: r.share === null ? '–' : format.percent(r.share) },
      ],
    })),
  };
}
