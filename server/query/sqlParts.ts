/**
 * SQL pieces both query builders share: positional parameters, the periods as a VALUES table,
 * and the field filters. Dialect-neutral (DuckDB and PostgreSQL run the same text).
 */
import type { ItemDimension } from '../../src/api/query';
import type { Bucket } from './range';
import { boundedPeriodsSql, inBoundedPeriod, inPeriod, itemPeriodsSql } from '../domain/itemPeriods';

/** Collects positional parameters: `p.add(value)` returns its placeholder (`$3`). */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  list(values: readonly string[]): string {
    return values.map((v) => this.add(v)).join(', ');
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A validated day as a DATE literal (days are checked, so inlining them is safe and keeps plans simple). */
export function dateLiteral(day: string): string {
  if (!DAY.test(day)) throw new RangeError(`not a day: ${day}`);
  return `DATE '${day}'`;
}

/** `bk(b, bs, be)`: one row per period: its label and its first and last day inside the range. */
export function bucketsCte(buckets: readonly Bucket[]): string {
  const rows = buckets.map((b) => `('${b.label.replace(/'/g, "''")}', ${dateLiteral(b.start)}, ${dateLiteral(b.end)})`);
  return `bk AS (SELECT CAST(b AS TEXT) AS b, bs, be FROM (VALUES ${rows.join(', ')}) AS t(b, bs, be))`;
}

/**
 * A filter as the engine applies it. `is` / `is_not` come from the request; `other_than` is
 * "has some value of the field outside these items" (what the exact Other of a top-N counts).
 */
export interface EngineFilter {
  op: 'is' | 'is_not' | 'other_than';
  field: ItemDimension;
  values: readonly string[];
}

/** Items read from the row itself (a usage event's country and referrer, its record) rather than from the record's metadata. */
export const EVENT_FIELDS: Partial<Record<ItemDimension, string>> = { countries: 'country', referrers: 'referrer', record: 'record_id' };

/**
 * Where a row's record items are read: `current` (records' metadata now: record metrics) or the
 * day expression of a usage row (the items its record had that day: metadata history).
 */
export type ItemsAt = 'current' | { day: string };

/** Records with items of field `field` (a placeholder) matching `items` (a condition on `item_id`, or none) now. */
function recordsWith(alias: string, field: string, items: string): string {
  return `${alias}.record_id IN (SELECT record_id FROM record_items WHERE field = ${field}${items ? ` AND ${items}` : ''})`;
}

/** The `item_id` condition of a record-field filter (none: any item of the field). */
function itemCondition(f: EngineFilter, p: Params): string {
  if (f.op === 'other_than') return f.values.length ? `item_id NOT IN (${p.list(f.values)})` : '';
  return `item_id IN (${p.list(f.values)})`;
}

/**
 * The condition a filter puts on a row with a `record_id` column (and, for event fields, the
 * event's own column), by the records' current metadata. A record matches `is` when any of its
 * values is listed; `is_not` is its exact complement, so `is X` + `is_not X` is the whole.
 */
export function filterCondition(f: EngineFilter, p: Params, alias: string): string {
  const column = EVENT_FIELDS[f.field];
  if (column) {
    const value = `COALESCE(${alias}.${column}, '')`;
    if (f.op === 'is') return `${value} IN (${p.list(f.values)})`;
    if (f.op === 'is_not') return `${value} NOT IN (${p.list(f.values)})`;
    return `${value} <> ''${f.values.length ? ` AND ${value} NOT IN (${p.list(f.values)})` : ''}`;
  }
  const field = p.add(f.field);
  const matching = recordsWith(alias, field, itemCondition(f, p));
  return f.op === 'is_not' ? `NOT (${matching})` : matching;
}

/** `WHERE`-ready conjunction of the filters by current metadata (`TRUE` when none). */
export function filtersWhere(filters: readonly EngineFilter[], p: Params, alias: string): string {
  return filters.length ? filters.map((f) => `(${filterCondition(f, p, alias)})`).join(' AND ') : 'TRUE';
}

/**
 * The filters of usage rows (`alias` with `record_id` and a day): a record field's filter reads
 * the items the record had on the row's day. Each becomes a LEFT JOIN to the periods in which the
 * record matched (a record's periods never overlap, so a row meets at most one) and a test on
 * whether one was met: a hash join, where a correlated EXISTS took four times as long.
 */
export function filtersOnDay(filters: readonly EngineFilter[], p: Params, alias: string, day: string): { joins: string; where: string } {
  const joins: string[] = [];
  const conditions = filters.map((f, n) => {
    if (EVENT_FIELDS[f.field]) return `(${filterCondition(f, p, alias)})`;
    const name = `fp${n}`;
    const field = p.add(f.field);
    const items = itemCondition(f, p);
    const periods = boundedPeriodsSql((a) => `${a}.field = ${field}${items ? ` AND ${a}.${items}` : ''}`);
    joins.push(`LEFT JOIN ${periods} ${name} ON ${name}.record_id = ${alias}.record_id AND ${inBoundedPeriod(name, day)}`);
    return `${name}.record_id IS ${f.op === 'is_not' ? '' : 'NOT '}NULL`;
  });
  return { joins: joins.join('\n'), where: conditions.length ? conditions.join(' AND ') : 'TRUE' };
}

/** A field dimension's join and its item expression, for rows with a `record_id` (and event columns). */
export function dimensionJoin(field: ItemDimension, p: Params, alias: string, n: number, at: ItemsAt = 'current'): { join: string; item: string } {
  const column = EVENT_FIELDS[field];
  if (column) {
    return { join: '', item: `${alias}.${column}` };
  }
  const name = `i${n}`;
  const f = p.add(field);
  const join = at === 'current'
    ? `JOIN record_items ${name} ON ${name}.record_id = ${alias}.record_id AND ${name}.field = ${f}`
    : `JOIN ${itemPeriodsSql((a) => `${a}.field = ${f}`)} ${name} ON ${name}.record_id = ${alias}.record_id AND ${inPeriod(name, at.day)}`;
  return { join, item: `${name}.item_id` };
}

/** Extra `WHERE` conditions a dimension needs (an event field's empty values belong to no item). */
export function dimensionWhere(field: ItemDimension, alias: string): string {
  const column = EVENT_FIELDS[field];
  return column ? `${alias}.${column} IS NOT NULL AND ${alias}.${column} <> ''` : 'TRUE';
}
