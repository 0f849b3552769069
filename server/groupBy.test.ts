import { describe, expect, it } from 'vitest';
import { groupBy } from './groupBy';

describe('groupBy', () => {
  it('when items share keys, then each key lists its items in input order, keys in first-seen order', () => {
    const rows = [{ f: 'b', n: 1 }, { f: 'a', n: 2 }, { f: 'b', n: 3 }];
    const grouped = groupBy(rows, (r) => r.f);
    expect([...grouped.keys()]).toEqual(['b', 'a']);
    expect(grouped.get('b')?.map((r) => r.n)).toEqual([1, 3]);
    expect(grouped.get('a')?.map((r) => r.n)).toEqual([2]);
  });

  it('when there are no items, then the map is empty', () => {
    expect(groupBy([], String).size).toBe(0);
  });
});
