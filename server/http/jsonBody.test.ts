import { describe, expect, it } from 'vitest';
import { jsonBody } from './jsonBody';

describe('jsonBody', () => {
  it.each([
    [[]],
    [[1, 'a', null, { b: [1, 2] }]],
    [Array.from({ length: 50 }, (_, i) => ({ day: i, v: undefined, f: () => 1 }))],
    [[undefined, 1, 2, 3, 4, 5, 6, 7, 8, 9, undefined]],
    [{ not: 'a list' }],
    ['text'],
  ])('when %j is serialised piecewise, then the bytes are JSON.stringify\'s', async (value) => {
    expect((await jsonBody(value)).toString('utf8')).toBe(JSON.stringify(value));
  });
});
