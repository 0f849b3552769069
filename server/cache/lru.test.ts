import { describe, expect, it } from 'vitest';
import { Lru } from './lru';

describe('Lru', () => {
  it('when the byte budget is exceeded, then the least recently used entries go first', () => {
    const lru = new Lru<string>(10, (v) => v.length);
    lru.set('a', 'xxxx');
    lru.set('b', 'xxxx');
    expect(lru.get('a')).toBe('xxxx'); // a is now the most recent
    lru.set('c', 'xxxx');
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe('xxxx');
    expect(lru.get('c')).toBe('xxxx');
    expect(lru.bytes).toBe(8);
  });

  it('when a value is larger than the whole budget, then it is not kept', () => {
    const lru = new Lru<string>(3, (v) => v.length);
    lru.set('a', 'xxxx');
    expect(lru.size).toBe(0);
  });

  it('when deleteWhere selects keys, then only those are dropped', () => {
    const lru = new Lru<string>(100, (v) => v.length);
    lru.set('c1|2024', 'x');
    lru.set('c1|2025', 'x');
    lru.set('c2|2024', 'x');
    lru.deleteWhere((k) => k.startsWith('c1|'));
    expect(lru.size).toBe(1);
    expect(lru.get('c2|2024')).toBe('x');
  });
});
