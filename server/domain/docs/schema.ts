/**
 * The daily aggregation documents, in the reference's shapes (`reference/001_*.txt`): one document
 * per community per UTC day per kind. Served raw by `GET …/aggregations/{kind}` and by the
 * reference-compatible `POST /api/stats`.
 *
 * As the reference documents them: usage snapshots give each `top` field (FIELDS[f].keep) as
 * `{by_view: [...], by_download: [...]}`, the top N by views and by downloads; every other subcount
 * is a list. An item's `label` is a string, or a `{lang: label}` object for the fields whose
 * reference label is one (I18N_LABEL_FIELDS); every item also has `labels`, the `{lang: label}` map
 * our own clients read.
 *
 * Beyond the reference: `subcounts_other[field]` says how much falls outside the kept items of a
 * `top` field (sum of the same metrics over every item not listed, and how many items that is), so
 * "Other" is exact (for a `by_view` / `by_download` field, once per ranking). `timestamp` and
 * `updated_timestamp` are derived from the data (the end of the day the document covers), never
 * the wall clock, so re-aggregating the same input yields byte-identical documents.
 */
import { z } from 'zod';
import { AGGREGATION_KINDS } from '../../../src/core/kinds';
import type { FieldId } from '../../../src/core/fields';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int();
const labels = z.record(z.string(), z.string());
/** A label as the reference gives it: a plain string, or `{lang: label}`. */
const label = z.union([z.string(), labels]);

/**
 * The fields whose reference label is a `{lang: label}` object (the record's vocabulary `title`);
 * every other field's label is a plain string (`''` when unknown), as in the reference's documents.
 */
export const I18N_LABEL_FIELDS: readonly FieldId[] = ['resource_types', 'languages', 'rights'];

const split = z.object({ metadata_only: count, with_files: count });
const fileTotals = z.object({ file_count: count, data_volume: z.number() });
const addedRemoved = <T extends z.ZodType>(t: T) => z.object({ added: t, removed: t });

const recordDeltaMetrics = {
  records: addedRemoved(split),
  parents: addedRemoved(split),
  files: addedRemoved(fileTotals),
};
const recordSnapshotMetrics = { records: split, parents: split, files: fileTotals };

const viewTotals = z.object({ total_events: count, unique_visitors: count, unique_records: count, unique_parents: count });
const downloadTotals = viewTotals.extend({ unique_files: count, total_volume: z.number() });
const usageMetrics = { view: viewTotals, download: downloadTotals };

const item = <S extends z.ZodRawShape>(shape: S) => z.object({ id: z.string(), label, labels, ...shape });
const otherItems = <S extends z.ZodRawShape>(shape: S) => z.object({ items: count, ...shape });
const other = <S extends z.ZodRawShape>(shape: S) => z.record(z.string(), otherItems(shape));
/** A usage snapshot's `top` field: the top N by views and, separately, by downloads. */
const byViewAndDownload = <T extends z.ZodType>(t: T) => z.object({ by_view: t, by_download: t });

export const RecordDeltaDocSchema = z.object({
  community_id: z.string(),
  period_start: day,
  period_end: day,
  timestamp: z.string(),
  updated_timestamp: z.string(),
  ...recordDeltaMetrics,
  /** Distinct uploaders among the day's added records. */
  uploaders: count,
  subcounts: z.record(z.string(), z.array(item(recordDeltaMetrics))),
  subcounts_other: other(recordDeltaMetrics),
});
export type RecordDeltaDoc = z.infer<typeof RecordDeltaDocSchema>;

export const RecordSnapshotDocSchema = z.object({
  community_id: z.string(),
  snapshot_date: day,
  timestamp: z.string(),
  updated_timestamp: z.string(),
  total_records: split,
  total_parents: split,
  total_files: fileTotals,
  /** Distinct uploaders among the records held at the end of the day. */
  total_uploaders: count,
  subcounts: z.record(z.string(), z.array(item(recordSnapshotMetrics))),
  subcounts_other: other(recordSnapshotMetrics),
});
export type RecordSnapshotDoc = z.infer<typeof RecordSnapshotDocSchema>;

export const UsageDeltaDocSchema = z.object({
  community_id: z.string(),
  period_start: day,
  period_end: day,
  timestamp: z.string(),
  updated_timestamp: z.string(),
  totals: z.object(usageMetrics),
  subcounts: z.record(z.string(), z.array(item(usageMetrics))),
  subcounts_other: other(usageMetrics),
});
export type UsageDeltaDoc = z.infer<typeof UsageDeltaDocSchema>;

/**
 * Cumulative usage to the end of `snapshot_date`. The `unique_*` figures are running sums of
 * daily uniques (a visitor seen on two days counts twice), as in the reference.
 */
export const UsageSnapshotDocSchema = z.object({
  community_id: z.string(),
  snapshot_date: day,
  timestamp: z.string(),
  updated_timestamp: z.string(),
  totals: z.object(usageMetrics),
  subcounts: z.record(z.string(), z.union([z.array(item(usageMetrics)), byViewAndDownload(z.array(item(usageMetrics)))])),
  subcounts_other: z.record(z.string(), z.union([otherItems(usageMetrics), byViewAndDownload(otherItems(usageMetrics))])),
});
export type UsageSnapshotDoc = z.infer<typeof UsageSnapshotDocSchema>;

export type DailyDoc = RecordDeltaDoc | RecordSnapshotDoc | UsageDeltaDoc | UsageSnapshotDoc;

export const AggregationKindSchema = z.enum(AGGREGATION_KINDS);

/** The schema of each kind's documents. */
export const DOC_SCHEMAS = {
  'records-delta-added': RecordDeltaDocSchema,
  'records-delta-created': RecordDeltaDocSchema,
  'records-delta-published': RecordDeltaDocSchema,
  'records-snapshot-added': RecordSnapshotDocSchema,
  'records-snapshot-created': RecordSnapshotDocSchema,
  'records-snapshot-published': RecordSnapshotDocSchema,
  'usage-delta': UsageDeltaDocSchema,
  'usage-snapshot': UsageSnapshotDocSchema,
} as const satisfies Record<(typeof AGGREGATION_KINDS)[number], z.ZodType>;
