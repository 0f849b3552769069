/**
 * PostgreSQL only: `events` becomes a table partitioned by month of `day`, so the aggregator's
 * monthly usage units each scan one partition and old months can be detached or dropped whole.
 * The PostgreSQL engine creates each month's partition before the first insert into it
 * (server/storage/partitions.ts); `events_default` catches rows written some other way.
 *
 * The primary key becomes (event_key, day): a partitioned table's keys must contain the partition
 * column. Event keys are derived from the timestamp, so one key never has two days and re-imports
 * still find their duplicates. DuckDB keeps the plain table (it prunes by zone maps).
 */
import type { Migration } from '../port';

export const PG_PARTITION_MIGRATIONS: Migration[] = [
  {
    id: '004_pg_partitions',
    up: (dialect) =>
      dialect !== 'postgres'
        ? ''
        : `
ALTER TABLE events RENAME TO events_unpartitioned;
ALTER INDEX events_pkey RENAME TO events_unpartitioned_pkey;
CREATE TABLE events (LIKE events_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (day);
ALTER TABLE events ADD PRIMARY KEY (event_key, day);
CREATE TABLE events_default PARTITION OF events DEFAULT;
DO $$ DECLARE m date; BEGIN FOR m IN SELECT DISTINCT CAST(date_trunc('month', day) AS DATE) FROM events_unpartitioned LOOP EXECUTE format('CREATE TABLE %I PARTITION OF events FOR VALUES FROM (%L) TO (%L)', 'events_' || to_char(m, 'YYYY_MM'), m, CAST(m + interval '1 month' AS DATE)); END LOOP; END $$;
INSERT INTO events SELECT * FROM events_unpartitioned;
DROP TABLE events_unpartitioned`,
  },
];
