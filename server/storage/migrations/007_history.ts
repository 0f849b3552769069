/**
 * The reference's imported daily documents (`repostats migrate`), kept as the history of days that
 * have no raw inputs: `history_docs` names each imported document (its digest makes a re-import of
 * the same export a no-op; snapshot documents leave their uploader total), and the two fact tables
 * hold the delta documents converted to the aggregator's fact rows. The aggregator copies them into
 * `agg_*_facts` for the days the raw inputs leave empty (server/domain/aggregate/history.ts).
 *
 * The number columns are spelled out, as in 002: a migration is history and must not change when
 * FACT_COLUMNS (storage/factSchema.ts) does; facts.test.ts checks the migrated tables against it.
 */
import type { Migration } from '../port';

export const HISTORY_MIGRATIONS: Migration[] = [
  {
    id: '007_history',
    up: () => `
CREATE TABLE history_docs (
  kind TEXT NOT NULL,
  community_id TEXT NOT NULL,
  day DATE NOT NULL,
  digest TEXT NOT NULL,
  uploaders BIGINT,
  PRIMARY KEY (kind, community_id, day)
);
CREATE TABLE history_record_facts (
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
  upl_rem BIGINT NOT NULL,
  PRIMARY KEY (basis, community_id, day, field, item_id)
);
CREATE TABLE history_usage_facts (
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
  d_volume BIGINT NOT NULL,
  PRIMARY KEY (community_id, day, field, item_id)
)`,
  },
];
