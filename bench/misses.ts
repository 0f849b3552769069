/**
 * The "targets missed" section: every figure whose target was missed, by how much (the ratio of
 * the first numbers of value and target) and why (what the bench and its profiling showed).
 */
import type { Section } from './report';

/** Why a target is missed, keyed by a fragment of the figure's name. */
const WHY: [string, string][] = [
  ['full run ÷ floor', 'The floor is one hash GROUP BY (≈ 0.1 s here). A full run computes the eight kinds: record facts for three date bases, usage facts with the 30-second double-click and robot rules, daily unique visitors (COUNT DISTINCT), twelve subcount fields joined through record_items, the per-community membership intervals, and commits per unit of work (one transaction per community batch or day range, for crash safety). The usage phase takes most of the time (see the aggregation notes).'],
  ['full aggregation', 'Linear extrapolation of the small run (× events); see the ratio to the floor for where the time goes.'],
  ['brotli', 'The bundles hold every day of the year for up to 20 items × 12 fields × 4–5 metrics per category, and most of those numbers are noise-like counts: usage-delta for global 2024 is ≈ 300 k numbers at ≈ 12 bits each after brotli, close to what a Poisson count of that size carries (≈ 8 bits), and the download/data volumes (exact byte counts) are about half of all bytes. Measured on the medium global 2024 bundles (brotli 11): sending snapshots as a baseline plus daily deltas and unique counts as differences from their totals would take the four categories from 1.71 MB to 1.38 MB (−20 %), rounding volumes to 3 significant digits to ≈ 1.0 MB; 300 KB is out of reach without dropping daily per-item detail (e.g. loading each field\'s breakdown only when a widget shows it). None of these is done: the first two change SeriesBundleSchema, the last two change what the dashboard can show.'],
  ['latency p50', "By Little's law, 50 connections at p95 ≤ 10 ms need ≥ 5,000 responses/s; each response here is the ≈ 535 KB brotli body of the global usage-delta year, i.e. ≥ 2.7 GB/s through loopback on 2 cores shared with the client and the neighbours. The floor measured in the same run (a bare node:http server writing the same bytes: no Express, no lookup) shows what any server gets for that body here, and the 304 lines the per-request work without it: the bytes are the cost, smaller bundles (see bundle sizes) the lever."],
  ['server RSS', 'The serving process is Node running the TypeScript sources through tsx with the DuckDB library loaded (≈ 190 MB idle), DuckDB\'s block cache up to REPOSTATS_DUCKDB_SERVE_MEMORY, the V8 heap as bundle renders left it, and the bundle LRU (brotli and gzip forms, bounded by REPOSTATS_CACHE_MEMORY).'],
  ['peak RSS of the aggregating', 'DuckDB\'s memory_limit (REPOSTATS_DUCKDB_MEMORY) bounds its block cache and operators, which spill past it; the rest of the peak is Node, DuckDB\'s allocations outside its buffer manager, and memory its allocator had not returned yet.'],
  ['granularity switch', 'Profiled with CDP (tiny data, one month → week switch, 455 ms of samples): about a third of the main-thread time is React Query\'s structural sharing (`replaceEqualDeep` + `isPlainArray` in @tanstack/query-core) deep-comparing the new results with the old ones; the rest is native rendering/layout ("(program)", ≈ 40 %), zrender/ECharts drawing and date bucketing (`fromMs`, src/core/dates.ts). `structuralSharing: false` on the queries that return bundles or derived series (src/data, not ours) should remove the first part. Measured under a load average of about 5 on 2 cores.'],
];

const firstNumber = (s: string) => Number(/(\d[\d,]*\.?\d*)/.exec(s)?.[1]?.replace(/,/g, '') ?? NaN);

export function missesSection(sections: Section[], load: number): Section | null {
  const missed = sections.flatMap((s) => s.figures.filter((f) => f.met === false).map((f) => ({ s, f })));
  if (missed.length === 0) return null;
  return {
    title: 'Targets missed: by how much and why',
    command: 'derived from the sections above',
    load,
    figures: missed.map(({ s, f }) => {
      const ratio = f.ratio ?? firstNumber(f.value) / firstNumber(f.target ?? '');
      return { metric: `${s.title}: ${f.metric}`, value: `${f.value} (${Number.isFinite(ratio) ? `${ratio.toFixed(1)} × the target` : 'see value'})`, target: f.target };
    }),
    notes: WHY.filter(([key]) => missed.some(({ f }) => f.metric.includes(key))).map(([key, why]) => `**${key}**: ${why}`),
  };
}
