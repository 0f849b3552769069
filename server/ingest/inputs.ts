/**
 * The three inputs the server ingests, as zod schemas: InvenioRDM records, community membership
 * events and usage events (already processed, raw hits, or the reference system's exported
 * `events-stats-*` documents). The CLI importer and the HTTP ingest API validate with these, so a
 * bad line is reported with the same path and message everywhere.
 *
 * Records are loose on purpose: only the paths we read are checked, everything else passes through
 * (and the subcount extraction reads it by configured JSON path).
 */
import { z } from 'zod';

const nonEmpty = z.string().min(1, 'must not be empty');

/** An ISO-8601 date or date-time (`2024-01-02`, `2024-01-02T03:04:05Z`, `…+00:00`, `…` without zone = UTC). */
export const TimestampSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO-8601 date or date-time');

export const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/**
 * The largest byte count accepted: 2^53 − 1 (8 PiB), the largest integer JavaScript holds exactly.
 * Beyond it a size would be stored rounded, and past 2^63 it overflows the databases' BIGINT.
 */
export const MAX_BYTES = Number.MAX_SAFE_INTEGER;

/** A byte count that InvenioRDM sometimes serialises as a string (`"17181"`). */
export const SizeSchema = z.union([
  // zod's `int()` already stops at 2^53 − 1.
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\d+$/, 'expected a non-negative integer')
    .refine((s) => BigInt(s) <= BigInt(MAX_BYTES), `must be at most ${MAX_BYTES} bytes`),
]);

/** A file count (an INTEGER column). */
const CountSchema = z.number().int().nonnegative().max(2_147_483_647, 'must be at most 2147483647');

const FileEntrySchema = z.looseObject({
  key: z.string().optional(),
  ext: z.string().nullish(),
  size: SizeSchema.nullish(),
});

const OwnerSchema = z.looseObject({ user: z.union([z.string(), z.number()]).nullish() });

/**
 * An InvenioRDM record as its REST API returns it.
 *
 * @example
 * InvenioRecordSchema.parse({ id: 'abcd-1234', created: '2024-01-02T03:04:05Z', metadata: { publication_date: '2020-10' } })
 */
export const InvenioRecordSchema = z.looseObject({
  id: z.union([nonEmpty, z.number()]).transform(String),
  created: TimestampSchema.optional(),
  updated: TimestampSchema.optional(),
  parent: z
    .looseObject({
      id: z.union([nonEmpty, z.number()]).transform(String).optional(),
      communities: z.looseObject({ ids: z.array(nonEmpty).optional(), default: z.string().nullish() }).nullish(),
      access: z.looseObject({ owned_by: z.union([OwnerSchema, z.array(OwnerSchema)]).nullish() }).nullish(),
    })
    .nullish(),
  metadata: z
    .looseObject({
      title: z.string().optional(),
      publication_date: z.string().optional(),
    })
    .optional(),
  files: z
    .looseObject({
      enabled: z.boolean().optional(),
      count: CountSchema.nullish(),
      total_bytes: SizeSchema.nullish(),
      entries: z.union([z.record(z.string(), FileEntrySchema), z.array(FileEntrySchema)]).nullish(),
    })
    .nullish(),
  deletion_status: z.looseObject({ is_deleted: z.boolean().optional(), status: z.string().optional() }).nullish(),
  tombstone: z.looseObject({ removal_date: TimestampSchema.nullish() }).nullish(),
  is_deleted: z.boolean().optional(),
});
export type InvenioRecord = z.infer<typeof InvenioRecordSchema>;

/**
 * A (record, community) membership change with its true date, for back-filling history.
 *
 * @example
 * { "record_id": "abcd-1234", "community_id": "c1", "action": "added", "date": "2021-03-04" }
 */
export const MembershipEventSchema = z.object({
  record_id: z.union([nonEmpty, z.number()]).transform(String),
  community_id: nonEmpty,
  action: z.enum(['added', 'removed']),
  date: TimestampSchema,
});
export type MembershipEvent = z.infer<typeof MembershipEventSchema>;

/**
 * A community membership event as the reference stores it in its `stats-community-events-*`
 * indices (the `_source` alone or the whole search hit). `event_type` and `event_date` are the
 * membership change. The record's dates it repeats (`record_created_date`, `record_published_date`,
 * `is_deleted`, `deleted_date`) are read from the record itself here (its `created`, publication
 * date and tombstone), so they pass through unchecked: a line is never rejected for them.
 * `community_id` "global" marks a record entering or leaving the instance; global holdings are
 * derived from the records, so such rows are kept as history but not counted from.
 *
 * @example
 * { "record_id": "abcd-1234", "community_id": "c1", "event_type": "added", "event_date": "2021-03-04T00:00:00",
 *   "record_created_date": "2021-01-02", "record_published_date": "2020-12-01", "is_deleted": false }
 */
