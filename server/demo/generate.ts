/**
 * The demo repository generator: deterministic for (size, seed, end date), lazy so the large sizes
 * never sit in memory — records, memberships and events are generators, rebuilt on every iteration.
 *
 * @example
 * const demo = generateDemo({ size: 'tiny', seed: 42, endDate: '2026-06-30' });
 * for (const record of demo.records) console.log(record.id);
 */
import { yesterdayUtc } from './calendar';
import { generateEvents, type DemoEvent } from './events';
import { generateMemberships, type DemoMembership } from './memberships';
import { planDemo, type DemoCommunity, type DemoPlan } from './plan';
import { buildRecord } from './records';
import type { DemoSizeName } from './sizes';

export type { DemoEvent, ProcessedEvent, RawHit } from './events';
export type { DemoMembership } from './memberships';
export type { DemoCommunity } from './plan';
export { DEMO_SIZES, DEMO_SIZE_NAMES, isDemoSizeName, type DemoSizeName } from './sizes';

export interface DemoOptions {
  size: DemoSizeName;
  seed: number;
  /** Last day with data ('YYYY-MM-DD'); defaults to yesterday (UTC), so dashboards look current. */
  endDate?: string;
}

export interface Demo {
  size: DemoSizeName;
  seed: number;
  endDate: string;
  /** First day with data. */
  startDate: string;
  communities: readonly DemoCommunity[];
  /** Record count (exact) and event count (planned; the generated count is within a few percent). */
  planned: { records: number; events: number };
  records: Iterable<Record<string, unknown>>;
  memberships: Iterable<DemoMembership>;
  events: Iterable<DemoEvent>;
  /** The skeleton behind it all (typed arrays), for tests and tools that need the ground truth. */
  plan: DemoPlan;
}

function* generateRecords(plan: DemoPlan): Generator<Record<string, unknown>> {
  for (let i = 0; i < plan.records; i++) yield buildRecord(plan, i);
}

export function generateDemo(options: DemoOptions): Demo {
  const endDate = options.endDate ?? yesterdayUtc();
  const plan = planDemo({ size: options.size, seed: options.seed, endDate });
  return {
    size: options.size,
    seed: options.seed,
    endDate,
    startDate: new Date(plan.startMs).toISOString().slice(0, 10),
    communities: plan.communities,
    planned: { records: plan.records, events: plan.plannedEvents },
    records: { [Symbol.iterator]: () => generateRecords(plan) },
    memberships: { [Symbol.iterator]: () => generateMemberships(plan) },
    events: { [Symbol.iterator]: () => generateEvents(plan) },
    plan,
  };
}
