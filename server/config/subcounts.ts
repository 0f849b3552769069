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
