/**
 * The tabular report as an Excel workbook, streamed row by row (`streamXlsx`), so a large Item
 * Report never sits in memory as a workbook. Same rows as the TSV (`toTable`).
 */
import type { Writable } from 'node:stream';
import { streamXlsx } from '../../stream/xlsx';
import type { Table } from './tabular';

function* tableRows(table: Table): Generator<readonly (string | number | null)[]> {
  for (const [label, value] of table.header) yield [label, value];
  yield [];
  yield table.columns;
  yield* table.rows;
}

/**
 * @example
 * await writeXlsx(toTable(report), { sheet: 'IR', stream: res })
 */
export async function writeXlsx(table: Table, options: { sheet: string; stream: Writable }): Promise<void> {
  await streamXlsx({ sheet: options.sheet, stream: options.stream, rows: tableRows(table) });
}
