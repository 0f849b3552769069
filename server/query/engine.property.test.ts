/**
 * Properties of period figures over random repositories (fast-check, real DuckDB):
 * - for metrics summed over a period, the months of a quarter add up to the quarter;
 * - a distinct count over a period is at least the largest of its parts and at most their sum;
 * - a filter `is X` plus `is_not X` gives the whole (exactly for summed metrics).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { QueryRequestSchema, type QueryRequestInput } from '../../src/api/query';
import { METRICS, METRIC_IDS, type MetricId } from '../../src/core/metrics';
import { runAggregation } from '../domain/aggregate/run';
import { addEvents, addMemberships, addRecords, freshDb } from '../domain/aggregate/testing';
import type { SqlEngine } from '../storage/port';
import { runQuery } from './engine';

let db: SqlEngine;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db.close());

const Q1 = ['2024-01-01', '2024-03-31'] as const;
const DATA_AS_OF = '2024-04-05';
const MONTHS = [['2024-01-01', '2024-01-31'], ['2024-02-01', '2024-02-29'], ['2024-03-01', '2024-03-31']] as const;
const day = fc.integer({ min: 0, max: 95 }).map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));

const repository = fc.record({
  records: fc.array(
    fc.record({
      parent: fc.integer({ min: 1, max: 4 }),
      owner: fc.integer({ min: 1, max: 3 }),
      created: day,
      added: day,
      removed: fc.option(day, { nil: null }),
      files: fc.integer({ min: 0, max: 3 }),
      types: fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  events: fc.array(
    fc.record({ record: fc.nat(), day, visitor: fc.integer({ min: 1, max: 3 }), download: fc.boolean(), file: fc.integer({ min: 1, max: 2 }) }),
    { maxLength: 25 },
  ),
});

type Repository = typeof repository extends fc.Arbitrary<infer T> ? T : never;

async function load(repo: Repository): Promise<void> {
  const tables = ['records', 'record_items', 'memberships', 'events', 'counted_events', 'agg_record_facts', 'agg_usage_facts', 'agg_bookmarks', 'dirty_days'];
  for (const t of tables) await db.exec(`DELETE FROM ${t}`);
  await addRecords(db, repo.records.map((r, i) => ({
    id: `r${i}`, parent: `P${r.parent}`, owner: `u${r.owner}`, created: r.created,
    files: r.files ? { count: r.files, volume: r.files * 10 } : undefined, items: { resource_types: r.types },
  })));
  type Membership = [string, string, 'added' | 'removed', string];
  await addMemberships(db, repo.records.flatMap((r, i): Membership[] => [
    [`r${i}`, 'c', 'added', r.added],
    ...(r.removed && r.removed > r.added ? [[`r${i}`, 'c', 'removed', r.removed] satisfies Membership] : []),
  ]));
  await addEvents(db, repo.events.map((e, i) => ({
    type: e.download ? 'download' : 'view', ts: `${e.day}T${String(i % 24).padStart(2, '0')}:00:00Z`,
    record: `r${e.record % repo.records.length}`, visitor: `v${e.visitor}`, file: e.download ? `f${e.file}` : undefined, size: 5,
  })));
  // Summed usage figures without filters come from the aggregated facts.
  await runAggregation(db, { today: DATA_AS_OF });
}

async function figures(query: Partial<QueryRequestInput>, range: readonly [string, string]): Promise<number[]> {
  const q = QueryRequestSchema.parse({ community: 'c', metrics: METRIC_IDS, ...query, date_range: [...range] });
  const answer = await runQuery(db, q, { dataAsOf: DATA_AS_OF, dataStart: '2024-01-01' });
  return answer.results[0]!.metrics;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const byMetric = (parts: number[][], m: number) => parts.map((p) => p[m]!);

it('months add up to the quarter for summed metrics; distinct counts lie between the largest month and the sum', async () => {
  await fc.assert(
    fc.asyncProperty(repository, async (repo) => {
      await load(repo);
      const quarter = await figures({}, Q1);
      const months = await Promise.all(MONTHS.map((m) => figures({}, m)));
      METRIC_IDS.forEach((metric: MetricId, m) => {
        const parts = byMetric(months, m);
        if (METRICS[metric].overPeriod === 'sum') expect(quarter[m], metric).toBe(sum(parts));
        else {
          expect(quarter[m], metric).toBeGreaterThanOrEqual(Math.max(...parts));
          expect(quarter[m], metric).toBeLessThanOrEqual(sum(parts));
        }
      });
    }),
    { numRuns: 15 },
  );
});

it('is X plus is_not X gives the whole', async () => {
  await fc.assert(
    fc.asyncProperty(repository, fc.constantFrom('a', 'b', 'c'), fc.constantFrom('delta', 'cumulative' as const), async (repo, item, mode) => {
      await load(repo);
      const whole = await figures({ mode }, Q1);
      const is = await figures({ mode, filters: [['is', 'field:resource_types', [item]]] }, Q1);
      const isNot = await figures({ mode, filters: [['is_not', 'field:resource_types', [item]]] }, Q1);
      METRIC_IDS.forEach((metric, m) => {
        if (METRICS[metric].overPeriod === 'sum') expect(is[m]! + isNot[m]!, metric).toBe(whole[m]);
        else {
          expect(whole[m], metric).toBeLessThanOrEqual(is[m]! + isNot[m]!);
          expect(whole[m], metric).toBeGreaterThanOrEqual(Math.max(is[m]!, isNot[m]!));
        }
      });
    }),
    { numRuns: 15 },
  );
});

it('summed usage figures read from the daily facts equal those counted from the events', async () => {
  const summed = METRIC_IDS.filter((m) => METRICS[m].family === 'usage' && METRICS[m].overPeriod === 'sum');
  // A filter that keeps every event sends the same question down the events path.
  const everything = [['is_not', 'field:countries', ['no-such-country']]] as const;
  await fc.assert(
    fc.asyncProperty(
      repository,
      fc.constantFrom([], ['time:week'], ['field:countries'], ['field:resource_types'] as const),
      fc.constantFrom('delta', 'cumulative' as const),
      async (repo, dimensions, mode) => {
        await load(repo);
        const ask = async (filters: QueryRequestInput['filters']) => {
          const q = QueryRequestSchema.parse({ community: 'c', metrics: summed, mode, dimensions, filters, date_range: [...Q1] });
          return (await runQuery(db, q, { dataAsOf: DATA_AS_OF, dataStart: '2024-01-01' })).results;
        };
        expect(await ask([])).toEqual(await ask(everything.map((f) => [f[0], f[1], [...f[2]]])));
      },
    ),
    { numRuns: 15 },
  );
});
