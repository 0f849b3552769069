/**
 * Which series bundle: one community × category × year (× basis for record categories).
 * Runs report the keys they touched so the response cache re-renders exactly those.
 *
 * @example
 * const key: BundleKey = { community: 'global', category: 'record-delta', year: 2024, basis: 'added' };
 */
import type { Basis, Category } from '../../../src/core/metrics';

export interface BundleKey {
  community: string;
  category: Category;
  year: number;
  /** The record date basis; null for usage categories. */
  basis: Basis | null;
}

export function bundleKeyId(key: BundleKey): string {
  return `${key.community}/${key.category}/${key.year}/${key.basis ?? '-'}`;
}
