/**
 * CSV for the per-widget export: RFC 4180 quoting, and text cells that a spreadsheet would run as
 * a formula (`=`, `+`, `-`, `@`) are prefixed with `'` — labels come from record metadata.
 */
export type Cell = string | number | null;

function cell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line with its CRLF, for writers that stream rows (the server's exports). */
export function csvLine(row: readonly Cell[]): string {
  return row.map(cell).join(',') + '\r\n';
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map(csvLine).join('');
}
