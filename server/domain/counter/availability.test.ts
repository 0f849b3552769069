import { describe, expect, it } from 'vitest';
import type { CounterCoverage } from '../../storage/counter';
import { availableMonths, resolvePeriod } from './availability';
import { SushiError } from './spec';

const coverage = (over: Partial<CounterCoverage> = {}): CounterCoverage => ({
  bookmark: '2024-04-09',
  firstUsageDay: '2023-11-03',
  firstDirtyDay: null,
  lastRun: { runId: 'r1', startedAt: '2024-04-09T02:00:00.000Z' },
  ...over,
});

describe('availableMonths', () => {
  it.each([
    ['processed up to yesterday', coverage(), { first: '2023-11', last: '2024-03' }],
    ['the bookmark and the last run stop inside March', coverage({ bookmark: '2024-03-20', lastRun: { runId: 'r', startedAt: '2024-03-21T02:00:00Z' } }), { first: '2023-11', last: '2024-02' }],
    ['a quiet end of March, but a run that started in April', coverage({ bookmark: '2024-03-30', lastRun: { runId: 'r', startedAt: '2024-04-01T00:10:00Z' } }), { first: '2023-11', last: '2024-03' }],
    ['a late event dirtied 2024-02-11', coverage({ firstDirtyDay: '2024-02-11' }), { first: '2023-11', last: '2024-01' }],
    ['never aggregated', coverage({ bookmark: null, lastRun: null }), null],
    ['no usage at all', coverage({ firstUsageDay: null }), null],
  ])('when %s, then the available months are %j', (_case, c, expected) => {
    expect(availableMonths(c, '2024-04-10')).toEqual(expected);
  });
});

describe('resolvePeriod', () => {
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof SushiError ? [e.exception.Code, e.status] : e;
    }
    return null;
  };

  it('when the period is available, then it is computed as asked with no Exception', () => {
    expect(resolvePeriod({ begin: '2024-01', end: '2024-03' }, coverage(), '2024-04-10')).toEqual({
      begin: '2024-01', end: '2024-03', compute: { from: '2024-01', to: '2024-03' }, exceptions: [],
    });
  });

  it('when end_date is the current month, then End_Date becomes the previous month and 3031 says usage is not ready', () => {
    const r = resolvePeriod({ begin: '2024-03', end: '2024-04' }, coverage(), '2024-04-10');
    expect([r.end, r.compute, r.exceptions.map((e) => e.Code)]).toEqual(['2024-03', { from: '2024-03', to: '2024-03' }, [3031]]);
  });

  it('when nothing is processed yet, then 3031 and nothing to compute', () => {
    const r = resolvePeriod({ begin: '2024-01', end: '2024-01' }, coverage({ bookmark: null, lastRun: null }), '2024-04-10');
    expect([r.compute, r.exceptions.map((e) => e.Code)]).toEqual([null, [3031]]);
  });

  it('when begin_date is before the first usage, then 3032 and the available part is computed', () => {
    const r = resolvePeriod({ begin: '2023-01', end: '2023-12' }, coverage(), '2024-04-10');
    expect([r.compute, r.exceptions.map((e) => e.Code)]).toEqual([{ from: '2023-11', to: '2023-12' }, [3032]]);
  });

  it.each([
    ['end before begin', { begin: '2024-03', end: '2024-01' }],
    ['begin in the current month', { begin: '2024-04', end: '2024-04' }],
    ['begin in the future', { begin: '2025-01', end: '2025-02' }],
  ])('when %s, then 3020 with HTTP 400', (_case, period) => {
    expect(codeOf(() => resolvePeriod(period, coverage(), '2024-04-10'))).toEqual([3020, 400]);
  });
});
