/**
 * The aggregation results: compact daily delta facts per (basis, community, day, field, item),
 * bookmarks and run history. Snapshots are derived from the facts as running sums on read, so a
 * change in the past rewrites only the facts of the days it touches.
 *
 * `field = ''` and `item_id = ''` hold a community-day's totals. No primary keys on the fact
 * tables: a unit of work deletes its rows and inserts them again, and DuckDB appends faster
 * without an index.
 */
import type { Dialect, Migration } from '../port';

/** DuckDB prunes by zone maps and pays for an ART index on every insert; PostgreSQL needs the index. */
function index(dialect: Dialect, table: string, columns: string): string {
  return dialect === 'postgres' ? `CREATE INDEX ${table}_cd ON ${table} (${columns});` : '';
}

export const AGGREGATION_MIGRATIONS: Migration[] = [
  {
    id: '002_aggregations',
    up: (dialect) => `
CREATE TABLE agg_record_facts (
  basis TEXT NOT NULL,
  community_id TEXT NOT NULL,
  day DATE NOT NULL,
  field TEXT NOT NULL,
  item_id TEXT NOT NULL,
  rec_add_mo BIGINT NOT NULL,
  rec_add_wf BIGINT NOT NULL,
  rec_rem_mo BIGINT NOT NULL,
  rec_rem_wf BIGINT NOT NULL,
  par_add_mo BIGINT NOT NULL,
  par_add_wf BIGINT NOT NULL,
  par_rem_mo BIGINT NOT NULL,
  par_rem_wf BIGINT NOT NULL,
  files_add BIGINT NOT NULL,
  vol_add BIGINT NOT NULL,
  files_rem BIGINT NOT NULL,
  vol_rem BIGINT NOT NULL,
  upl_day BIGINT NOT NULL,
  upl_add BIGINT NOT NULL,
  upl_rem BIGINT NOT NULL
);
${index(dialect, 'agg_record_facts', 'community_id, basis, day')}
CREATE TABLE agg_usage_facts (
  community_id TEXT NOT NULL,
  day DATE NOT NULL,
  field TEXT NOT NULL,
  item_id TEXT NOT NULL,
  v_events BIGINT NOT NULL,
  v_visitors BIGINT NOT NULL,
  v_records BIGINT NOT NULL,
  v_parents BIGINT NOT NULL,
  d_events BIGINT NOT NULL,
  d_visitors BIGINT NOT NULL,
  d_records BIGINT NOT NULL,
  d_parents BIGINT NOT NULL,
  d_files BIGINT NOT NULL,
  d_volume BIGINT NOT NULL
);
${index(dialect, 'agg_usage_facts', 'community_id, day')}
CREATE TABLE agg_bookmarks (
  kind TEXT NOT NULL,
  community_id TEXT NOT NULL,
  day DATE NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (kind, community_id)
);
CREATE TABLE agg_runs (
  run_id TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL,
  summary TEXT
)`,
  },
];
