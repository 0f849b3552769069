import { describe, expect, it } from 'vitest';
import { locateInJson } from './locateInJson';

const text = JSON.stringify({ version: 1, tabs: [{ id: 'a/b', rows: [{ widgets: [{ type: 'text', body: 'Hi' }, { metric: 'likes' }] }] }] }, null, 2);

describe('locateInJson', () => {
  it.each([
    ['/version', '1'],
    ['/tabs/0/id', '"a/b"'],
    ['/tabs/0/rows/0/widgets/1/metric', '"likes"'],
    ['/tabs/0/rows/0/widgets/0', '{\n              "type": "text",\n              "body": "Hi"\n            }'],
  ])('when the pointer is %s, then the range covers %j exactly', (pointer, expected) => {
    const range = locateInJson(text, pointer);
    expect(text.slice(range.from, range.to)).toBe(expected);
    expect(range.exact).toBe(true);
  });

  it('when the target is missing, then the range is the start of its nearest parent', () => {
    const range = locateInJson(text, '/tabs/0/rows/0/widgets/1/width');
    expect(range.exact).toBe(false);
    expect(text.slice(range.from, range.to)).toBe('{');
    expect(text.slice(range.from).startsWith('{\n              "metric"')).toBe(true);
  });

  it('when the pointer is the root, then the whole document is covered', () => {
    expect(locateInJson(text, '')).toEqual({ from: 0, to: text.length, exact: true });
  });
});
