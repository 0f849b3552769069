import { describe, expect, it } from 'vitest';
import { checkLayoutText, pathToPointer } from './checkLayoutText';

const widget = { type: 'single-stat', width: 4, metric: 'records', mode: 'cumulative' };
const layoutWith = (w: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ version: 1, tabs: [{ id: 'content', label: 'Content', rows: [{ widgets: [w] }] }], ...extra });

describe('pathToPointer', () => {
  it.each([
    ['(root)', ''],
    ['tabs', '/tabs'],
    ['tabs[0].label', '/tabs/0/label'],
    ['tabs[2].rows[0].widgets[11].metric', '/tabs/2/rows/0/widgets/11/metric'],
  ])('when the path is %s, then the pointer is %j', (path, pointer) => {
    expect(pathToPointer(path)).toBe(pointer);
  });
});

describe('checkLayoutText', () => {
  it('when the layout is valid, then it returns it with defaults filled and no warnings', () => {
    const check = checkLayoutText(layoutWith(widget));
    expect(check).toMatchObject({ status: 'valid', warnings: [] });
  });

  it.each([
    ['an unknown metric', layoutWith({ ...widget, metric: 'likes' }), 'tabs[0].rows[0].widgets[0].metric'],
    ['a width over 16 columns', layoutWith({ ...widget, width: 20 }), 'tabs[0].rows[0].widgets[0].width'],
    ['no tabs', JSON.stringify({ version: 1, tabs: [] }), 'tabs'],
    ['a wrong version', layoutWith(widget, { version: 2 }), 'version'],
  ])('when the layout has %s, then the problem names %s', (_name, text, path) => {
    const check = checkLayoutText(text);
    expect(check.status).toBe('invalid');
    if (check.status === 'invalid') expect(check.problems.map((p) => p.path)).toContain(path);
  });

  it('when a widget type is unknown, then the layout still draws and a warning names its path', () => {
    const check = checkLayoutText(layoutWith({ type: 'sparkline', width: 4 }));
    expect(check.status).toBe('valid');
    if (check.status === 'valid') expect(check.warnings.map((w) => w.path)).toEqual(['tabs[0].rows[0].widgets[0].type']);
  });

  it('when the text is not JSON, then the problem says so and carries the offset', () => {
    const check = checkLayoutText('{"version": 1,, }');
    expect(check.status).toBe('invalid');
    if (check.status !== 'invalid') return;
    expect(check.problems[0]?.message).toMatch(/^Not valid JSON/);
    expect(check.problems[0]?.offset).toBe(14);
  });
});
