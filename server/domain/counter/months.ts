/**
 * Months as COUNTER counts them: `YYYY-MM` (the JSON Counts keys), their first and last days (the
 * Begin_Date / End_Date filters) and `Mmm-yyyy` (the tabular column headings). Pure, UTC.
 */

/** `YYYY-MM`. */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/;
const NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A begin_date / end_date parameter (`yyyy-mm` or `yyyy-mm-dd`, section 3.3.8) as its month, or
 * null when it is neither (or not a real date).
 *
 * @example
 * monthOfParam('2024-02')    // '2024-02'
 * monthOfParam('2024-02-29') // '2024-02'
 * monthOfParam('2023-02-29') // null
 */
export function monthOfParam(value: string): Month | null {
  if (MONTH.test(value)) return value;
  const m = DAY.exec(value);
  if (!m) return null;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value ? `${m[1]}-${m[2]}` : null;
}

export function monthOf(day: string): Month {
  return day.slice(0, 7);
}

export function firstDay(month: Month): string {
  return `${month}-01`;
}

export function lastDay(month: Month): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

/** Every month from `from` to `to`, inclusive (empty when `to` is before `from`). */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The tabular column heading of a month: `2024-03` → `Mar-2024`. */
export function monthHeading(month: Month): string {
  const [y, m] = month.split('-') as [string, string];
  return `${NAMES[Number(m) - 1]}-${y}`;
}
