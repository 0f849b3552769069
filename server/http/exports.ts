/**
 * Exports of a series bundle in long format — one row per date × series × item — with full ISO
 * dates: CSV, XLSX (exceljs) and JSON. `series` is the metric for totals, `field.metric` for
 * subcounts; the exact remainder of a top-N field is the item `_other`.
 */
import ExcelJS from 'exceljs';
import type { SeriesBundle } from '../../src/api/schemas';
import { toCsv } from '../../src/core/format/csv';

export type ExportRow = [date: string, series: string, itemId: string, label: string, value: number];

export const EXPORT_COLUMNS = ['date', 'series', 'item_id', 'label', 'value'] as const;

function labelOf(labels: Record<string, string>): string {
  return labels.en ?? Object.values(labels)[0] ?? '';
}

export function bundleRows(bundle: SeriesBundle): ExportRow[] {
  const rows: ExportRow[] = [];
  const push = (series: string, itemId: string, label: string, values: readonly number[] | undefined) => {
    if (!values) return;
    bundle.dates.forEach((date, i) => rows.push([date, series, itemId, label, values[i] ?? 0]));
  };
  for (const [metric, values] of Object.entries(bundle.totals)) push(metric, '', '', values);
  for (const [field, sub] of Object.entries(bundle.subcounts)) {
    if (!sub) continue;
    for (const [metric, perItem] of Object.entries(sub.series)) {
      sub.items.forEach((item, idx) => push(`${field}.${metric}`, item.id, labelOf(item.labels), perItem?.[idx]));
      push(`${field}.${metric}`, '_other', 'Other', sub.other[metric as keyof typeof sub.other]);
    }
  }
  return rows;
}

/** Labels come from record metadata: the shared writer quotes them and defuses spreadsheet formulas. */
export function bundleCsv(bundle: SeriesBundle): string {
  return toCsv([...EXPORT_COLUMNS], bundleRows(bundle));
}

export async function bundleXlsx(bundle: SeriesBundle): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'repostats';
  const ws = wb.addWorksheet(`${bundle.category} ${bundle.year}`.slice(0, 31));
  ws.columns = EXPORT_COLUMNS.map((c) => ({ header: c, key: c, width: c === 'label' || c === 'series' ? 32 : 14 }));
  // Dates stay ISO text so every spreadsheet shows the same full date, whatever its locale.
  for (const row of bundleRows(bundle)) ws.addRow(row);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function exportFileName(
  bundle: Pick<SeriesBundle, 'community' | 'category' | 'basis' | 'year'>,
  ext: string,
): string {
  const basis = bundle.basis ? `-${bundle.basis}` : '';
  return `repostats-${bundle.community}-${bundle.category}${basis}-${bundle.year}.${ext}`.replace(/[^A-Za-z0-9._-]/g, '_');
}
