import { describe, expect, it } from 'vitest';
import type { SeriesBundle } from '../../api/schemas';
import { bundleFrom } from '../../mocks/bundles';
import { GRANULARITIES } from './types';
import { dailyAxis, rollupOnAxis } from './axis';
import { rollup } from './rollup';
import { sliceDaily } from './slice';

/** A bundle without some of its days (not aggregated yet, or a gap): cumulative periods must carry. */
function withoutDays(bundle: SeriesBundle, keep: (index: number) => boolean): SeriesBundle {
  const kept = bundle.dates.map((_, i) => i).filter(keep);
  return {
    ...bundle,
    dates: kept.map((i) => bundle.dates[i] as string),
    totals: Object.fromEntries(Object.entries(bundle.totals).map(([m, values]) => [m, kept.map((i) => values?.[i] as number)])),
  };
}

const y2023 = withoutDays(bundleFrom({ year: 2023, days: 365, totals: { views: (i) => (i * 7) % 13, records: (i) => i + 1 } }), (i) => i % 40 < 30);
const y2024 = bundleFrom({ year: 2024, days: 200, totals: { views: (i) => (i * 5) % 11 } }); // no `records`: reads as zeros
const y2025 = withoutDays(bundleFrom({ year: 2025, days: 90, totals: { views: (i) => i, records: (i) => 1000 + i } }), (i) => i < 20 || i > 60);
const bundles = [y2025, y2023, y2024];

const ranges = [
  { start: '2023-01-01', end: '2025-12-31' },
  { start: '2023-11-15', end: '2024-02-10' },
  { start: '2024-07-10', end: '2025-01-25' },
  { start: '2025-02-01', end: '2025-02-28' },
  { start: '2026-01-01', end: '2026-03-31' },
];

describe('dailyAxis + rollupOnAxis', () => {
  const cases = GRANULARITIES.flatMap((granularity) =>
    (['delta', 'cumulative'] as const).flatMap((mode) =>
      ranges.flatMap((range) => (['views', 'records'] as const).map((metric) => ({ granularity, mode, range, metric }))),
    ),
  );

  it.each(cases)('when $metric ($mode) is rolled up by $granularity over $range.start … $range.end, then it equals rollup(sliceDaily(…))', ({ granularity, mode, range, metric }) => {
    const pick = (b: SeriesBundle) => b.totals[metric];
    const expected = rollup({ daily: sliceDaily({ bundles, range, pick }), range, granularity, mode });
    const axis = dailyAxis({ bundles, range, granularity });
    expect({ periods: axis.periods, values: rollupOnAxis(axis, pick, mode) }).toEqual(expected);
  });

  it.each(GRANULARITIES)('when the last day is given (comparison) at %s granularity, then it equals rollup with lastDay', (granularity) => {
    const range = { start: '2024-05-01', end: '2024-12-31' };
    const pick = (b: SeriesBundle) => b.totals.views;
    for (const mode of ['delta', 'cumulative'] as const) {
      const expected = rollup({ daily: sliceDaily({ bundles, range, pick }), range, granularity, mode, lastDay: range.end });
      const axis = dailyAxis({ bundles, range, granularity, lastDay: range.end });
      expect({ periods: axis.periods, values: rollupOnAxis(axis, pick, mode) }).toEqual(expected);
    }
  });

  it('when months span a gap, then deltas sum what was aggregated and snapshots carry the last value', () => {
    const gap = withoutDays(bundleFrom({ year: 2024, days: 91, totals: { records: (i) => i + 1 } }), (i) => i < 10 || i >= 70); // Jan 1–10, Mar 11–31
    const axis = dailyAxis({ bundles: [gap], range: { start: '2024-01-01', end: '2024-04-30' }, granularity: 'month' });
    expect(axis.periods).toEqual(['2024-01-01', '2024-02-01', '2024-03-01']); // April: not aggregated yet
    expect(rollupOnAxis(axis, (b) => b.totals.records, 'delta')).toEqual([55, 0, (71 + 91) * 21 / 2]);
    expect(rollupOnAxis(axis, (b) => b.totals.records, 'cumulative')).toEqual([10, 10, 91]);
  });

  it('when no bundle holds a day of the range, then there are no periods', () => {
    const axis = dailyAxis({ bundles, range: { start: '2030-01-01', end: '2030-12-31' }, granularity: 'week' });
    expect(axis.periods).toEqual([]);
    expect(rollupOnAxis(axis, (b) => b.totals.views, 'delta')).toEqual([]);
  });
});
