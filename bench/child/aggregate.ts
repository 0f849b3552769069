/**
 * One aggregation run in its own process, so its peak resident memory (`maxRSS`) is the run's
 * alone. Prints one JSON line: {durationMs, maxRssMB, days, communities, documents}.
 *
 *   node --import tsx bench/child/aggregate.ts DB
 */
import { runAggregation } from '../../server/domain/aggregate/run';
import { openDatabase } from '../../server/storage/open';

const db = await openDatabase(process.argv[2]);
const started = performance.now();
const summary = await runAggregation(db);
const durationMs = performance.now() - started;
await db.close();
const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(
  `${JSON.stringify({ durationMs, maxRssMB, days: summary.days, communities: summary.communities, documents: summary.documents })}\n`,
);
