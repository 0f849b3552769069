/**
 * Which bundles a unit of work changed, so the response cache re-renders exactly those.
 *
 * Record facts of a community are rebuilt whole; a per-(basis, year) signature taken before and
 * after (storage/queries/factStats.ts `recordFactSignatures`) tells which years changed. A changed delta year changes that year's delta bundle and the
 * snapshot bundles of that year and every later one (snapshots carry the past forward).
 */
import type { Basis } from '../../../src/core/metrics';
import type { BundleKey } from '../bundles/key';
import { bundleKeyId } from '../bundles/key';
import { yearOf } from './days';

export class AffectedBundles {
  private readonly keys = new Map<string, BundleKey>();

  add(key: BundleKey): void {
    this.keys.set(bundleKeyId(key), key);
  }

  /** Every year from `fromYear` to `toYear` of one category. */
  addYears(key: Omit<BundleKey, 'year'>, fromYear: number, toYear: number): void {
    for (let year = fromYear; year <= toYear; year++) this.add({ ...key, year });
  }

  /** Compare record signatures before/after a rebuild; `lastDay` bounds snapshot years. */
  addRecordChanges(before: Map<string, string>, after: Map<string, string>, lastDay: string): void {
    const lastYear = yearOf(lastDay);
    const firstChanged = new Map<string, number>();
    for (const id of new Set([...before.keys(), ...after.keys()])) {
      if (before.get(id) === after.get(id)) continue;
      const [community, basis, y] = id.split('|') as [string, Basis, string];
      const year = Number(y);
      this.add({ community, category: 'record-delta', year, basis });
      const k = `${community}|${basis}`;
      firstChanged.set(k, Math.min(firstChanged.get(k) ?? year, year));
    }
    for (const [k, year] of firstChanged) {
      const [community, basis] = k.split('|') as [string, Basis];
      this.addYears({ community, category: 'record-snapshot', basis }, year, lastYear);
    }
  }

  list(): BundleKey[] {
    return [...this.keys.values()].sort((a, b) => bundleKeyId(a).localeCompare(bundleKeyId(b)));
  }
}
