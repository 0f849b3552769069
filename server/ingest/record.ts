/**
 * An InvenioRDM record reduced to the row the aggregations read. Pure.
 */
import type { InvenioRecord } from './inputs';
import type { SubcountConfig } from '../config/subcounts';
import { edtfStartDay } from './edtf';
import { extractItems, fileEntries, fileSize, type Extracted } from './extract';
import { dayOf, inputTime, utcDay } from './time';
import { MAX_BYTES } from './inputs';

export interface RecordRow {
  record_id: string;
  parent_id: string;
  owner_id: string | null;
  created: string;
  published: string | null;
  removed: string | null;
  files_enabled: boolean;
  file_count: number;
  data_volume: number;
  title: string | null;
  updated: string | null;
  /** The record's current communities (parent.communities.ids), sorted. */
  communities: string[];
  raw: string;
}

export interface NormalisedRecord {
  row: RecordRow;
  extracted: Extracted;
  /** The record's files by key, for sizing downloads that name a file but carry no size. */
  files: { key: string; size: number }[];
}

export function normaliseRecord(record: InvenioRecord, options: { config: SubcountConfig; now: Date }): NormalisedRecord {
  const entries = fileEntries(record, 'files.entries');
  const files = record.files ?? {};
  const counted = entries.length > 0;
  const fileCount = counted ? entries.length : numberOr(files['count'], 0);
  const dataVolume = counted
    ? entries.reduce<number>((sum, e) => sum + fileSize((e as Record<string, unknown>)['size']), 0)
    : numberOr(files['total_bytes'], 0);
  const created = dayOf(record.created) ?? dayOf(record.updated) ?? utcDay(options.now);
  const row: RecordRow = {
    record_id: record.id,
    parent_id: record.parent?.id ?? record.id,
    owner_id: ownerId(record),
    created,
    published: edtfStartDay(record.metadata?.publication_date),
    removed: removalDay(record, options.now),
    files_enabled: files.enabled ?? fileCount > 0,
    file_count: fileCount,
    data_volume: dataVolume,
    title: record.metadata?.title ?? null,
    updated: record.updated ?? null,
    communities: [...new Set(record.parent?.communities?.ids ?? [])].sort(),
    raw: JSON.stringify(record),
  };
  const byKey = entries.flatMap((e) => {
    const entry = e as Record<string, unknown>;
    return typeof entry['key'] === 'string' ? [{ key: entry['key'], size: fileSize(entry['size']) }] : [];
  });
  return { row, extracted: extractItems(record, options.config), files: byKey };
}

function ownerId(record: InvenioRecord): string | null {
  const owners = record.parent?.access?.owned_by;
  const list = Array.isArray(owners) ? owners : owners ? [owners] : [];
  const user = list.map((o) => o.user).find((u) => u !== null && u !== undefined && String(u) !== '');
  return user === undefined || user === null ? null : String(user);
}

/** Whether a record is deleted: flagged so, a deletion status other than published (`P`), or a tombstone. */
export function isDeletedRecord(record: Pick<InvenioRecord, 'is_deleted' | 'deletion_status' | 'tombstone'>): boolean {
  const status = record.deletion_status;
  return (
    record.is_deleted === true ||
    status?.is_deleted === true ||
    (status?.status !== undefined && status.status !== 'P') ||
    Boolean(record.tombstone?.removal_date)
  );
}

/** Deleted records leave on their tombstone's removal date, else their last update, else now. */
function removalDay(record: InvenioRecord, now: Date): string | null {
  if (!isDeletedRecord(record)) return null;
  return dayOf(record.tombstone?.removal_date) ?? dayOf(record.updated) ?? utcDay(now);
}

function numberOr(value: unknown, fallback: number): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : fallback;
}

/**
 * What rejects a schema-valid record: a date outside the accepted window (its `created`,
 * `updated` or tombstone's `removal_date`; the publication date may be old, as works are) or a
 * byte total no column can hold exactly.
 */
export function recordIssues(record: InvenioRecord, normalised: NormalisedRecord, now: Date): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const dates: [string, string | null | undefined][] = [
    ['created', record.created],
    ['updated', record.updated],
    ['tombstone.removal_date', record.tombstone?.removal_date],
  ];
  for (const [path, value] of dates) {
    const at = value ? inputTime(value, now) : null;
    if (typeof at === 'string') issues.push({ path, message: at });
  }
  const volumes = [normalised.row.data_volume, ...normalised.extracted.items.map((i) => i.data_volume ?? 0)];
  if (volumes.some((v) => v > MAX_BYTES)) issues.push({ path: 'files', message: `the files' total size must be at most ${MAX_BYTES} bytes` });
  return issues;
}
