/**
 * Reads what bench/child/serverProbe.mjs wrote in the soak's server process: the sample at the
 * peak RSS (with Node's and DuckDB's shares) and the longest event-loop stalls with the requests
 * in flight when they ended, as report notes.
 */
import { existsSync, readFileSync } from 'node:fs';

interface Sample {
  t: number;
  rss?: number;
  heapUsed?: number;
  external?: number;
  arrayBuffers?: number;
  inFlight?: string[];
  duckdb?: { limit: string; threads: number; totalMB: number; tempMB: number; tags: Record<string, number> } | null;
  stall?: number;
}

export function readProbe(file: string): Sample[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Sample);
}

const list = (xs: readonly string[] | undefined) => (xs && xs.length > 0 ? xs.join('; ') : 'nothing');

/** Notes for the report: the peak-RSS sample's breakdown and the five longest stalls. */
export function probeNotes(samples: readonly Sample[]): string[] {
  const memory = samples.filter((s) => s.rss !== undefined);
  if (memory.length === 0) return ['probe: no samples'];
  const peak = memory.reduce((a, b) => (b.rss! > a.rss! ? b : a));
  // DuckDB's view is sampled every other second: take the nearest one.
  const withDuck = memory.filter((s) => s.duckdb);
  const duck = withDuck.length ? withDuck.reduce((a, b) => (Math.abs(b.t - peak.t) < Math.abs(a.t - peak.t) ? b : a)).duckdb : null;
  const notes = [
    `probe at the peak RSS (${peak.rss} MB): V8 heap used ${peak.heapUsed} MB, external ${peak.external} MB (array buffers ${peak.arrayBuffers} MB)` +
      (duck ? `, DuckDB ${duck.totalMB} MB by duckdb_memory() (${Object.entries(duck.tags).map(([k, v]) => `${k} ${v}`).join(', ')}; limit ${duck.limit}, ${duck.threads} threads, ${duck.tempMB} MB spilled)` : '') +
      `; in flight: ${list(peak.inFlight)}`,
  ];
  const stalls = samples.filter((s) => s.stall !== undefined).sort((a, b) => b.stall! - a.stall!);
  notes.push(`probe: ${stalls.length} event-loop stalls over 100 ms`);
  for (const s of stalls.slice(0, 5)) notes.push(`stall ${s.stall} ms; in flight as it ended: ${list(s.inFlight)}`);
  return notes;
}
