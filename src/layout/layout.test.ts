import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCommunityLayout, defaultLayout } from './defaults';
import { layoutJsonSchema } from './jsonSchema';
import { LayoutOverrideSchema, mergeLayout } from './merge';
import type { LayoutInput } from './schema';
import { validateLayout } from './validate';

const tab = (id: string): LayoutInput['tabs'][number] => ({ id, label: id, rows: [] });
const base: LayoutInput = { version: 1, tabs: [tab('a'), tab('b'), tab('c')] };
const ids = (l: LayoutInput) => l.tabs.map((t) => t.id);

describe('default layouts', () => {
  it.each([
    ['global', defaultLayout],
    ['community', defaultCommunityLayout],
  ])('when the %s default is validated, then it is valid and has the reference’s four tabs', (_, layout) => {
    const result = validateLayout(layout);
    expect(result.ok && result.layout.tabs.map((t) => t.id)).toEqual(['content', 'contributions', 'traffic', 'usage']);
  });

  it('when the global default is listed by widget type, then every kind the reference shows is there', () => {
    const types = new Set(defaultLayout.tabs.flatMap((t) => t.rows.flatMap((r) => r.widgets.map((w) => w.type))));
    expect([...types].sort()).toEqual(['breakdown', 'map', 'single-stat', 'time-series', 'top-records']);
  });
});

describe('validateLayout', () => {
  const widget = { type: 'single-stat', metric: 'records', mode: 'delta', width: 4 };
  const layoutWith = (w: unknown) => ({ version: 1, tabs: [{ id: 't', label: 'T', rows: [{ widgets: [w] }] }] });
  it.each([
    ['a wrong version', { version: 2, tabs: [tab('a')] }, 'version'],
    ['no tabs', { version: 1, tabs: [] }, 'tabs'],
    ['a bad tab id', { version: 1, tabs: [{ id: 'a b', label: 'x', rows: [] }] }, 'tabs[0].id'],
    ['an unknown metric', layoutWith({ ...widget, metric: 'likes' }), 'tabs[0].rows[0].widgets[0].metric'],
    ['a width over 16', layoutWith({ ...widget, width: 17 }), 'tabs[0].rows[0].widgets[0].width'],
    ['an unexpected property', layoutWith({ ...widget, colour: 'red' }), 'tabs[0].rows[0].widgets[0]'],
    ['a missing label', { version: 1, tabs: [{ id: 'a', rows: [] }] }, 'tabs[0].label'],
    ['a bad language code in a label', { version: 1, tabs: [{ id: 'a', label: { English: 'x' }, rows: [] }] }, 'tabs[0].label'],
    ['duplicate tab ids', { version: 1, tabs: [tab('a'), tab('a')] }, 'tabs[1].id'],
    ['not an object', 'hello', '(root)'],
    ['a widget filter on an unknown field', layoutWith({ ...widget, filters: [['is', 'field:colours', ['red']]] }), 'tabs[0].rows[0].widgets[0].filters[0][1]'],
    ['a widget filter with no items', layoutWith({ ...widget, filters: [['is', 'field:resource_types', []]] }), 'tabs[0].rows[0].widgets[0].filters[0][2]'],
    ['a widget filter that is not is/is_not', layoutWith({ ...widget, filters: [['like', 'field:resource_types', ['x']]] }), 'tabs[0].rows[0].widgets[0].filters[0][0]'],
    ['a usage-only widget filter on a record metric', layoutWith({ ...widget, filters: [['is', 'field:countries', ['DE']]] }), 'tabs[0].rows[0].widgets[0].filters[0][1]'],
  ])('when the layout has %s, then an issue names %s', (_, input, path) => {
    const result = validateLayout(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain(path);
  });

  it('when a widget has an unknown type, then it is set aside with its place and the rest is valid', () => {
    const result = validateLayout({ version: 1, tabs: [{ id: 't', label: 'T', rows: [{ widgets: [widget, { type: 'gauge', width: 6 }] }] }] });
    expect(result).toMatchObject({ ok: true, unknownWidgets: [{ tab: 0, row: 0, index: 1, type: 'gauge', width: 6 }] });
    expect(result.ok && result.layout.tabs[0]?.rows[0]?.widgets).toHaveLength(1);
  });

  it('when a widget has filters, then they are kept as written (they apply to that widget only)', () => {
    const filters = [['is', 'field:resource_types', ['dataset']], ['is_not', 'field:countries', ['DE']]];
    const result = validateLayout(layoutWith({ type: 'map', metric: 'views', mode: 'delta', width: 8, filters }));
    expect(result.ok && result.layout.tabs[0]?.rows[0]?.widgets[0]).toMatchObject({ filters });
  });

  it('when a valid widget omits its defaults, then they are filled', () => {
    const result = validateLayout(layoutWith({ type: 'breakdown', field: 'funders', metric: 'downloads', mode: 'delta', width: 8 }));
    expect(result.ok && result.layout.tabs[0]?.rows[0]?.widgets[0]).toMatchObject({ view: 'table', pageSize: 10 });
  });
});

describe('mergeLayout', () => {
  it.each([
    ['no override', null, ['a', 'b', 'c']],
    ['a full layout', { version: 1, tabs: [tab('z')] }, ['z']],
    ['remove', { tabs: { remove: ['b', 'missing'] } }, ['a', 'c']],
    ['replace keeps the position', { tabs: { replace: [{ ...tab('b'), label: 'B2' }] } }, ['a', 'b', 'c']],
    ['replace of an unknown id appends', { tabs: { replace: [tab('d')] } }, ['a', 'b', 'c', 'd']],
    ['add appends', { tabs: { add: [tab('d')] } }, ['a', 'b', 'c', 'd']],
    ['add of an existing id replaces, never duplicates', { tabs: { add: [tab('a')] } }, ['a', 'b', 'c']],
    ['order puts listed ids first', { tabs: { order: ['c', 'x', 'a'] } }, ['c', 'a', 'b']],
    ['all four together', { tabs: { remove: ['a'], add: [tab('d')], order: ['d'] } }, ['d', 'b', 'c']],
  ] as const)('when the override is %s, then the tabs are %j', (_, override, expected) => {
    expect(ids(mergeLayout(base, override as never))).toEqual(expected);
  });

  it('when a tab is replaced, then the new content is used', () => {
    expect(mergeLayout(base, { tabs: { replace: [{ ...tab('b'), label: 'B2' }] } }).tabs[1]?.label).toBe('B2');
  });

  it.each([
    ['a valid patch', { tabs: { remove: ['usage'] } }, true],
    ['a valid full layout', defaultLayout, true],
    ['a patch with an unknown operation', { tabs: { rename: [] } }, false],
    ['a full layout with a bad widget', { version: 1, tabs: [{ id: 'a', label: 'A', rows: [{ widgets: [{ type: 'map', width: 0 }] }] }] }, false],
  ])('when the override schema checks %s, then success is %s', (_, value, ok) => {
    expect(LayoutOverrideSchema.safeParse(value).success).toBe(ok);
  });
});

describe('layout JSON Schema', () => {
  it('when generated, then it matches the checked-in schema/layout.schema.json', () => {
    const file = resolve(import.meta.dirname, '../../schema/layout.schema.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(layoutJsonSchema());
  });
});
