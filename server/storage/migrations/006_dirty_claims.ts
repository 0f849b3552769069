/**
 * Which aggregation run claimed a dirty day. A run claims the dirt it will settle when it plans,
 * and clears only what it claimed; ingest marking a day again un-claims it (claimed_by = NULL), so
 * a change that lands while a run is in progress stays dirty for the next run.
 */
import type { Migration } from '../port';

export const DIRTY_CLAIM_MIGRATIONS: Migration[] = [
  {
    id: '006_dirty_claims',
    up: () => `ALTER TABLE dirty_days ADD COLUMN claimed_by TEXT`,
  },
];
