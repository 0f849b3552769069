/**
 * Which bundles a unit of work changed, so the response cache re-renders exactly those.
 *
 * Record facts of a community are rebuilt whole; a per-(basis, year) signature taken before and
 * after tells which years changed. A changed delta year changes that year's delta bundle and the
 * snapshot bundles of that year and every later one (snapshots carry the past forward).
 */
import type { Basis } from '../../../src/core/metrics';
import type { SqlEngine } from '../../storage/port';
import type { BundleKey } from '../bundles/key';
import { bundleKeyId } from '../bundles/key';
import { yearOf } from './days';
import { FACT_COLUMNS } from './facts';

const SIGNED = FACT_COLUMNS.records;

/** `community|basis|year` → signature of that year's record facts. */
export async function recordSignatures(db: SqlEngine, communities: readonly string[]): Promise<Map<string, string>> {
  if (communities.length === 0) return new Map();
  const weighted = SIGNED.map((c, i) => `${c} * ${i + 1}`).join(' + ');
  const rows = await db.query<{ community_id: string; basis: string; y: string; sig: string }>(
    `SELECT community_id, basis, SUBSTRING(CAST(day AS TEXT), 1, 4) AS y,
            CAST(COUNT(*) AS TEXT) || ':' || CAST(SUM(${weighted}) AS TEXT) || ':' ||
            CAST(SUM((day - DATE '2000-01-01') * (${weighted})) AS TEXT) || ':' ||
            CAST(SUM(LENGTH(field) + LENGTH(item_id) + (day - DATE '2000-01-01')) AS TEXT) AS sig
     FROM agg_record_facts WHERE community_id IN (${communities.map((_, i) => `$${i + 1}`).join(', ')})
     GROUP BY community_id, basis, SUBSTRING(CAST(day AS TEXT), 1, 4)`,
    communities,
  );
  return new Map(rows.map((r) => [`${r.community_id}|${r.basis}|${r.y}`, r.sig]));
}

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
