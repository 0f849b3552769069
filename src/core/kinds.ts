/** The eight daily aggregation kinds, named as in the API and the CLI. */
export const AGGREGATION_KINDS = [
  'records-delta-added',
  'records-delta-created',
  'records-delta-published',
  'records-snapshot-added',
  'records-snapshot-created',
  'records-snapshot-published',
  'usage-delta',
  'usage-snapshot',
] as const;
export type AggregationKind = (typeof AGGREGATION_KINDS)[number];

/** The id of the instance-wide "community". */
export const GLOBAL = 'global';
