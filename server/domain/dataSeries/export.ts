/**
 * The data-series sets of a `POST /api/stats-dashboard` answer as files: one long table (a row per
 * query × subcount × metric × series × day, full ISO dates) written as CSV or as an XLSX workbook
 * with a sheet per query, and an XML document that keeps the nesting.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { toCsv, type Cell } from '../../../src/core/format/csv';
import type { DataSeries, DataSeriesSet } from './build';

export const EXPORT_COLUMNS = ['query', 'subcount', 'metric', 'id', 'label', 'date', 'value'] as const;

/** A series name as text: the English label of an i18n name, else its first. */
export function nameText(name: DataSeries['name']): string {
  return typeof name === 'string' ? name : (name['en'] ?? Object.values(name)[0] ?? '');
}

/** A point's full date: `MM-DD` points carry their year on the series. */
const fullDate = (s: DataSeries, date: string) => (s.year !== undefined ? `${s.year}-${date}` : date);

function* seriesOf(set: DataSeriesSet): Generator<[subcount: string, metric: string, series: DataSeries]> {
  for (const [subcount, byMetric] of Object.entries(set)) {
    for (const [metric, list] of Object.entries(byMetric)) for (const s of list) yield [subcount, metric, s];
  }
}

export function exportRows(answer: Record<string, DataSeriesSet>): Cell[][] {
  const rows: Cell[][] = [];
  for (const [query, set] of Object.entries(answer)) {
    for (const [subcount, metric, s] of seriesOf(set)) {
      for (const [date, value] of s.data) rows.push([query, subcount, metric, s.id, nameText(s.name), fullDate(s, date), value]);
    }
  }
  return rows;
}

/** Labels come from record metadata: the shared writer quotes them and defuses spreadsheet formulas. */
export function dataSeriesCsv(answer: Record<string, DataSeriesSet>): string {
  return toCsv([...EXPORT_COLUMNS], exportRows(answer));
}

/** A sheet per query, written row by row to `stream` (exceljs's streaming writer: the workbook never sits in memory). */
export async function writeDataSeriesXlsx(answer: Record<string, DataSeriesSet>, stream: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  wb.creator = 'repostats';
  for (const [query, set] of Object.entries(answer)) {
    const ws = wb.addWorksheet(query.replace(/[[\]:*?/\\]/g, '_').slice(0, 31));
    ws.addRow([...EXPORT_COLUMNS]).commit();
    // Dates stay ISO text so every spreadsheet shows the same full date, whatever its locale.
    for (const row of exportRows({ [query]: set })) ws.addRow(row).commit();
    ws.commit();
  }
  await wb.commit();
}

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    // Characters XML 1.0 cannot hold at all.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ''); // eslint-disable-line no-control-regex

export function dataSeriesXml(answer: Record<string, DataSeriesSet>): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<dataSeriesSets>'];
  for (const [query, set] of Object.entries(answer)) {
    out.push(`  <query name="${escapeXml(query)}">`);
    for (const [subcount, byMetric] of Object.entries(set)) {
      out.push(`    <subcount name="${escapeXml(subcount)}">`);
      for (const [metric, list] of Object.entries(byMetric)) {
        out.push(`      <metric name="${escapeXml(metric)}">`);
        for (const s of list) {
          out.push(`        <series id="${escapeXml(s.id)}" name="${escapeXml(nameText(s.name))}" type="${s.type}" valueType="${s.valueType}">`);
          for (const [date, value] of s.data) out.push(`          <point date="${fullDate(s, date)}" value="${value}"/>`);
          out.push('        </series>');
        }
        out.push('      </metric>');
      }
      out.push('    </subcount>');
    }
    out.push('  </query>');
  }
  out.push('</dataSeriesSets>');
  return `${out.join('\n')}\n`;
}
