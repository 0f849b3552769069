/**
 * The breakdown's rows as a reader-facing table: item, value, share. A named item is a button
 * when the dashboard filters by it (`onSelect`, as the bar list and the ring do), else a link when
 * the host gave a search URL.
 */
import { createElement } from 'react';
import type { BreakdownRow } from '../../../core/charts/breakdown';
import type { FieldId } from '../../../core/fields';
import { fillUrl } from '../shared/labels';
import type { TableModel } from '../shared/tableModel';
import type { Format, WidgetT } from '../shared/types';

export function breakdownTable(
  rows: BreakdownRow[],
  opts: {
    caption: string; field: FieldId; metricName: string; value: (n: number) => string; searchUrl?: string; t: WidgetT; format: Format;
    /** Told the item id when the reader picks a row's item (the dashboard adds a filter on it). */
    onSelect?: (id: string) => void;
  },
): TableModel {
  const { t, format, searchUrl, field, onSelect } = opts;
  const itemCell = (r: BreakdownRow) =>
    r.isOther
      ? r.name
      : onSelect
        ? createElement('button', { type: 'button', className: 'rs-table-select', title: t('breakdown.filterBy', { name: r.name }), onClick: () => onSelect(r.id) }, r.name)
        : searchUrl
          ? createElement('a', { href: fillUrl(searchUrl, { id: r.id, field }) }, r.name)
          : r.name;
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
        { raw: r.name, display: itemCell(r) },
        { raw: r.value, display: opts.value(r.value) },
        { raw: r.share, display: r.share === null ? '–' : format.percent(r.share) },
      ],
    })),
  };
}
