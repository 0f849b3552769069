import { describe, expect, it } from 'vitest';
import { AGGREGATION_KINDS, categoryOf, categoryParts, kindOf, kindParts } from './kinds';
import { BASES, CATEGORIES } from './metrics';

describe('kinds and categories', () => {
  it('when every kind is taken apart and put back, then it is the same kind, with a basis exactly for records', () => {
    for (const kind of AGGREGATION_KINDS) {
      const parts = kindParts(kind);
      expect(kindOf(parts)).toBe(kind);
      expect(parts.basis === null).toBe(parts.family === 'usage');
      if (parts.basis) expect(BASES).toContain(parts.basis);
    }
    expect(kindParts('records-delta-published')).toEqual({ family: 'records', mode: 'delta', basis: 'published' });
    expect(kindOf({ family: 'usage', mode: 'snapshot', basis: 'created' })).toBe('usage-snapshot');
  });

  it('when every category is taken apart and put back, then it is the same category', () => {
    for (const category of CATEGORIES) {
      const { family, mode } = categoryParts(category);
      expect(categoryOf(family, mode)).toBe(category);
    }
    expect(categoryParts('record-delta')).toEqual({ family: 'records', mode: 'delta' });
    expect(categoryParts('usage-snapshot')).toEqual({ family: 'usage', mode: 'snapshot' });
  });
});
