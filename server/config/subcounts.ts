/**
 * Which JSON path of an InvenioRDM record feeds which subcount field. Configuration, not code:
 * a deployment may pass its own (same shape) and the importer re-extracts every record's items
 * and marks everything for re-aggregation when it changes (see `server/ingest/subcountConfig.ts`).
 *
 * Paths are dot-separated; arrays met on the way are flattened, so `metadata.creators.affiliations`
 * yields every affiliation of every creator. Keys may contain `:` (`custom_fields.journal:journal`).
 * Mirrors the reference's choices (reference/fixtures/original-subcount-config.json), including
 * `identifiedOnly` on affiliations and funders: a value named only by free text ("University Of
 * British Columbia" beside the same institution's ROR id `03rmrcq20`) is not counted, so one
 * institution is never counted twice. Turn it off per field to count such values under their name:
 * `{"affiliations": {"identifiedOnly": false}}` in the REPOSTATS_SUBCOUNTS file.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { RecordFieldId } from '../../src/core/fields';

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
  | {
      kind: 'values';
      sources: readonly SubcountSource[];
      /**
       * Count only items that have an `id` (each source's `idFallback` is then unused): values named
       * only by free text are left out rather than counted beside the identified item of the same
       * institution. Chosen over merging by name, which would make a record's items depend on
       * other records (and on import order); the reference leaves them out too.
       */
      identifiedOnly?: boolean;
    }
  /** One item per file extension, with that type's file count and bytes. */
  | { kind: 'file_types'; entries: string; ext: string; key: string; size: string };

/** Every record field of FIELDS: DEFAULT_SUBCOUNT_CONFIG must give each an extraction path (a missing one fails the type check). */
export type RecordSubcountField = RecordFieldId;
export type SubcountConfig = Readonly<Record<RecordSubcountField, SubcountFieldConfig>>;

const values = (...sources: SubcountSource[]): Extract<SubcountFieldConfig, { kind: 'values' }> => ({ kind: 'values', sources });

export const DEFAULT_SUBCOUNT_CONFIG: SubcountConfig = {
  resource_types: values({ path: 'metadata.resource_type', id: 'id', label: 'title' }),
  access_statuses: values({ path: 'access.status' }),
  languages: values({ path: 'metadata.languages', id: 'id', label: 'title' }),
  subjects: values({ path: 'metadata.subjects', id: 'id', idFallback: 'subject', label: 'subject' }),
  rights: values({ path: 'metadata.rights', id: 'id', label: 'title' }),
  funders: { ...values({ path: 'metadata.funding.funder', id: 'id', idFallback: 'name', label: 'name' }), identifiedOnly: true },
  affiliations: {
    ...values(
      { path: 'metadata.creators.affiliations', id: 'id', idFallback: 'name', label: 'name' },
      { path: 'metadata.contributors.affiliations', id: 'id', idFallback: 'name', label: 'name' },
    ),
    identifiedOnly: true,
  },
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
  z.strictObject({ kind: z.literal('values'), sources: z.array(SourceSchema).min(1), identifiedOnly: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('file_types'), entries: z.string(), ext: z.string(), key: z.string(), size: z.string() }),
]);
const RECORD_FIELDS = Object.keys(DEFAULT_SUBCOUNT_CONFIG) as [RecordSubcountField, ...RecordSubcountField[]];

/** Only the option of a field, its sources kept: `{"funders": {"identifiedOnly": false}}`. */
const FieldOptionsSchema = z.strictObject({ identifiedOnly: z.boolean() });

/**
 * A deployment's overrides: any subset of fields, each a whole field (with `kind`) or its options
 * alone; the others keep their defaults.
 */
export const SubcountConfigOverrideSchema = z.partialRecord(
  z.enum(RECORD_FIELDS),
  z.record(z.string(), z.unknown()).transform((value, ctx) => overrideOf(value, ctx)),
);

function overrideOf(value: Record<string, unknown>, ctx: z.core.$RefinementCtx): SubcountFieldConfig | z.infer<typeof FieldOptionsSchema> {
  const result = ('kind' in value ? FieldConfigSchema : FieldOptionsSchema).safeParse(value);
  if (result.success) return result.data as SubcountFieldConfig | z.infer<typeof FieldOptionsSchema>;
  for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as (string | number)[] });
  return z.NEVER;
}

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
  const config: Record<string, SubcountFieldConfig> = { ...DEFAULT_SUBCOUNT_CONFIG };
  for (const [field, override] of Object.entries(parsed.data) as [RecordSubcountField, z.infer<typeof FieldOptionsSchema> | SubcountFieldConfig][]) {
    if ('kind' in override) config[field] = override;
    else {
      const base = DEFAULT_SUBCOUNT_CONFIG[field];
      if (base.kind !== 'values') throw new Error(`invalid subcount configuration:\n${path}: ${field}: identifiedOnly applies to value fields only`);
      config[field] = { ...base, identifiedOnly: override.identifiedOnly };
    }
  }
  return config as SubcountConfig;
}
