/**
 * An Excel workbook of one sheet written row by row with exceljs's streaming writer: each row is
 * committed to the zip stream as it is added and the writer yields to the destination every few
 * hundred rows, so a sheet of millions of rows never sits in memory as a workbook and never holds
 * the event loop. Shared by the COUNTER reports and the series exports.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { yieldTo } from './chunkWriter';

export type XlsxCell = string | number | null;

const ROWS_PER_TURN = 500;

/**
 * @example
 * await streamXlsx({ sheet: 'IR', stream: res, rows: [['a', 1], ['b', 2]] })
 */
export async function streamXlsx(options: {
  sheet: string;
  stream: Writable;
  rows: Iterable<readonly XlsxCell[]>;
  /** Column widths in characters, in order; the rest keep Excel's default. */
  widths?: readonly number[];
  /** Keep the first row in view when scrolling (a header row). */
  freezeFirstRow?: boolean;
}): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: options.stream, useStyles: false, useSharedStrings: false });
  workbook.creator = 'repostats';
  const sheet = workbook.addWorksheet(options.sheet.slice(0, 31), {
    views: options.freezeFirstRow ? [{ state: 'frozen', ySplit: 1 }] : [],
  });
  if (options.widths) sheet.columns = options.widths.map((width) => ({ width }));
  let n = 0;
  for (const row of options.rows) {
    sheet.addRow([...row]).commit();
    if (++n % ROWS_PER_TURN === 0) await yieldTo(options.stream);
  }
  sheet.commit();
  await workbook.commit();
}
