/**
 * Nearest-rank percentiles of a list of timings, one rule for every bench step.
 *
 * @example
 * percentiles([5, 1, 3, 2, 4]) // { p50: 3, p95: 5, max: 5, count: 5 }
 */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

/** The value below which `q` of the sorted list lies (nearest rank); NaN for an empty list. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))]!;
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99), max: sorted.at(-1) ?? NaN, count: sorted.length };
}
