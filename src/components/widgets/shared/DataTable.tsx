/**
 * The accessible table every widget offers (semantic-ui-react Table; "view as table"), sortable by any column with
 * buttons in the headers and `aria-sort` so screen readers announce the order. Numeric cells
 * hold their exact value in a `<data value>` element.
 */
import { useMemo, useState } from 'react';
import { Table } from 'semantic-ui-react';
import type { TableModel } from './tableModel';
import type { WidgetT } from './types';

export interface DataTableProps {
  model: TableModel;
  t: WidgetT;
  sortable?: boolean;
  /** Show the caption to sighted readers too (it is always read by screen readers). */
  showCaption?: boolean;
}

type Sort = { index: number; dir: 'ascending' | 'descending' } | null;

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

export function DataTable({ model, t, sortable = true, showCaption = false }: DataTableProps) {
  const [sort, setSort] = useState<Sort>(null);
  const rows = useMemo(() => {
    if (!sort) return model.rows;
    const pinned = model.rows.filter((r) => r.pinned);
    const free = model.rows.filter((r) => !r.pinned);
    const sign = sort.dir === 'ascending' ? 1 : -1;
    free.sort((a, b) => sign * compare(a.cells[sort.index]?.raw, b.cells[sort.index]?.raw));
    return [...free, ...pinned];
  }, [model.rows, sort]);

  const toggle = (index: number) =>
    setSort((s) => (s?.index === index && s.dir === 'descending' ? { index, dir: 'ascending' } : { index, dir: 'descending' }));

  return (
    <div className="rs-table-scroll">
      <Table compact="very" unstackable className="rs-table">
        <caption className={showCaption ? 'rs-table-caption' : 'rs-visually-hidden'}>{model.caption}</caption>
        <Table.Header>
          <Table.Row>
            {model.columns.map((c, i) => {
              const active = sort?.index === i ? sort.dir : undefined;
              return (
                <Table.HeaderCell key={c.key} scope="col" aria-sort={active ?? 'none'} textAlign={c.numeric ? 'right' : undefined}>
                  {sortable ? (
                    <button
                      type="button"
                      className="rs-sort"
                      onClick={() => toggle(i)}
                      aria-label={t(active === 'descending' ? 'table.sortAscending' : 'table.sortDescending', { column: c.header })}
                    >
                      {c.header}
                      <span aria-hidden="true">{active === 'ascending' ? ' ▲' : active === 'descending' ? ' ▼' : ' ↕'}</span>
                    </button>
                  ) : (
                    c.header
                  )}
                </Table.HeaderCell>
              );
            })}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.key}>
              {r.cells.map((cell, i) => {
                const col = model.columns[i];
                const shown = cell.display ?? cell.raw;
                // A number keeps its exact value beside the formatted one (as single stats do).
                const content = typeof cell.raw === 'number' ? <data value={cell.raw}>{shown}</data> : shown;
                const align = col?.numeric ? 'right' : undefined;
                // The first cell names the row: a row header for screen readers.
                return i === 0 ? (
                  <Table.Cell key={col?.key ?? i} as="th" scope="row" textAlign={align}>
                    {content}
                  </Table.Cell>
                ) : (
                  <Table.Cell key={col?.key ?? i} textAlign={align}>
                    {content}
                  </Table.Cell>
                );
              })}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
