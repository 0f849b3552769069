/**
 * Inputs are accepted only from 1990-01-01 to tomorrow (src/core/dateWindow.ts), but a database
 * written before that rule may hold an event dated 0000-01-01 or 9999-12-31, or the dirty day
 * such an event left after it was deleted. A run ignores those events and settles those days,
 * with a note, so an old database recovers without a hand-run command.
 */
import { FIRST_DAY, lastInputDay } from '../../../src/core/dateWindow';
import type { SqlEngine } from '../../storage/port';
import { deleteDirtOutside } from '../../storage/queries/dirtyDays';

export interface DayWindow {
  first: string;
  last: string;
}

export function inputWindow(now: Date): DayWindow {
  return { first: FIRST_DAY, last: lastInputDay(now) };
}

/** Deletes dirty days outside the window; returns a note naming them, or null when there were none. */
export async function settleOutOfWindowDirt(db: SqlEngine, window: DayWindow): Promise<string | null> {
  const days = await deleteDirtOutside(db, window);
  if (days.length === 0) return null;
  return `ignored ${days.length} dirty day(s) outside ${window.first}..${window.last}, left by data imported before dates were checked: ${days.join(', ')}`;
}
