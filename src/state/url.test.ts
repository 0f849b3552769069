import { describe, expect, it } from 'vitest';
import { createDashboardStore, DEFAULT_VIEW, type DashboardView } from './store';
import { readViewParams, writeViewParams } from './url';
import { effectiveRange } from './range';

describe('URL round-trip', () => {
  it.each<[string, DashboardView]>([
    ['the default view', DEFAULT_VIEW],
    ['a custom range by week compared with last year', { ...DEFAULT_VIEW, range: { kind: 'custom', start: '2024-01-03', end: '2024-02-20' }, granularity: 'week', comparison: 'previous-year' }],
    ['filters on a country and on ids holding a colon and a comma', { ...DEFAULT_VIEW, filters: [['is', 'field:countries', ['DE']], ['is_not', 'field:funders', ['00k4n6c32::grant', 'a,b']]] }],
    ['a preset, a basis, a tab and view choices', { ...DEFAULT_VIEW, range: { kind: 'preset', preset: 'year-to-date' }, basis: 'published', tab: 'traffic', views: { 'top-funders': 'pie', 'top-rights': 'bar' } }],
  ])('when %s is written to the URL and read back, then it is the same view', (_, view) => {
    const params = writeViewParams(new URLSearchParams('page=2'), view);
    expect({ ...DEFAULT_VIEW, ...readViewParams(new URLSearchParams(params.toString())) }).toEqual(view);
    expect(params.get('page')).toBe('2');
  });

  it('when two namespaces share a URL, then each reads only its own parameters', () => {
    let params = writeViewParams(new URLSearchParams(), { ...DEFAULT_VIEW, granularity: 'week' }, 'a');
    params = writeViewParams(params, { ...DEFAULT_VIEW, granularity: 'year' }, 'b');
    expect(readViewParams(params, 'a').granularity).toBe('week');
    expect(readViewParams(params, 'b').granularity).toBe('year');
  });

  it.each([
    ['rs.g=fortnight', {}],
    ['rs.range=2024-02-30..2024-03-01', {}],
    ['rs.range=2024-05-01..2024-03-01', {}],
    ['rs.basis=deleted&rs.cmp=yesterday', {}],
    ['rs.tab=<script>', {}],
    ['rs.f=is:colours:red&rs.f=maybe:countries:DE&rs.f=is:countries:', {}],
  ])('when the URL holds invalid values (%s), then they are ignored', (query, expected) => {
    expect(readViewParams(new URLSearchParams(query))).toEqual(expected);
  });
});

describe('store', () => {
  it('when a breakdown item is clicked twice and its chip removed, then the filter is added once and removed', () => {
    const store = createDashboardStore();
    store.getState().addFilter('countries', 'DE');
    store.getState().addFilter('countries', 'DE');
    store.getState().addFilter('resource_types', 'dataset');
    expect(store.getState().filters).toEqual([['is', 'field:countries', ['DE']], ['is', 'field:resource_types', ['dataset']]]);
    store.getState().removeFilter(0);
    expect(store.getState().filters).toEqual([['is', 'field:resource_types', ['dataset']]]);
  });

  it('when granularity changes to one that does not offer the current preset, then a fitting preset is chosen', () => {
    const store = createDashboardStore({ range: { kind: 'preset', preset: 'last-7-days' }, granularity: 'day' });
    store.getState().setGranularity('quarter');
    expect(store.getState().range).toEqual({ kind: 'preset', preset: 'last-4-quarters' });
  });

  it('when granularity changes with a custom range, then the range is kept and snaps to whole periods', () => {
    const store = createDashboardStore({ range: { kind: 'custom', start: '2024-02-10', end: '2024-05-03' } });
    store.getState().setGranularity('quarter');
    const s = store.getState();
    expect(effectiveRange(s.range, s.granularity)).toEqual({ start: '2024-01-01', end: '2024-06-30' });
  });
});
