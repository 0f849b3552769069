/**
 * The input tables: records, their subcount items, membership history, usage events.
 * Owned by the ingest side. Aggregations read these; nothing but ingest writes them.
 *
 * - records.communities: the record's current `parent.communities.ids` as a JSON array (its
 *   membership *history* is in `memberships`).
 * - memberships.source: 'explicit' (imported membership events) or 'derived' (from record imports).
 * - dirty_days: scope 'records' | 'usage'; community_id a community, 'global', or '*' (all).
 * - ingest_state: importer settings that must survive restarts (visitor-hash salt, subcount config hash).
 */
import type { Migration } from '../port';

export const INPUT_MIGRATIONS: Migration[] = [
  {
    id: '001_inputs',
    up: () => `
CREATE TABLE records (
  record_id TEXT PRIMARY KEY,
  parent_id TEXT NOT NULL,
  owner_id TEXT,
  created DATE NOT NULL,
  published DATE,
  removed DATE,
  files_enabled BOOLEAN NOT NULL,
  file_count INTEGER NOT NULL,
  data_volume BIGINT NOT NULL,
  title TEXT,
  updated TEXT,
  communities TEXT NOT NULL DEFAULT '[]',
  raw TEXT NOT NULL
);
CREATE TABLE record_items (
  record_id TEXT NOT NULL,
  field TEXT NOT NULL,
  item_id TEXT NOT NULL,
  file_count INTEGER,
  data_volume BIGINT,
  PRIMARY KEY (record_id, field, item_id)
);
CREATE TABLE item_labels (
  field TEXT NOT NULL,
  item_id TEXT NOT NULL,
  labels TEXT NOT NULL,
  PRIMARY KEY (field, item_id)
);
CREATE TABLE memberships (
  record_id TEXT NOT NULL,
  community_id TEXT NOT NULL,
  action TEXT NOT NULL,
  date DATE NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (record_id, community_id, action, date)
);
CREATE TABLE communities (
  community_id TEXT PRIMARY KEY,
  slug TEXT,
  title TEXT,
  restricted BOOLEAN NOT NULL DEFAULT false,
  enabled BOOLEAN NOT NULL DEFAULT true,
  token_hash TEXT
);
CREATE TABLE events (
  event_key TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  ts TIMESTAMP NOT NULL,
  day DATE NOT NULL,
  record_id TEXT NOT NULL,
  file_key TEXT,
  size BIGINT,
  visitor_id TEXT NOT NULL,
  session_id TEXT,
  country TEXT,
  referrer TEXT,
  is_robot BOOLEAN NOT NULL,
  ok BOOLEAN NOT NULL
);
CREATE TABLE ingest_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE dirty_days (
  scope TEXT NOT NULL,
  community_id TEXT NOT NULL,
  day DATE NOT NULL,
  PRIMARY KEY (scope, community_id, day)
)`,
  },
];
