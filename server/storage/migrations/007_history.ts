/**
 * The reference's imported daily documents (`repostats migrate`), kept as the history of days that
 * have no raw inputs: `history_docs` names each imported document (its digest makes a re-import of
 * the same export a no-op; snapshot documents leave their uploader total), and the two fact tables
 * hold the delta documents converted to the aggregator's fact rows. The aggregator copies them into
 * `agg_*_facts` for the days the raw inputs leave empty (server/domain/aggregate/history.ts).
 */
import { FACT_COLUMNS } from '../../domain/aggregate/facts';
import type { Migration } from '../port';

const columns = (family: keyof typeof FACT_COLUMNS) => FACT_COLUMNS[family].map((c) => `  ${c} BIGINT NOT NULL,`).join('\n');

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
${columns('records')}
  PRIMARY KEY (basis, community_id, day, field, item_id)
);
CREATE TABLE history_usage_facts (
  community_id TEXT NOT NULL,
  day DATE NOT NULL,
  field TEXT NOT NULL,
  item_id TEXT NOT NULL,
${columns('usage')}
  PRIMARY KEY (community_id, day, field, item_id)
)`,
  },
];
