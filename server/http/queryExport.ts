/**
 * Exports of any query-API answer as CSV, XLSX or JSON: one row per result (the dimensions, the
 * labels of item dimensions, then the metrics in the order asked), then the exact Other and the
 * totals when the query includes them. Rows are written one at a time through a ChunkWriter (or
 * the streaming XLSX writer), so no export body is ever held whole.
 */
import type { Writable } from 'node:stream';
import { isTimeDimension, type Dimension, type QueryResponse } from '../../src/api/query';
import { csvLine } from '../../src/core/format/csv';
import { ChunkWriter } from '../stream/chunkWriter';
import { streamXlsx, type XlsxCell } from '../stream/xlsx';

export type QueryExportRow = (string | number)[];

export interface QueryExport {
  columns: string[];
  rows: () => Generator<QueryExportRow>;
}

function labelOf(labels: Record<string, string> | undefined): string {
  if (!labels) return '';
  return labels.en ?? labels.und ?? Object.values(labels)[0] ?? '';
}

/** The answer `answer` to a query of `dimensions` and `metrics`, as a table. */
export function queryTable(answer: QueryResponse, dimensions: readonly Dimension[], metrics: readonly string[]): QueryExport {
  const items = dimensions.flatMap((d, i) => (isTimeDimension(d) ? [] : [i]));
  const columns = [...dimensions, ...items.map((i) => `${dimensions[i]} label`), ...metrics];
  const row = (dims: string[], labels: string[], values: number[]): QueryExportRow => [...dims, ...labels, ...values];
  return {
    columns,
    rows: function* () {
      for (const r of answer.results) {
        yield row(r.dimensions, items.map((i) => labelOf(answer.meta.labels[r.dimensions[i]!])), r.metrics);
      }
      const blank = (item: string) => dimensions.map((d) => (isTimeDimension(d) ? '' : item));
      if (answer.other) yield row(blank('_other'), items.map(() => 'Other'), answer.other.metrics);
      if (answer.totals) yield row(blank('_total'), items.map(() => 'Total'), answer.totals.metrics);
    },
  };
}

/** Labels come from record metadata: the shared writer quotes them and defuses spreadsheet formulas. */
export async function writeQueryCsv(table: QueryExport, out: Writable): Promise<void> {
  const writer = new ChunkWriter(out);
  await writer.write(csvLine(table.columns));
  for (const r of table.rows()) await writer.write(csvLine(r));
  await writer.flush();
}

/** A JSON array of objects keyed by the column names. */
export async function writeQueryJson(table: QueryExport, out: Writable): Promise<void> {
  const writer = new ChunkWriter(out);
  await writer.write('[');
  let first = true;
  for (const r of table.rows()) {
    await writer.write(`${first ? '' : ','}\n${JSON.stringify(Object.fromEntries(table.columns.map((c, i) => [c, r[i]])))}`);
    first = false;
  }
  await writer.write('\n]\n');
  await writer.flush();
}

export async function writeQueryXlsx(table: QueryExport, out: Writable): Promise<void> {
  await streamXlsx({
    sheet: 'query',
    stream: out,
    rows: (function* (): Generator<readonly XlsxCell[]> {
      yield table.columns;
      yield* table.rows();
    })(),
    widths: table.columns.map((c) => (c.endsWith(' label') ? 32 : 14)),
    freezeFirstRow: true,
  });
}
