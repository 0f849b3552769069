import { describe, expect, it } from 'vitest';
import { checkLayoutText, formatPath, toPointer } from './checkLayoutText';

const valid = {
  version: 1,
  tabs: [{ id: 'content', label: 'Content', rows: [{ widgets: [{ type: 'single-stat', width: 4, metric: 'records', mode: 'cumulative' }] }] }],
};

describe('formatPath / toPointer', () => {
  it.each([
    [[], '(document)', ''],
    [['tabs', 0, 'label'], 'tabs[0].label', '/tabs/0/label'],
    [['tabs', 2, 'rows', 0, 'widgets', 11, 'metric'], 'tabs[2].rows[0].widgets[11].metric', '/tabs/2/rows/0/widgets/11/metric'],
    [['a/b', 'c~d'], 'a/b.c~d', '/a~1b/c~0d'],
  ])('when the path is %j, then it reads %s and points at %s', (path, readable, pointer) => {
    expect(formatPath(path)).toBe(readable);
    expect(toPointer(path)).toBe(pointer);
  });
});

describe('checkLayoutText', () => {
  it('when the layout is valid, then it returns it with defaults filled', () => {
    const check = checkLayoutText(JSON.stringify(valid));
    expect(check.status).toBe('valid');
  });

  it.each([
    ['an unknown metric', (l: typeof valid) => ({ ...l, tabs: [{ ...l.tabs[0], rows: [{ widgets: [{ ...l.tabs[0]!.rows[0]!.widgets[0], metric: 'likes' }] }] }] }), 'tabs[0].rows[0].widgets[0].metric'],
    ['a width over 16 columns', (l: typeof valid) => ({ ...l, tabs: [{ ...l.tabs[0], rows: [{ widgets: [{ ...l.tabs[0]!.rows[0]!.widgets[0], width: 20 }] }] }] }), 'tabs[0].rows[0].widgets[0].width'],
    ['no tabs', (l: typeof valid) => ({ ...l, tabs: [] }), 'tabs'],
    ['a wrong version', (l: typeof valid) => ({ ...l, version: 2 }), 'version'],
  ])('when the layout has %s, then the problem names %s', (_name, breakIt, path) => {
    const check = checkLayoutText(JSON.stringify(breakIt(valid)));
    expect(check.status).toBe('invalid');
    if (check.status === 'invalid') expect(check.problems.map((p) => p.path)).toContain(path);
  });

  it('when the text is not JSON, then the problem says so and carries the offset', () => {
    const check = checkLayoutText('{"version": 1,, }');
    expect(check.status).toBe('invalid');
    if (check.status !== 'invalid') return;
    expect(check.problems[0]?.message).toMatch(/^Not valid JSON/);
    expect(check.problems[0]?.offset).toBe(14);
  });
});
