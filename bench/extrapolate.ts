/**
 * Medium (and large) figures extrapolated from a smaller run, when the machine cannot run them in
 * the time available. The method is written next to every figure: linear in the events for
 * import and the full run (both are scans and GROUP BYs over the events, whose cost DuckDB keeps
 * roughly linear), linear in the communities for the incremental day (it recomputes one day for
 * every community).
 */
import { DEMO_SIZES, type DemoSizeName } from '../server/demo/sizes';
import { load } from './machine';
import { fmt, type Figure, type Section } from './report';
import type { AggregationFigures } from './steps/aggregate';
import type { Dataset } from './steps/data';

export function extrapolation(opts: { size: DemoSizeName; dataset: Dataset; agg: AggregationFigures; importSection: Section }): Section {
  const figures: Figure[] = [];
  const eventsImported = opts.dataset.events - opts.dataset.lastDayEvents;
  const eventLine = opts.importSection.figures.find((f) => f.metric.startsWith('import events'));
  const eventSeconds = eventLine ? Number(/^([\d.]+) s/.exec(eventLine.value)?.[1]) : NaN;
  for (const target of ['medium', 'large'] as const) {
    const big = DEMO_SIZES[target];
    const eventsRatio = big.events / eventsImported;
    const communityRatio = big.communities / DEMO_SIZES[opts.size].communities;
    const full = opts.agg.full.durationMs * eventsRatio;
    const inc = opts.agg.incremental.durationMs * communityRatio;
    const med = target === 'medium';
    figures.push(
      { metric: `${target}: import of ${fmt.int(big.events)} events (× ${eventsRatio.toFixed(0)} events)`, value: `≈ ${fmt.s(eventSeconds * 1000 * eventsRatio)}` },
      { metric: `${target}: full aggregation (× ${eventsRatio.toFixed(0)} events)`, value: `≈ ${fmt.s(full)}`, target: med ? '≤ 2 min' : undefined, met: med ? full <= 120_000 : undefined, ratio: full / 120_000 },
      { metric: `${target}: incremental day (× ${communityRatio.toFixed(0)} communities)`, value: `≈ ${fmt.s(inc)}`, target: med ? '≤ 5 s' : undefined, met: med ? inc <= 5_000 : undefined, ratio: inc / 5_000 },
    );
  }
  return {
    title: 'Extrapolation to medium and large (not measured)',
    command: `derived from this run's ${opts.size} figures`,
    load: load(),
    figures,
    notes: [
      `**These are estimates, not measurements.** The ${opts.size} run took too long on this shared machine to attempt medium (10 M events) within the time available.`,
      'Method: import and full aggregation scale linearly with the number of events (the ratio of planned events to the events imported here); the incremental day scales with the number of communities (each gets its day recomputed). The full-run ÷ floor ratio is assumed unchanged. Peak memory is not extrapolated: DuckDB spills to disk past its memory limit, so it is not linear in the data.',
    ],
  };
}
