import { describe, expect, it } from 'vitest';
import { percentiles, quantile } from './percentiles';

describe('percentiles', () => {
  it('takes the nearest rank of the sorted values, whatever their order', () => {
    expect(percentiles([5, 1, 3, 2, 4])).toEqual({ p50: 3, p95: 5, p99: 5, max: 5, count: 5 });
  });

  it('puts p95 of 20 values on the 19th, not the largest', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentiles(values).p95).toBe(19);
    expect(percentiles(values).max).toBe(20);
  });

  it('answers one value for every percentile of a single timing, NaN for none', () => {
    expect(percentiles([7])).toMatchObject({ p50: 7, p95: 7, max: 7 });
    expect(quantile([], 0.5)).toBeNaN();
  });
});