export const ReferenceCommunityEventSchema = z.looseObject({
  record_id: z.union([nonEmpty, z.number()]).transform(String),
  community_id: nonEmpty,
  event_type: z.enum(['added', 'removed', 'add', 'remove']).transform((t) => (t === 'add' || t === 'added' ? 'added' : 'removed')),
  event_date: TimestampSchema,
});
export type ReferenceCommunityEvent = z.infer<typeof ReferenceCommunityEventSchema>;

/** Which shape a membership line has: ours, or the reference's `stats-community-events` document. */
export function membershipEventShape(value: Record<string, unknown>): 'plain' | 'reference' {
  return 'event_type' in value || 'event_date' in value ? 'reference' : 'plain';
}

const EventTypeSchema = z.enum(['view', 'download']);

/**
 * A usage event already processed: visitor and session ids assigned, robots flagged.
 *
 * @example
 * { "type": "view", "timestamp": "2024-01-02T03:04:05Z", "record_id": "abcd-1234", "visitor_id": "v1" }
 */
export const ProcessedEventSchema = z.object({
  type: EventTypeSchema,
  timestamp: TimestampSchema,
  record_id: z.union([nonEmpty, z.number()]).transform(String),
  file_key: z.string().nullish(),
  size: SizeSchema.nullish(),
  visitor_id: nonEmpty,
  session_id: z.string().nullish(),
  country: z.string().nullish(),
  referrer: z.string().nullish(),
  is_robot: z.boolean().optional(),
  /** Used only to flag robots (with `isbot`) when `is_robot` is absent; never stored. */
  user_agent: z.string().optional(),
  status: z.number().int().optional(),
  /** The source system's own event id, used as the idempotency key when given. */
  event_id: z.string().optional(),
});
export type ProcessedEvent = z.infer<typeof ProcessedEventSchema>;

/**
 * A raw hit from a web server log: the importer derives visitor, session, country and robot flag,
 * and stores no IP address.
 *
 * @example
 * { "type": "download", "timestamp": "2024-01-02T03:04:05Z", "record_id": "abcd-1234", "file_key": "a.pdf", "ip": "192.0.2.1", "user_agent": "Mozilla/5.0 …" }
 */
export const RawHitSchema = z.object({
  type: EventTypeSchema,
  timestamp: TimestampSchema,
  record_id: z.union([nonEmpty, z.number()]).transform(String),
  file_key: z.string().nullish(),
  size: SizeSchema.nullish(),
  ip: nonEmpty,
  user_agent: z.string().default(''),
  referrer: z.string().nullish(),
  status: z.number().int().optional(),
  user_id: z.union([z.string(), z.number()]).nullish(),
});
export type RawHit = z.infer<typeof RawHitSchema>;

/**
 * A usage event in the reference system's field names, as exported from its `events-stats-record-view`
 * / `events-stats-file-download` indices (either the `_source` alone or the whole search hit).
 * The type comes from `type`/`event_type`, else the index name, else the presence of `file_key`.
 */
export const ReferenceEventSchema = z.looseObject({
  timestamp: TimestampSchema,
  recid: z.union([nonEmpty, z.number()]).transform(String),
  parent_recid: z.union([z.string(), z.number()]).nullish(),
  unique_session_id: z.string().nullish(),
  visitor_id: nonEmpty,
  file_key: z.string().nullish(),
  size: SizeSchema.nullish(),
  is_robot: z.boolean().optional(),
  country: z.string().nullish(),
  referrer: z.string().nullish(),
  unique_id: z.string().nullish(),
  type: EventTypeSchema.optional(),
  event_type: z.string().optional(),
});
export type ReferenceEvent = z.infer<typeof ReferenceEventSchema>;

/** Which shape a usage-event line has; decided by its keys before validation. */
export type UsageEventShape = 'processed' | 'raw' | 'reference';

export function usageEventShape(value: Record<string, unknown>): UsageEventShape {
  if ('recid' in value) return 'reference';
  if ('ip' in value) return 'raw';
  return 'processed';
}

export const USAGE_EVENT_SCHEMAS = {
  processed: ProcessedEventSchema,
  raw: RawHitSchema,
  reference: ReferenceEventSchema,
} as const;

export const INPUT_KINDS = ['records', 'memberships', 'events'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];
