/**
 * Top-N with an exact "Other": items beyond the top N by summary are folded into Other together
 * with what the server already kept outside its own top N, so items + Other always equal the sum
 * the bundles hold.
 */
import type { Mode } from '../metrics';
import { summarize } from './rollup';
import type { SeriesItem } from './types';

export interface OtherSeries {
  values: number[];
  summary: number;
  /** How many distinct items Other holds. */
  items: number;
}

export interface TopNOptions {
  items: readonly SeriesItem[];
  other: OtherSeries;
  n: number;
  mode: Mode;
}

export function topN({ items, other, n, mode }: TopNOptions): { items: SeriesItem[]; other: OtherSeries } {
  const ranked = [...items].sort((a, b) => b.summary - a.summary || a.id.localeCompare(b.id));
  const kept = ranked.slice(0, Math.max(0, n));
  const rest = ranked.slice(Math.max(0, n));
  if (rest.length === 0) return { items: kept, other };
  const values = other.values.map((v, i) => rest.reduce((sum, item) => sum + (item.values[i] ?? 0), v));
  return { items: kept, other: { values, summary: summarize(values, mode), items: other.items + rest.length } };
}
