/**
 * SQL fragments where DuckDB and PostgreSQL differ, so domain SQL stays dialect-free: domain code
 * interpolates these (`FROM ${dateSeries(db, '$1', '$2')} AS s`) instead of asking `db.dialect`.
 * Every helper is exercised on both engines by test/engine-contract.ts.
 *
 * Differences these do NOT hide, to keep in mind when writing shared SQL (both checked there too):
 * - Parameter types: PostgreSQL cannot infer `$1` in `SELECT $1` or `$1 + 1`; cast it
 *   (`CAST($1 AS DATE)`, or `dateParam(1)`). Comparisons against a column infer fine.
 * - NULL ordering: PostgreSQL puts NULLs first in DESC order, DuckDB last; write `NULLS LAST`.
 * - Integer `/` truncates on PostgreSQL and not on DuckDB: use `intDiv` or `ratio`.
 * - Text order follows the database collation on PostgreSQL: use `orderText` where order matters.
 * - Arrays/lists come back differently: aggregate to text (`string_agg`) instead.
 */
import type { Dialect } from './port';

/** A dialect, or anything that has one (an SqlEngine). */
export type DialectSource = Dialect | { readonly dialect: Dialect };

function dialectOf(source: DialectSource): Dialect {
  return typeof source === 'string' ? source : source.dialect;
}

/**
 * A table expression with one DATE column per day from `from` to `to` inclusive (both SQL
 * expressions, e.g. '$1' or a column). Use as `FROM ${dateSeries(db, '$1', '$2')} AS s` → `s.day`.
 */
export function dateSeries(_db: DialectSource, from: string, to: string, column = 'day'): string {
  // Same text on both engines today; kept behind a helper because the spelling differs across
  // versions (DuckDB's range() excludes the end, PostgreSQL has no DATE generate_series).
  return (
    `(SELECT CAST(g.d AS DATE) AS ${column} FROM generate_series(CAST(${from} AS DATE), ` +
    `CAST(${to} AS DATE), INTERVAL '1 day') AS g(d))`
  );
}

/** The column type for raw bytes. */
export function blobType(db: DialectSource): string {
  return dialectOf(db) === 'postgres' ? 'BYTEA' : 'BLOB';
}

/** The column type for 64-bit floats (`DOUBLE` is DuckDB only). */
export function doubleType(_db: DialectSource): string {
  return 'DOUBLE PRECISION';
}

/** Integer division truncating toward zero on both engines (DuckDB's `/` returns a fraction). */
export function intDiv(db: DialectSource, a: string, b: string): string {
  return dialectOf(db) === 'postgres' ? `((${a}) / (${b}))` : `((${a}) // (${b}))`;
}

/** `a / b` as a float, NULL when `b` is 0. */
export function ratio(_db: DialectSource, a: string, b: string): string {
  return `(CAST(${a} AS DOUBLE PRECISION) / NULLIF(${b}, 0))`;
}

/** A text expression ordered by code point (DuckDB's order) whatever the database collation. */
export function orderText(db: DialectSource, expr: string): string {
  return dialectOf(db) === 'postgres' ? `(${expr}) COLLATE "C"` : expr;
}

/** The `$n` parameter read as a DATE (PostgreSQL cannot always infer it). */
export function dateParam(n: number): string {
  return `CAST($${n} AS DATE)`;
}

/** `expr + days` as a DATE. */
export function addDays(_db: DialectSource, expr: string, days: string): string {
  return `(CAST(${expr} AS DATE) + CAST(${days} AS INTEGER))`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier), as an integer. */
export function daysBetween(_db: DialectSource, from: string, to: string): string {
  return `(CAST(${to} AS DATE) - CAST(${from} AS DATE))`;
}

/** The first day of the period holding `expr`, as a DATE (weeks start on Monday, ISO). */
export function periodStart(_db: DialectSource, period: 'week' | 'month' | 'quarter' | 'year', expr: string): string {
  return `CAST(date_trunc('${period}', CAST(${expr} AS DATE)) AS DATE)`;
}

/**
 * One-row upsert: `INSERT … VALUES ($1…) ON CONFLICT (keys) DO UPDATE SET` every non-key column
 * (or `update` when given). Parameters follow `columns` in order.
 */
export function upsert(
  _db: DialectSource,
  table: string,
  columns: readonly string[],
  keys: readonly string[],
  options: { update?: readonly string[] } = {},
): string {
  const update = options.update ?? columns.filter((c) => !keys.includes(c));
  const values = columns.map((_, i) => `$${i + 1}`).join(', ');
  const action = update.length
    ? `DO UPDATE SET ${update.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`
    : 'DO NOTHING';
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${values}) ON CONFLICT (${keys.join(', ')}) ${action}`;
}
