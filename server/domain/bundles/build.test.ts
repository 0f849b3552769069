import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeriesBundleSchema } from '../../../src/api/schemas';
import { METRICS, type MetricId } from '../../../src/core/metrics';
import type { SqlEngine } from '../../storage/port';
import { runAggregation } from '../aggregate/run';
import { LAST_DAY, loadScenario } from '../aggregate/scenario';
import { addRecords, addMemberships, freshDb } from '../aggregate/testing';
import { FACT_COLUMNS, metricVector, type Fact } from '../aggregate/facts';
import { mulberry32 } from '../../demo/random';
import { buildBundle } from './build';

let db: SqlEngine;
beforeAll(async () => {
  db = await freshDb();
  await loadScenario(db);
  // c3: four records on three subjects, so top 2 leaves one subject in "other".
  await addRecords(db, [
    { id: 't1', created: '2024-01-02', items: { subjects: ['x', 'y'] } },
    { id: 't2', created: '2024-01-03', items: { subjects: ['x'] } },
    { id: 't3', created: '2024-01-03', items: { subjects: ['y', 'z'] } },
    { id: 't4', created: '2024-01-05', removed: '2024-01-07', items: { subjects: ['x'] } },
  ]);
  await addMemberships(db, [
    ['t1', 'c3', 'added', '2024-01-02'],
    ['t2', 'c3', 'added', '2024-01-03'],
    ['t3', 'c3', 'added', '2024-01-03'],
    ['t4', 'c3', 'added', '2024-01-05'],
  ]);
  await runAggregation(db, { today: LAST_DAY });
});
afterAll(() => db.close());

const cumsum = (xs: number[]) => xs.reduce<number[]>((acc, x) => [...acc, (acc[acc.length - 1] ?? 0) + x], []);

describe('buildBundle', () => {
  it('when a bundle is built, then it validates and its dates run without gaps from the first day to the data-as-of day', async () => {
    const b = await buildBundle(db, { community: 'global', category: 'record-delta', year: 2024, basis: 'added' });
    expect(() => SeriesBundleSchema.parse(b)).not.toThrow();
    expect(b?.dates[0]).toBe('2024-01-02');
    expect(b?.dates.at(-1)).toBe(LAST_DAY);
    expect(b?.dataAsOf).toBe(LAST_DAY);
    expect(b?.dates).toHaveLength(9);
  });

  it('when additive snapshot metrics are compared with the deltas, then each is their running sum', async () => {
    for (const [delta, snapshot, basis] of [
      ['record-delta', 'record-snapshot', 'added'],
      ['record-delta', 'record-snapshot', 'published'],
      ['usage-delta', 'usage-snapshot', null],
    ] as const) {
      const d = await buildBundle(db, { community: 'global', category: delta, year: 2024, basis });
      const s = await buildBundle(db, { community: 'global', category: snapshot, year: 2024, basis });
      // The 2024 snapshot starts from the holdings on 2023-12-31: r2, published 2023-12-30.
      const before = basis === 'published' ? 1 : 0;
      const records = s?.totals.records ?? [];
      expect((records[0] ?? 0) - (d?.totals.records?.[0] ?? 0)).toBe(before);
      for (const metric of Object.keys(d?.totals ?? {}) as MetricId[]) {
        if (!METRICS[metric].additive) continue;
        const series = s?.totals[metric] ?? [];
        const base = (series[0] ?? 0) - (d?.totals[metric]?.[0] ?? 0);
        expect(series, `${snapshot} ${basis} ${metric}`).toEqual(cumsum(d?.totals[metric] ?? []).map((v) => v + base));
      }
    }
  });

  it('when a top field has more items than N, then the top N are kept in ranking order and other is exact', async () => {
    const b = await buildBundle(db, { community: 'c3', category: 'record-delta', year: 2024, basis: 'added' }, { topN: 2 });
    const subjects = b?.subcounts.subjects;
    // Records added over the year: x 3 (t1, t2, t4) + t4 removed = 4 moves, y 2, z 1.
    expect(subjects?.items.map((i) => i.id)).toEqual(['x', 'y']);
    expect(subjects?.otherItems).toBe(1);
    const day = b?.dates.indexOf('2024-01-03') ?? -1;
    expect(subjects?.other.records?.[day]).toBe(1); // z via t3
    expect(subjects?.series.records?.[0]?.[b?.dates.indexOf('2024-01-07') ?? -1]).toBe(-1); // t4 deleted
    const snap = await buildBundle(db, { community: 'c3', category: 'record-snapshot', year: 2024, basis: 'added' }, { topN: 2 });
    expect(snap?.subcounts.subjects?.other.records?.at(-1)).toBe(1);
    expect(snap?.subcounts.subjects?.series.records?.[0]?.at(-1)).toBe(2); // x held by t1, t2
  });

  it('when the community or the year has no data, then there is no bundle', async () => {
    expect(await buildBundle(db, { community: 'nope', category: 'record-delta', year: 2024, basis: 'added' })).toBeNull();
    expect(await buildBundle(db, { community: 'global', category: 'usage-delta', year: 2023, basis: null })).toBeNull();
  });

  it('when labels exist, then the kept items carry them', async () => {
    const b = await buildBundle(db, { community: 'global', category: 'record-snapshot', year: 2024, basis: 'created' });
    expect(b?.subcounts.resource_types?.items).toContainEqual({ id: 'dataset', labels: { de: 'Datensatz', en: 'Dataset', es: 'Conjunto de datos', fr: 'Jeu de données' } });
  });
});

describe('metric vectors', () => {
  // buildBundle adds each row's metric vector on its day instead of summing facts first: the same
  // only while every metric is a sum or difference of fact columns.
  it('when two facts are added, then their metric vectors add, for both families and modes', () => {
    const random = mulberry32(9);
    const fact = (family: 'records' | 'usage'): Fact =>
      Object.fromEntries(FACT_COLUMNS[family].map((c) => [c, Math.floor(random() * 1000)]));
    for (const family of ['records', 'usage'] as const) {
      for (const mode of ['delta', 'snapshot'] as const) {
        for (let i = 0; i < 20; i++) {
          const a = fact(family);
          const b = fact(family);
          const sum = Object.fromEntries(FACT_COLUMNS[family].map((c) => [c, (a[c] ?? 0) + (b[c] ?? 0)]));
          const va = metricVector(family, a, mode);
          const vb = metricVector(family, b, mode);
          const added = Object.fromEntries(Object.keys(va).map((m) => [m, (va[m as MetricId] ?? 0) + (vb[m as MetricId] ?? 0)]));
          expect(metricVector(family, sum, mode), `${family} ${mode}`).toEqual(added);
        }
      }
    }
  });
});
