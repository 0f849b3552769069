/**
 * Imports a generated demo straight into a database through the same `importLines` the CLI and the
 * HTTP ingest use (so the demo exercises the real validation, COUNTER rules and idempotency keys),
 * then names the communities so dashboards and slugs read well.
 */
import { importLines, type ImportSummary } from '../ingest';
import { nameUnnamedCommunities } from '../storage/communities';
import type { SqlEngine } from '../storage/port';
import { generateDemo, type DemoOptions } from './generate';
import { toLines, type DemoFileKind, type DemoProgress } from './write';

export interface LoadDemoResult {
  startDate: string;
  endDate: string;
  summaries: ImportSummary[];
  durationMs: number;
}

export async function loadDemo(
  db: SqlEngine,
  options: DemoOptions & { onProgress?: (progress: DemoProgress) => void },
): Promise<LoadDemoResult> {
  const started = Date.now();
  const demo = generateDemo(options);
  // Memberships first: explicit history is in place before records arrive, so record imports add no derived events.
  const sources: [DemoFileKind, Iterable<unknown>, number][] = [
    ['memberships', demo.memberships, demo.planned.records],
    ['records', demo.records, demo.planned.records],
    ['events', demo.events, demo.planned.events],
  ];
  const summaries: ImportSummary[] = [];
  for (const [kind, items, expected] of sources) {
    const summary = await importLines(db, {
      kind,
      lines: toLines(items),
      source: `demo:${kind}`,
      now: new Date(`${demo.endDate}T23:59:59Z`),
      onProgress: (p) => options.onProgress?.({ kind, lines: p.lines, expected }),
    });
    summaries.push(summary);
  }
  await nameUnnamedCommunities(db, demo.communities);
  return { startDate: demo.startDate, endDate: demo.endDate, summaries, durationMs: Date.now() - started };
}
