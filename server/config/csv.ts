/**
 * An RFC 4180 CSV reader for configuration files (InvenioRDM's `licenses.csv`): quoted fields may
 * hold commas, doubled quotes and line breaks; CRLF or LF line ends; blank lines are skipped.
 * The writer is `src/core/format/csv.ts`.
 *
 * @example
 * parseCsv('id,title__en\nbsd-3-clause,"BSD 3-Clause ""New"" License"\n') // [['id', 'title__en'], ['bsd-3-clause', 'BSD 3-Clause "New" License']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') endRow();
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}
