/**
 * The tabular report as an Excel workbook, written with exceljs's streaming writer: each row is
 * committed to the zip stream as it is added, so a large Item Report never sits in memory as a
 * workbook. Same rows as the TSV (`toTable`).
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Table } from './tabular';

/**
 * @example
 * await writeXlsx(toTable(report), { sheet: 'IR', stream: res })
 */
export async function writeXlsx(table: Table, options: { sheet: string; stream: Writable }): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: options.stream, useStyles: false, useSharedStrings: false });
  workbook.creator = 'repostats';
  const sheet = workbook.addWorksheet(options.sheet);
  for (const [label, value] of table.header) sheet.addRow([label, value]).commit();
  sheet.addRow([]).commit();
  sheet.addRow(table.columns).commit();
  for (const row of table.rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}
