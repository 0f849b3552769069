/**
 * Serving tables: the response cache (pre-rendered bundles with their compressed forms) and the
 * per-community layout overrides. Owned by the HTTP side; nothing in the aggregation reads them.
 *
 * Compressed bodies are stored base64 in TEXT so one schema works on DuckDB and PostgreSQL alike.
 * `basis` is '' for usage categories so it can sit in the primary key.
 */
import type { Migration } from '../port';

export const SERVING_MIGRATIONS: Migration[] = [
  {
    id: '003_serving',
    up: () => `
CREATE TABLE bundle_cache (
  community_id TEXT NOT NULL,
  category TEXT NOT NULL,
  basis TEXT NOT NULL,
  year INTEGER NOT NULL,
  etag TEXT NOT NULL,
  body TEXT NOT NULL,
  gzip TEXT NOT NULL,
  br TEXT NOT NULL,
  built_at TEXT NOT NULL,
  PRIMARY KEY (community_id, category, basis, year)
);
CREATE TABLE layouts (
  community_id TEXT PRIMARY KEY,
  override TEXT NOT NULL,
  updated_at TEXT NOT NULL
)`,
  },
];
