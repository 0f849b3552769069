/**
 * How a record's metadata becomes COUNTER's Data_Type, Access_Type and YOP: the one place these
 * rules live. The storage layer turns them into SQL (`dataTypeSql`, `accessTypeSql`) so the
 * reports group and count by the final COUNTER values in the database.
 *
 * Data_Type comes from the InvenioRDM resource type (the `resource_types` subcount item, by
 * default `metadata.resource_type.id`), using the DataCite mapping of section 10.4 of the Code of
 * Practice where one exists. A resource type the table does not know is `Other` ("labelled with a
 * data type that … cannot be mapped"); a record without one is `Unspecified`.
 */
import { type AccessType, type DataType, UNKNOWN_YOP } from './spec';

/** InvenioRDM's default resource-type vocabulary → Data_Type. */
export const RESOURCE_TYPE_DATA_TYPES: Readonly<Record<string, DataType>> = {
  'publication-article': 'Article',
  'publication-preprint': 'Article',
  'publication-datapaper': 'Article',
  // Table 3.p: where a book's segments cannot be identified, the whole book is one Book_Segment.
  'publication-book': 'Book_Segment',
  'publication-section': 'Book_Segment',
  'publication-conferencepaper': 'Conference_Item',
  'publication-conferenceproceeding': 'Conference_Item',
  poster: 'Conference_Item',
  'publication-patent': 'Patent',
  'publication-report': 'Report',
  'publication-deliverable': 'Report',
  'publication-milestone': 'Report',
  'publication-proposal': 'Report',
  'publication-technicalnote': 'Report',
  'publication-workingpaper': 'Report',
  'publication-datamanagementplan': 'Report',
  'publication-standard': 'Standard',
  'publication-thesis': 'Thesis_or_Dissertation',
  'publication-dissertation': 'Thesis_or_Dissertation',
  dataset: 'Dataset',
  software: 'Software',
  image: 'Image',
  'image-figure': 'Image',
  'image-plot': 'Image',
  'image-drawing': 'Image',
  'image-diagram': 'Image',
  'image-photo': 'Image',
  'image-other': 'Image',
  video: 'Audiovisual',
  audio: 'Sound',
};

/**
 * @example
 * dataTypeOf('publication-thesis') // 'Thesis_or_Dissertation'
 * dataTypeOf('lesson')             // 'Other'
 * dataTypeOf(null)                 // 'Unspecified'
 */
export function dataTypeOf(resourceType: string | null | undefined): DataType {
  if (resourceType === null || resourceType === undefined || resourceType === '') return 'Unspecified';
  return RESOURCE_TYPE_DATA_TYPES[resourceType] ?? 'Other';
}

/**
 * Open for InvenioRDM's `open` access status; Controlled for `embargoed`, `restricted` and
 * `metadata-only` (their files are not available to everyone) and when the status is unknown.
 * Free_To_Read is never used: an InvenioRDM record is either open access or it is not.
 */
export function accessTypeOf(accessStatus: string | null | undefined): AccessType {
  return accessStatus === 'open' ? 'Open' : 'Controlled';
}

/** The year of a publication day (`2020-10-13` → `2020`), `0001` when unknown (Table 3.w). */
export function yopOf(publicationDay: string | null | undefined): string {
  return publicationDay && /^\d{4}/.test(publicationDay) ? publicationDay.slice(0, 4) : UNKNOWN_YOP;
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** `dataTypeOf` as a SQL expression over a resource-type column. */
export function dataTypeSql(column: string): string {
  const cases = Object.entries(RESOURCE_TYPE_DATA_TYPES).map(([id, type]) => `WHEN ${quote(id)} THEN ${quote(type)}`);
  return `(CASE WHEN ${column} IS NULL OR ${column} = '' THEN 'Unspecified' ELSE (CASE ${column} ${cases.join(' ')} ELSE 'Other' END) END)`;
}

/** `accessTypeOf` as a SQL expression over an access-status column. */
export function accessTypeSql(column: string): string {
  return `(CASE WHEN ${column} = 'open' THEN 'Open' ELSE 'Controlled' END)`;
}

/** `yopOf` as a SQL expression over a DATE column: the four-digit year, `0001` when NULL. */
export function yopSql(column: string): string {
  return `COALESCE(lpad(CAST(CAST(EXTRACT(YEAR FROM ${column}) AS INTEGER) AS TEXT), 4, '0'), '${UNKNOWN_YOP}')`;
}
