/**
 * Fact rows → the reference's document fragments. A delta shape reads one day's facts; a snapshot
 * shape reads the running sum of every fact up to the day's end.
 */
import type { Fact, Family } from '../aggregate/facts';

const n = (f: Fact, k: string): number => Number(f[k] ?? 0);

export function recordDeltaShape(f: Fact) {
  return {
    records: {
      added: { metadata_only: n(f, 'rec_add_mo'), with_files: n(f, 'rec_add_wf') },
      removed: { metadata_only: n(f, 'rec_rem_mo'), with_files: n(f, 'rec_rem_wf') },
    },
    parents: {
      added: { metadata_only: n(f, 'par_add_mo'), with_files: n(f, 'par_add_wf') },
      removed: { metadata_only: n(f, 'par_rem_mo'), with_files: n(f, 'par_rem_wf') },
    },
    files: {
      added: { file_count: n(f, 'files_add'), data_volume: n(f, 'vol_add') },
      removed: { file_count: n(f, 'files_rem'), data_volume: n(f, 'vol_rem') },
    },
  };
}

export function recordSnapshotShape(f: Fact) {
  return {
    records: { metadata_only: n(f, 'rec_add_mo') - n(f, 'rec_rem_mo'), with_files: n(f, 'rec_add_wf') - n(f, 'rec_rem_wf') },
    parents: { metadata_only: n(f, 'par_add_mo') - n(f, 'par_rem_mo'), with_files: n(f, 'par_add_wf') - n(f, 'par_rem_wf') },
    files: { file_count: n(f, 'files_add') - n(f, 'files_rem'), data_volume: n(f, 'vol_add') - n(f, 'vol_rem') },
  };
}

export function usageShape(f: Fact) {
  return {
    view: {
      total_events: n(f, 'v_events'), unique_visitors: n(f, 'v_visitors'),
      unique_records: n(f, 'v_records'), unique_parents: n(f, 'v_parents'),
    },
    download: {
      total_events: n(f, 'd_events'), unique_visitors: n(f, 'd_visitors'), unique_records: n(f, 'd_records'),
      unique_parents: n(f, 'd_parents'), unique_files: n(f, 'd_files'), total_volume: n(f, 'd_volume'),
    },
  };
}

/** The rankings of a usage snapshot's `top` field: by views and by downloads, as the reference. */
export type UsageRanking = 'by_view' | 'by_download';

/**
 * How an item ranks within its field on a day (higher first); the same rule as the bundles, or
 * one side of it for a usage snapshot's `by_view` / `by_download` lists.
 */
export function rankScore(family: Family, mode: 'delta' | 'snapshot', f: Fact, ranking?: UsageRanking): number {
  if (family === 'usage' && ranking) return ranking === 'by_view' ? n(f, 'v_events') : n(f, 'd_events');
  if (family === 'usage') return n(f, 'v_events') + n(f, 'd_events');
  const added = n(f, 'rec_add_mo') + n(f, 'rec_add_wf');
  const removed = n(f, 'rec_rem_mo') + n(f, 'rec_rem_wf');
  return mode === 'delta' ? added + removed : added - removed;
}

/** Whether a snapshot item still holds anything (items that dropped to zero leave the document). */
export function holdsSomething(family: Family, f: Fact): boolean {
  if (family === 'usage') return Object.values(f).some((v) => v !== 0);
  const s = recordSnapshotShape(f);
  return [s.records.metadata_only, s.records.with_files, s.parents.metadata_only, s.parents.with_files,
    s.files.file_count, s.files.data_volume].some((v) => v !== 0);
}
