import { describe, expect, it } from 'vitest';
import { truncateMiddle } from './truncate';

describe('truncateMiddle', () => {
  it('when a name is short enough, then it is kept whole', () => {
    expect(truncateMiddle('Open', 10)).toBe('Open');
  });

  it('when names share a long prefix, then their distinct ends stay visible', () => {
    const a = truncateMiddle('Creative Commons Attribution Non Commercial 4.0 International', 42);
    const b = truncateMiddle('Creative Commons Attribution Share Alike 4.0 International', 42);
    expect([...a].length).toBeLessThanOrEqual(42);
    expect(a).toMatch(/^Creative Comm.*….*International$/);
    expect(a).not.toBe(b);
  });
});
