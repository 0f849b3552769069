/**
 * Exports of a series bundle in long format — one row per date × series × item — with full ISO
 * dates: CSV, XLSX and JSON. `series` is the metric for totals, `field.metric` for subcounts; the
 * exact remainder of a top-N field is the item `_other`. CSV and XLSX are written row by row to a
 * stream (a global year is ~200,000 rows: built in memory, its workbook took 2.7 GB).
 */
import type { Writable } from 'node:stream';
import type { SeriesBundle } from '../../src/api/schemas';
import { csvLine } from '../../src/core/format/csv';
import { ChunkWriter } from '../stream/chunkWriter';
import { streamXlsx } from '../stream/xlsx';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export type ExportRow = [date: string, series: string, itemId: string, label: string, value: number];

export const EXPORT_COLUMNS = ['date', 'series', 'item_id', 'label', 'value'] as const;

function labelOf(labels: Record<string, string>): string {
  return labels.en ?? Object.values(labels)[0] ?? '';
}

/** The rows one at a time, so a writer never holds them all. */
export function* bundleRows(bundle: SeriesBundle): Generator<ExportRow> {
  function* series(name: string, itemId: string, label: string, values: readonly number[] | undefined): Generator<ExportRow> {
    if (!values) return;
    for (let i = 0; i < bundle.dates.length; i++) yield [bundle.dates[i]!, name, itemId, label, values[i] ?? 0];
  }
  for (const [metric, values] of Object.entries(bundle.totals)) yield* series(metric, '', '', values);
  for (const [field, sub] of Object.entries(bundle.subcounts)) {
    if (!sub) continue;
    for (const [metric, perItem] of Object.entries(sub.series)) {
      for (let idx = 0; idx < sub.items.length; idx++) {
        const item = sub.items[idx]!;
        yield* series(`${field}.${metric}`, item.id, labelOf(item.labels), perItem?.[idx]);
      }
      yield* series(`${field}.${metric}`, '_other', 'Other', sub.other[metric as keyof typeof sub.other]);
    }
  }
}

/** Labels come from record metadata: the shared writer quotes them and defuses spreadsheet formulas. */
export async function writeBundleCsv(bundle: SeriesBundle, out: Writable): Promise<void> {
  const writer = new ChunkWriter(out);
  await writer.write(csvLine(EXPORT_COLUMNS));
  for (const row of bundleRows(bundle)) await writer.write(csvLine(row));
  await writer.flush();
}

/** Dates stay ISO text so every spreadsheet shows the same full date, whatever its locale. */
export async function writeBundleXlsx(bundle: SeriesBundle, out: Writable): Promise<void> {
  await streamXlsx({
    sheet: `${bundle.category} ${bundle.year}`,
    stream: out,
    rows: (function* () {
      yield EXPORT_COLUMNS;
      yield* bundleRows(bundle);
    })(),
    widths: EXPORT_COLUMNS.map((c) => (c === 'label' || c === 'series' ? 32 : 14)),
    freezeFirstRow: true,
  });
}

export function exportFileName(
  bundle: Pick<SeriesBundle, 'community' | 'category' | 'basis' | 'year'>,
  ext: string,
): string {
  const basis = bundle.basis ? `-${bundle.basis}` : '';
  return `repostats-${bundle.community}-${bundle.category}${basis}-${bundle.year}.${ext}`.replace(/[^A-Za-z0-9._-]/g, '_');
}
