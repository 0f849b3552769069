/**
 * One aggregation run in its own process, so its peak resident memory (`maxRSS`) is the run's
 * alone. Prints one JSON line: {durationMs, maxRssMB, days, communities, documents, phases}.
 *
 *   node --import tsx bench/child/aggregate.ts DB
 */
import { runAggregation } from '../../server/domain/aggregate/run';
import { openDatabase } from '../../server/storage/open';

const db = await openDatabase(process.argv[2]);
const started = performance.now();
// Where the time goes: from the first to the last progress report of each phase.
const phases = new Map<string, { first: number; last: number; units: number }>();
const summary = await runAggregation(db, {
  onProgress: ({ phase, total }) => {
    const now = performance.now();
    const p = phases.get(phase) ?? { first: now, last: now, units: total };
    p.last = now;
    phases.set(phase, p);
  },
});
const durationMs = performance.now() - started;
await db.close();
const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(
  `${JSON.stringify({ durationMs, maxRssMB, days: summary.days, communities: summary.communities, documents: summary.documents, phases: [...phases].map(([name, p]) => ({ name, ms: p.last - p.first, units: p.units })) })}\n`,
);
