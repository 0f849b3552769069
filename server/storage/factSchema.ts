/**
 * The fact schema's one owner: the number columns of each family's fact tables, in storage order,
 * and those tables. The aggregated facts (`agg_*_facts`, migration 002) and the imported history
 * (`history_*_facts`, migration 007) share these columns. Migrations are history, so they spell the
 * columns out; server/domain/aggregate/facts.test.ts fails when a migrated table and this list
 * disagree (a new column is a new migration adding it to all four tables).
 */
export type Family = 'records' | 'usage';

export const FACT_COLUMNS = {
  records: [
    'rec_add_mo', 'rec_add_wf', 'rec_rem_mo', 'rec_rem_wf', 'par_add_mo', 'par_add_wf', 'par_rem_mo', 'par_rem_wf',
    'files_add', 'vol_add', 'files_rem', 'vol_rem', 'upl_day', 'upl_add', 'upl_rem',
  ],
  usage: [
    'v_events', 'v_visitors', 'v_records', 'v_parents',
    'd_events', 'd_visitors', 'd_records', 'd_parents', 'd_files', 'd_volume',
  ],
} as const satisfies Record<Family, readonly string[]>;

/** The key columns before the numbers, per family. */
export const FACT_KEYS: Record<Family, readonly string[]> = {
  records: ['basis', 'community_id', 'day', 'field', 'item_id'],
  usage: ['community_id', 'day', 'field', 'item_id'],
};

/** The aggregated fact table of each family. */
export const TABLES: Record<Family, string> = { records: 'agg_record_facts', usage: 'agg_usage_facts' };

/** The imported history's fact table of each family (server/migrate/history.ts). */
export const HISTORY_TABLES: Record<Family, string> = { records: 'history_record_facts', usage: 'history_usage_facts' };
