/**
 * The eight daily aggregation kinds and the four bundle categories, named as in the API and the CLI,
 * and the one typed converter between those names and their parts (family, mode, basis): code asks
 * `kindParts(kind)` or `categoryOf(family, mode)` instead of splitting or gluing strings.
 */
import type { Basis, Category } from './metrics';

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

/** What is counted: records (with their files and uploaders) or usage (views and downloads). */
export type Family = 'records' | 'usage';
/** Daily changes, or the running state at each day's end. */
export type KindMode = 'delta' | 'snapshot';

export interface KindParts {
  family: Family;
  mode: KindMode;
  /** The records' basis; null for usage. */
  basis: Basis | null;
}

/**
 * @example
 * kindParts('records-snapshot-created') // { family: 'records', mode: 'snapshot', basis: 'created' }
 * kindParts('usage-delta') // { family: 'usage', mode: 'delta', basis: null }
 */
export function kindParts(kind: AggregationKind): KindParts {
  const [family, mode, basis] = kind.split('-');
  return { family: family as Family, mode: mode as KindMode, basis: (basis ?? null) as Basis | null };
}

/**
 * The kind of the parts (a usage kind ignores the basis; a records kind without one is `added`).
 *
 * @example
 * kindOf({ family: 'records', mode: 'delta', basis: 'published' }) // 'records-delta-published'
 */
export function kindOf({ family, mode, basis }: KindParts): AggregationKind {
  return (family === 'usage' ? `usage-${mode}` : `records-${mode}-${basis ?? 'added'}`) as AggregationKind;
}

/**
 * @example
 * categoryParts('record-snapshot') // { family: 'records', mode: 'snapshot' }
 */
export function categoryParts(category: Category): { family: Family; mode: KindMode } {
  return { family: category.startsWith('record-') ? 'records' : 'usage', mode: category.endsWith('-delta') ? 'delta' : 'snapshot' };
}

/**
 * @example
 * categoryOf('records', 'delta') // 'record-delta'
 */
export function categoryOf(family: Family, mode: KindMode): Category {
  return `${family === 'records' ? 'record' : 'usage'}-${mode}`;
}
