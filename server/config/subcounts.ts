/**
 * Which JSON path of an InvenioRDM record feeds which subcount field. Configuration, not code:
 * a deployment may pass its own (same shape) and the importer re-extracts every record's items
 * and marks everything for re-aggregation when it changes (see `server/ingest/subcountConfig.ts`).
 *
 * Paths are dot-separated; arrays met on the way are flattened, so `metadata.creators.affiliations`
 * yields every affiliation of every creator. Keys may contain `:` (`custom_fields.journal:journal`).
 * Mirrors the reference's choices (reference/fixtures/original-subcount-config.json), except that
 * affiliations and funders without an `id` are kept under their name instead of being dropped.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { FieldId } from '../../src/core/fields';

export interface SubcountSource {
  /** Path from the record to the item(s). */
  path: string;
  /** Path inside an item to its id; omit when the item itself is the id (a string). */
  id?: string;
  /** Path inside an item used as id when `id` is missing. */
  idFallback?: string;
  /** Path inside an item to its label: a `{lang: label}` object or a plain string. */
  label?: string;
}

export type SubcountFieldConfig =
  | { kind: 'values'; sources: readonly SubcountSource[] }
  /** One item per file extension, with that type's file count and bytes. */
  | { kind: 'file_types'; entries: string; ext: string; key: string; size: string };

export type RecordSubcountField = Exclude<FieldId, 'countries' | 'referrers'>;
export type SubcountConfig = Readonly<Record<RecordSubcountField, SubcountFieldConfig>>;

const values = (...sources: SubcountSource[]): SubcountFieldConfig => ({ kind: 'values', sources });

export const DEFAULT_SUBCOUNT_CONFIG: SubcountConfig = {
  resource_types: values({ path: 'metadata.resource_type', id: 'id', label: 'title' }),
  access_statuses: values({ path: 'access.status' }),
  languages: values({ path: 'metadata.languages', id: 'id', label: 'title' }),
  subjects: values({ path: 'metadata.subjects', id: 'id', idFallback: 'subject', label: 'subject' }),
  rights: values({ path: 'metadata.rights', id: 'id', label: 'title' }),
  funders: values({ path: 'metadata.funding.funder', id: 'id', idFallback: 'name', label: 'name' }),
  affiliations: values(
    { path: 'metadata.creators.affiliations', id: 'id', idFallback: 'name', label: 'name' },
    { path: 'metadata.contributors.affiliations', id: 'id', idFallback: 'name', label: 'name' },
  ),
  publishers: values({ path: 'metadata.publisher' }),
  periodicals: values({ path: 'custom_fields.journal:journal.title' }),
  file_types: { kind: 'file_types', entries: 'files.entries', ext: 'ext', key: 'key', size: 'size' },
};

const SourceSchema = z.strictObject({
  path: z.string().min(1),
  id: z.string().optional(),
  idFallback: z.string().optional(),
  label: z.string().optional(),
});
const FieldConfigSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('values'), sources: z.array(SourceSchema).min(1) }),
  z.strictObject({ kind: z.literal('file_types'), entries: z.string(), ext: z.string(), key: z.string(), size: z.string() }),
]);
const RECORD_FIELDS = Object.keys(DEFAULT_SUBCOUNT_CONFIG) as [RecordSubcountField, ...RecordSubcountField[]];

/** A deployment's overrides: any subset of fields; the others keep their defaults. */
export const SubcountConfigOverrideSchema = z.partialRecord(z.enum(RECORD_FIELDS), FieldConfigSchema);

/**
 * The configuration in force: `DEFAULT_SUBCOUNT_CONFIG`, with the fields of the JSON file named by
 * `REPOSTATS_SUBCOUNTS` (when set) replacing their defaults. Every importer (CLI, HTTP, demo)
 * resolves it the same way, so they never disagree and trigger needless re-extraction.
 *
 * @example
 * // subcounts.json: {"publishers": {"kind": "values", "sources": [{"path": "metadata.publisher"}]}}
 * REPOSTATS_SUBCOUNTS=./subcounts.json repostats import records records.ndjson
 */
export function resolveSubcountConfig(path: string | undefined = process.env.REPOSTATS_SUBCOUNTS): SubcountConfig {
  if (!path) return DEFAULT_SUBCOUNT_CONFIG;
  const parsed = SubcountConfigOverrideSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${path}: ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`invalid subcount configuration:\n${problems.join('\n')}`);
  }
  return { ...DEFAULT_SUBCOUNT_CONFIG, ...parsed.data } as SubcountConfig;
}
