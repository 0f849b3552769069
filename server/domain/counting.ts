/**
 * The COUNTER Release 5.1 counting rules, as SQL the aggregators embed:
 * - robots and crawlers never count (they stay stored, flagged, for an "all traffic" view);
 * - unsuccessful requests (`ok` false: a status other than 200/304) never count;
 * - double clicks: a view (same visitor, same record) or a download (same visitor, same record,
 *   same file) counts only if more than 30 seconds passed since that visitor's previous request
 *   for the same item. The window slides: a chain of requests each within 30 s of the previous
 *   counts once, however long the chain.
 *
 * Portable across DuckDB and PostgreSQL.
 */

/** The double-click window, in seconds. */
export const DOUBLE_CLICK_SECONDS = 30;

/** Columns of the rows `countedEventsSql` returns. */
export const COUNTED_EVENT_COLUMNS = [
  'event_key', 'type', 'ts', 'day', 'record_id', 'file_key', 'size', 'visitor_id', 'session_id', 'country', 'referrer',
] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkedDay(day: string): string {
  if (!DAY.test(day)) throw new RangeError(`expected a day YYYY-MM-DD, got ${day}`);
  return day;
}

function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A SELECT of the events that count, dated between `from` and `to` (UTC days, inclusive).
 *
 * @example
 * db.query(`SELECT day, type, count(*) AS n FROM (${countedEventsSql({ from: '2024-01-01', to: '2024-01-31' })}) c GROUP BY day, type`)
 */
export function countedEventsSql({ from, to }: { from: string; to: string }): string {
  checkedDay(from);
  checkedDay(to);
  // The previous request that can suppress one on `from` is at most 30 s earlier, so one day of
  // look-back is enough to decide every event in the range.
  const lookBack = dayBefore(from);
  return `SELECT ${COUNTED_EVENT_COLUMNS.join(', ')}
FROM (
  SELECT ${COUNTED_EVENT_COLUMNS.join(', ')},
    LAG(ts) OVER (
      PARTITION BY type, visitor_id, record_id, CASE WHEN type = 'download' THEN COALESCE(file_key, '') ELSE '' END
      ORDER BY ts, event_key
    ) AS previous_ts
  FROM events
  WHERE NOT is_robot AND ok AND day >= DATE '${lookBack}' AND day <= DATE '${to}'
) candidates
WHERE day >= DATE '${from}'
  AND (previous_ts IS NULL OR ts - previous_ts > INTERVAL '${DOUBLE_CLICK_SECONDS} seconds')`;
}

/** Columns of `counted_events`: what the readers of usage need of a counted event (see countedUsageSql). */
export const COUNTED_STORED_COLUMNS = ['type', 'day', 'record_id', 'visitor_id', 'file_key', 'size', 'country', 'referrer'] as const;

/**
 * Rewrites `counted_events` for `from`..`to` from the raw events (the usage aggregation does, for
 * the days it recomputes, before their facts): statements to run in one transaction.
 */
export function rebuildCountedEventsSql({ from, to }: { from: string; to: string }): string[] {
  const cols = COUNTED_STORED_COLUMNS.join(', ');
  return [
    `DELETE FROM counted_events WHERE day BETWEEN DATE '${checkedDay(from)}' AND DATE '${checkedDay(to)}'`,
    `INSERT INTO counted_events (${cols}) SELECT ${cols} FROM (${countedEventsSql({ from, to })}) c`,
  ];
}

/**
 * The counted events of `from`..`to` (as the last aggregation stored them) with what every reader
 * of usage needs from the record: its parent (the record itself when unknown) and, for raw hits
 * that carry no size, the size of the file a download names. Columns: type, day, record_id,
 * parent_id, visitor_id, file_key, size, country, referrer.
 */
export function countedUsageSql({ from, to }: { from: string; to: string }): string {
  return `SELECT e.type, e.day, e.record_id, COALESCE(r.parent_id, e.record_id) AS parent_id, e.visitor_id,
         e.file_key, COALESCE(e.size, f.size) AS size, e.country, e.referrer
  FROM counted_events e LEFT JOIN records r ON r.record_id = e.record_id
  LEFT JOIN record_files f ON f.record_id = e.record_id AND f.file_key = e.file_key
  WHERE e.day BETWEEN DATE '${checkedDay(from)}' AND DATE '${checkedDay(to)}'`;
}
