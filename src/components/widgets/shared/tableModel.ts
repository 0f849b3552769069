/**
 * A widget's data as a reader-facing table: drives the "view as table" alternative and the CSV /
 * JSON exports, so what is exported is exactly what is shown.
 */
import type { ReactNode } from 'react';
import { toCsv, type Cell } from '../../../core/format/csv';

export interface TableColumn {
  key: string;
  header: string;
  numeric?: boolean;
}

export interface TableCell {
  /** The exact value (sorting, exports). */
  raw: Cell;
  /** What the reader sees; defaults to `raw`. */
  display?: ReactNode;
}

export interface TableRow {
  key: string;
  cells: TableCell[];
  /** Rows such as "Other" or "Total" that stay last whatever the sort. */
  pinned?: boolean;
}

export interface TableModel {
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
}

export function tableCsv(model: TableModel): string {
  return toCsv(
    model.columns.map((c) => c.header),
    model.rows.map((r) => r.cells.map((c) => c.raw)),
  );
}

/** Rows as objects keyed by column key, for the JSON export. */
export function tableJson(model: TableModel): Record<string, Cell>[] {
  return model.rows.map((r) => Object.fromEntries(model.columns.map((c, i) => [c.key, r.cells[i]?.raw ?? null])));
}
