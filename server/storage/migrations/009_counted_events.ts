/**
 * The counted events, stored: what the COUNTER rules (server/domain/counting.ts) keep of `events`,
 * written by the usage aggregation for the days it recomputes, in the same transaction as the
 * usage facts. The facts and the query API read this table instead of re-applying the
 * double-click window (a sort of every event) on each read. Only the event's own columns: its
 * record's parent and its file's size are joined on read, so a later record import is seen.
 *
 * An existing database is filled here from the events it holds.
 */
import { COUNTED_STORED_COLUMNS, countedEventsSql } from '../../domain/counting';
import type { Migration } from '../port';

export const COUNTED_EVENT_MIGRATIONS: Migration[] = [
  {
    id: '009_counted_events',
    up: (dialect) => `
CREATE TABLE counted_events (
  type TEXT NOT NULL,
  day DATE NOT NULL,
  record_id TEXT NOT NULL,
  visitor_id TEXT NOT NULL,
  file_key TEXT,
  size BIGINT,
  country TEXT,
  referrer TEXT
);
${dialect === 'postgres' ? 'CREATE INDEX counted_events_day ON counted_events (day);' : ''}
INSERT INTO counted_events (${COUNTED_STORED_COLUMNS.join(', ')})
SELECT ${COUNTED_STORED_COLUMNS.join(', ')} FROM (${countedEventsSql({ from: '1900-01-01', to: '9999-12-31' })}) c`,
  },
];
