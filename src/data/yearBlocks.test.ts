import { replaceEqualDeep } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { SeriesBundle } from '../api/schemas';
import { bundleFrom } from '../mocks/bundles';
import { createYearBlocksCombiner } from './yearBlocks';

const y2025 = bundleFrom({ year: 2025, days: 3, totals: { views: () => 1 } });
const y2026 = bundleFrom({ year: 2026, days: 3, totals: { views: () => 2 } });
const ok = (data: SeriesBundle | undefined) => ({ data, error: null, refetch: vi.fn() });

describe('createYearBlocksCombiner', () => {
  it('when every year has its block, then the blocks are given in year order', () => {
    const combine = createYearBlocksCombiner();
    expect(combine([ok(y2026), ok(y2025)]).blocks?.bundles).toEqual([y2025, y2026]);
  });

  it('when the same blocks arrive again (a status changed), then the same value is returned', () => {
    const combine = createYearBlocksCombiner();
    const first = combine([ok(y2025), ok(y2026)]);
    const again = combine([ok(y2025), ok(y2026)]);
    expect(again).toBe(first);
    expect(again.blocks).toBe(first.blocks);
  });

  it('when a year is dropped or a block is refetched, then new blocks are given', () => {
    const combine = createYearBlocksCombiner();
    const both = combine([ok(y2025), ok(y2026)]).blocks;
    const one = combine([ok(y2026)]).blocks;
    expect(one).not.toBe(both);
    expect(one?.bundles).toEqual([y2026]);
    const refetched = { ...y2026 };
    expect(combine([ok(refetched)]).blocks?.bundles[0]).toBe(refetched);
  });

  it('when TanStack Query shares a new combined value with the previous one, then the new blocks are taken whole', () => {
    const combine = createYearBlocksCombiner();
    const before = combine([ok(y2025), ok(y2026)]);
    const after = combine([ok(y2026)]);
    // replaceEqualDeep is what useQueries applies to `combine`'s result: blocks must not be merged field by field.
    expect(replaceEqualDeep(before, after).blocks).toBe(after.blocks);
  });

  it('when a year is still loading, then there are no blocks yet', () => {
    const combine = createYearBlocksCombiner();
    expect(combine([ok(y2025), ok(undefined)])).toMatchObject({ blocks: null, error: null });
  });

  it('when a year failed, then its error is given and retry refetches only the failed years', () => {
    const combine = createYearBlocksCombiner();
    const failed = { data: undefined, error: new Error('HTTP 500'), refetch: vi.fn() };
    const fine = ok(y2025);
    const result = combine([fine, failed]);
    expect(result.blocks).toBeNull();
    expect(result.error?.message).toBe('HTTP 500');
    result.retry();
    expect(failed.refetch).toHaveBeenCalledTimes(1);
    expect(fine.refetch).not.toHaveBeenCalled();
  });

  it('when a slot still holds another year (keepPreviousData), then one block per year is kept', () => {
    const combine = createYearBlocksCombiner();
    expect(combine([ok(y2026), ok(y2026)]).blocks?.bundles).toEqual([y2026]);
  });
});
