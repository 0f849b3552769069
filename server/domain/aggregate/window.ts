/**
 * Inputs are accepted only from 1990-01-01 to tomorrow (src/core/dateWindow.ts), but a database
 * written before that rule may hold an event dated 0000-01-01 or 9999-12-31, or the dirty day
 * such an event left after it was deleted. A run ignores those events and settles those days,
 * with a note, so an old database recovers without a hand-run command.
 */
import { FIRST_DAY, lastInputDay } from '../../../src/core/dateWindow';
import type { SqlEngine } from '../../storage/port';

export interface DayWindow {
  first: string;
  last: string;
}

export function inputWindow(now: Date): DayWindow {
  return { first: FIRST_DAY, last: lastInputDay(now) };
}

/** Deletes dirty days outside the window; returns a note naming them, or null when there were none. */
export async function settleOutOfWindowDirt(db: SqlEngine, window: DayWindow): Promise<string | null> {
  const outside = `day < CAST($1 AS DATE) OR day > CAST($2 AS DATE)`;
  const rows = await db.query<{ day: string }>(
    `SELECT DISTINCT CAST(day AS TEXT) AS day FROM dirty_days WHERE ${outside} ORDER BY 1`,
    [window.first, window.last],
  );
  if (rows.length === 0) return null;
  await db.exec(`DELETE FROM dirty_days WHERE ${outside}`, [window.first, window.last]);
  return `ignored ${rows.length} dirty day(s) outside ${window.first}..${window.last}, left by data imported before dates were checked: ${rows.map((r) => r.day).join(', ')}`;
}
