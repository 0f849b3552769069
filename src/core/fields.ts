/**
 * The subcount fields: every metadata breakdown the aggregations keep and the widgets can show.
 * Adding a field is one line here plus its extraction path in the server's subcount config.
 *
 * - `scope`: which aggregations carry it (`records` = record delta/snapshot, `usage` = usage delta/snapshot).
 * - `keep`: `all` keeps every value; `top` keeps the top N (default 20) and an exact "other".
 *
 * @example
 * FIELDS.funders.keep // 'top'
 */
export const FIELDS = {
  resource_types: { scope: ['records', 'usage'], keep: 'all' },
  access_statuses: { scope: ['records', 'usage'], keep: 'all' },
  languages: { scope: ['records', 'usage'], keep: 'top' },
  subjects: { scope: ['records', 'usage'], keep: 'top' },
  rights: { scope: ['records', 'usage'], keep: 'top' },
  funders: { scope: ['records', 'usage'], keep: 'top' },
  affiliations: { scope: ['records', 'usage'], keep: 'top' },
  publishers: { scope: ['records', 'usage'], keep: 'top' },
  periodicals: { scope: ['records', 'usage'], keep: 'top' },
  file_types: { scope: ['records', 'usage'], keep: 'all' },
  countries: { scope: ['usage'], keep: 'top' },
  referrers: { scope: ['usage'], keep: 'top' },
} as const satisfies Record<string, { scope: readonly ('records' | 'usage')[]; keep: 'all' | 'top' }>;

export type FieldId = keyof typeof FIELDS;
/** The fields counted on records (their items come from the record's metadata, server/config/subcounts.ts). */
export type RecordFieldId = { [K in FieldId]: 'records' extends (typeof FIELDS)[K]['scope'][number] ? K : never }[FieldId];
export const FIELD_IDS = Object.keys(FIELDS) as FieldId[];
export const RECORD_FIELD_IDS = FIELD_IDS.filter((f) => (FIELDS[f].scope as readonly string[]).includes('records'));
export const USAGE_FIELD_IDS = FIELD_IDS.filter((f) => (FIELDS[f].scope as readonly string[]).includes('usage'));

/** Default number of items kept for `top` fields, per document and per bundle. */
export const DEFAULT_TOP_N = 20;
