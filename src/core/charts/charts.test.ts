import { describe, expect, it } from 'vitest';
import { breakdownOption, breakdownRows } from './breakdown';
import { MAX_COMPARED_ITEMS, timeSeriesColumns, timeSeriesOption, ZOOM_THRESHOLD, type TimeSeriesChartInput } from './timeSeries';
import { mapOption } from './map';
import type { QueryRequest } from '../../api/query';
import { seriesPlan } from '../../data/seriesPlan';
import { bundleFrom } from '../../mocks/bundles';
import { answerFromBundles } from '../../mocks/queryAnswer';
import { breakdownSeries, comparedBreakdownSeries, makeSeries, manyComparedItems } from './testSeries';

const names = {
  total: 'Views',
  comparison: 'Previous period',
  other: 'Other',
  item: (i: { id: string; labels: Record<string, string> }) => i.labels.en ?? i.id,
  itemComparison: (name: string) => `${name} (previous period)`,
};
const common = { description: 'Views per day', value: (n: number) => String(n), animation: true };
const PALETTE = ['#111', '#222', '#333'];
const ts = (over: Partial<TimeSeriesChartInput> = {}) =>
  timeSeriesOption({ ...common, series: makeSeries(), chart: 'line', stacked: false, separately: false, names, period: (d) => d, widthPx: 600, palette: PALETTE, ...over });

type AnySeries = {
  type: string;
  name: string;
  stack?: string;
  sampling?: string;
  lineStyle?: { type?: string; opacity?: number };
  itemStyle?: { color?: string; opacity?: number };
  areaStyle?: object;
  encode?: object;
};
const seriesOf = (o: ReturnType<typeof ts>) => o.series as AnySeries[];

describe('timeSeriesOption', () => {
  it.each([
    ['line', 'line', false],
    ['area', 'line', true],
    ['bar', 'bar', false],
  ] as const)('when the chart is %s, then the series type is %s (area filled: %s)', (chart, type, filled) => {
    const [s] = seriesOf(ts({ chart }));
    expect(s!.type).toBe(type);
    expect(Boolean(s!.areaStyle)).toBe(filled);
  });

  it('when a comparison is present, then it is a second, dashed line named for the comparison', () => {
    const o = ts({ chart: 'bar', series: makeSeries({ comparison: { kind: 'previous-period', values: [1, 2, 3], summary: 6 } }) });
    const [main, cmp] = seriesOf(o);
    expect(main!.type).toBe('bar');
    expect(cmp).toMatchObject({ type: 'line', name: 'Previous period', lineStyle: { type: 'dashed' } });
  });

  it('when an area chart is shown separately, then each item is a plain line: no fill, no stacking', () => {
    const o = ts({ chart: 'area', series: breakdownSeries(), separately: true, stacked: true });
    expect(seriesOf(o).map((s) => [s.type, Boolean(s.areaStyle), s.stack ?? null])).toEqual(Array.from({ length: 4 }, () => ['line', false, null]));
  });

  it('when shown separately and stacked, then each item and Other is a stacked series from one dataset', () => {
    const o = ts({ series: breakdownSeries(), separately: true, stacked: true });
    expect(seriesOf(o).map((s) => [s.name, s.stack])).toEqual([
      ['Article', 'total'],
      ['Dataset', 'total'],
      ['Software', 'total'],
      ['Other', 'total'],
    ]);
    expect((o.dataset as { source: unknown[][] }).source[0]).toEqual(['2024-01-01', 10, 20, 5, 15]);
  });

  it.each([
    [30, 600, false, undefined],
    [ZOOM_THRESHOLD + 1, 600, true, undefined],
    [800, 600, true, 'lttb'],
  ])('when %i periods are drawn %ipx wide, then zoom is %s and sampling %s', (count, widthPx, zoom, sampling) => {
    const values = Array.from({ length: count }, (_, i) => i);
    const o = ts({ series: makeSeries({ values }), widthPx });
    expect((o.dataZoom as unknown[]).length > 0).toBe(zoom);
    expect(seriesOf(o)[0]!.sampling).toBe(sampling);
  });

  it('when built, then the aria description is set and animation follows the reader preference', () => {
    const o = ts({ animation: false });
    expect(o.aria).toMatchObject({ enabled: true, label: { description: 'Views per day' } });
    expect(o.animation).toBe(false);
  });

  it('when Other is zero, then no Other column is plotted', () => {
    const s = breakdownSeries();
    s.breakdown!.other = { values: [0, 0], summary: 0, items: 0 };
    expect(timeSeriesColumns({ series: s, separately: true, names }).map((c) => c.name)).not.toContain('Other');
  });
});

describe('timeSeriesOption shown separately with a comparison', () => {
  const compared = (over: Partial<TimeSeriesChartInput> = {}) => ts({ series: comparedBreakdownSeries(), separately: true, otherColor: '#888', ...over });

  it('when built from the dashboard’s own data path, then each shown item has its previous-period column', () => {
    const bundle = bundleFrom({
      year: 2024,
      days: 60,
      totals: { views: () => 3 },
      subcounts: { resource_types: { items: [{ id: 'dataset', labels: { en: 'Dataset' } }, { id: 'image', labels: { en: 'Image' } }], series: { views: (k, i) => (k === 0 ? i : 1) } } },
    });
    const range = { start: '2024-02-01', end: '2024-02-03' };
    const plan = seriesPlan({ community: 'global', range, granularity: 'day', basis: 'added', comparison: 'previous-period', filters: [] }, { metric: 'views', mode: 'delta', field: 'resource_types' });
    const answer = (q: QueryRequest) => answerFromBundles(q, [bundle], { today: '2024-02-29', firstDay: '2024-01-01' });
    const series = plan.build(answer(plan.main), plan.total ? answer(plan.total) : undefined);
    if (series === 'empty') throw new Error('empty');
    expect(timeSeriesColumns({ series, separately: true, names }).map((c) => [c.name, c.values])).toEqual([
      ['Dataset', [31, 32, 33]],
      ['Dataset (previous period)', [28, 29, 30]],
      ['Image', [1, 1, 1]],
      ['Image (previous period)', [1, 1, 1]],
    ]);
  });

  it('then every item and Other is followed by its previous period', () => {
    expect(timeSeriesColumns({ series: comparedBreakdownSeries(), separately: true, names }).map((c) => [c.name, c.values])).toEqual([
      ['Article', [10, 15]],
      ['Article (previous period)', [8, 12]],
      ['Dataset', [20, 20]],
      ['Dataset (previous period)', [25, 25]],
      ['Software', [5, 0]],
      ['Software (previous period)', [0, 5]],
      ['Other', [15, 15]],
      ['Other (previous period)', [10, 10]],
    ]);
  });

  it('then the dataset puts each previous value in its period’s row', () => {
    expect((compared().dataset as { source: unknown[][] }).source).toEqual([
      ['2024-01-01', 10, 8, 20, 25, 5, 0, 15, 10],
      ['2024-01-02', 15, 12, 20, 25, 0, 5, 15, 10],
    ]);
  });

  it('then each previous period is dashed, paler, and in its item’s colour, and the items keep theirs', () => {
    const plotted = seriesOf(compared()).map((s) => [s.name, s.itemStyle?.color, s.lineStyle?.type ?? 'solid', s.lineStyle?.opacity ?? 1]);
    expect(plotted).toEqual([
      ['Article', '#111', 'solid', 1],
      ['Article (previous period)', '#111', 'dashed', 0.6],
      ['Dataset', '#222', 'solid', 1],
      ['Dataset (previous period)', '#222', 'dashed', 0.6],
      ['Software', '#333', 'solid', 1],
      ['Software (previous period)', '#333', 'dashed', 0.6],
      ['Other', '#888', 'solid', 1],
      ['Other (previous period)', '#888', 'dashed', 0.6],
    ]);
    const without = seriesOf(ts({ series: breakdownSeries(), separately: true, otherColor: '#888' })).map((s) => s.itemStyle?.color);
    expect(without).toEqual(['#111', '#222', '#333', '#888']);
  });

  it('when stacked bars, then items stack as bars and their previous periods stack as lines of their own', () => {
    expect(seriesOf(compared({ chart: 'bar', stacked: true })).map((s) => [s.name, s.type, s.stack])).toEqual([
      ['Article', 'bar', 'total'],
      ['Article (previous period)', 'line', 'comparison'],
      ['Dataset', 'bar', 'total'],
      ['Dataset (previous period)', 'line', 'comparison'],
      ['Software', 'bar', 'total'],
      ['Software (previous period)', 'line', 'comparison'],
      ['Other', 'bar', 'total'],
      ['Other (previous period)', 'line', 'comparison'],
    ]);
  });

  it('when the comparison is off, then no previous-period series is drawn', () => {
    const s = { ...comparedBreakdownSeries(), comparison: null };
    expect(timeSeriesColumns({ series: s, separately: true, names }).filter((c) => c.role === 'comparison')).toEqual([]);
  });

  it('when shown together, then only the total’s comparison is drawn, in the theme’s order', () => {
    expect(seriesOf(compared({ separately: false })).map((s) => [s.name, s.itemStyle?.color])).toEqual([
      ['Views', undefined],
      ['Previous period', undefined],
    ]);
  });

  it.each([
    [MAX_COMPARED_ITEMS, MAX_COMPARED_ITEMS, true],
    [MAX_COMPARED_ITEMS + 1, MAX_COMPARED_ITEMS, false],
    [12, MAX_COMPARED_ITEMS, false],
  ])('when %i items are shown, then the top %i get a previous period (Other too: %s)', (count, comparedCount, otherCompared) => {
    const columns = timeSeriesColumns({ series: manyComparedItems(count), separately: true, names });
    const comparisons = columns.filter((c) => c.role === 'comparison').map((c) => c.name);
    expect(comparisons).toEqual([
      ...Array.from({ length: comparedCount }, (_, i) => `Item ${i + 1} (previous period)`),
      ...(otherCompared ? ['Other (previous period)'] : []),
    ]);
    expect(columns.filter((c) => c.role !== 'comparison')).toHaveLength(count + 1);
  });
});

describe('breakdownRows', () => {
  const rowNames = { item: names.item, other: (n: number) => `Other (${n})` };
  it('when given items, then they are sorted by value with shares of the total and Other last', () => {
    expect(breakdownRows(breakdownSeries(), rowNames).map((r) => [r.name, r.value, r.share])).toEqual([
      ['Dataset', 40, 0.4],
      ['Article', 25, 0.25],
      ['Software', 5, 0.05],
      ['Other (2)', 30, 0.3],
    ]);
  });

  it('when a multi-valued field\'s items and Other overlap past the total, then Other has no share', () => {
    const s = breakdownSeries();
    s.breakdown!.other.summary = 60; // 70 named + 60 other > 100 records: records carry several items
    const rows = breakdownRows(s, rowNames);
    expect(rows.map((r) => [r.name, r.share])).toEqual([
      ['Dataset', 0.4],
      ['Article', 0.25],
      ['Software', 0.05],
      ['Other (2)', null],
    ]);
  });
});

describe('breakdownOption', () => {
  const rows = breakdownRows(breakdownSeries(), { item: names.item, other: () => 'Other' });
  const huge = rows.map((r) => (r.isOther ? { ...r, value: 1000 } : r));
  const build = (view: 'bar' | 'pie', r = rows) =>
    breakdownOption({ ...common, rows: r, view, palette: ['#111', '#222'], otherColor: '#888', textColor: '#000', widthPx: 600, percent: (f) => `${Math.round(f * 100)}%` });
  const sourceNames = (o: ReturnType<typeof build>) => (o.dataset as { source: { name: string }[] }).source.map((s) => s.name);

  it.each([
    ['pie', rows, ['Dataset', 'Article', 'Software', 'Other']],
    ['pie', huge, ['Dataset', 'Article', 'Software', 'Other']],
    ['bar', huge, ['Dataset', 'Article', 'Software', 'Other']],
  ] as const)('when the view is %s, then every row given is plotted (the widget decides whether Other is shown)', (view, r, expected) => {
    expect(sourceNames(build(view, [...r]))).toEqual(expected);
  });

  it('when a ring is drawn, then items cycle through the palette and Other is neutral', () => {
    const o = build('pie');
    const color = (o.series as { itemStyle: { color: (p: { dataIndex: number }) => string } }[])[0]!.itemStyle.color;
    expect([0, 1, 2, 3].map((dataIndex) => color({ dataIndex }))).toEqual(['#111', '#222', '#111', '#888']);
  });

  it('when a ring is drawn, then every slice is labelled outside with its share and no legend pages', () => {
    const o = breakdownOption({ ...common, rows, view: 'pie', palette: ['#111'], otherColor: '#888', textColor: '#000', widthPx: 360, percent: String });
    expect((o.series as { label: { show: boolean; position: string } }[])[0]!.label).toMatchObject({ show: true, position: 'outside' });
    expect(o.legend).toBeUndefined();
  });

  it('when a ring is drawn, then it has a hole and decals so slices differ without colour', () => {
    const o = build('pie');
    expect((o.series as { radius: string[] }[])[0]!.radius[0]).toBe('42%');
    expect(o.aria).toMatchObject({ decal: { show: true } });
  });
});

describe('mapOption', () => {
  it('when countries have values, then the scale runs from 0 to the largest and the legend is labelled', () => {
    const o = mapOption({
      ...common,
      mapName: 'rs-world',
      areaColor: '#eee',
      borderColor: '#ccc',
      legend: { high: 'High', low: 'Low' },
      rows: [
        { code: 'DE', name: 'Germany', value: 120 },
        { code: 'FR', name: 'France', value: 30 },
      ],
    });
    expect(o.visualMap).toMatchObject({ min: 0, max: 120, text: ['High', 'Low'] });
    expect((o.series as { map: string }[])[0]!.map).toBe('rs-world');
  });

  it('when countries have values, then the series data joins them to regions by code', () => {
    const o = mapOption({
      ...common,
      mapName: 'rs-world',
      areaColor: '#eee',
      borderColor: '#ccc',
      legend: { high: 'High', low: 'Low' },
      rows: [{ code: 'DE', name: 'Germany', value: 3 }],
    });
    expect((o.series as { data: unknown[] }[])[0]!.data).toEqual([{ name: 'DE', value: 3 }]);
  });
});

describe('partial periods', () => {
  const partialLast = makeSeries({ partialPeriods: ['2024-01-03'] });
  it('when the last period is partial on a line, then its segment is a dashed series of its own and the period is shaded', () => {
    const option = ts({ series: partialLast });
    const series = seriesOf(option);
    expect(series.map((s) => [s.name, s.lineStyle?.type ?? 'solid'])).toEqual([['Views', 'solid'], ['Views', 'dashed']]);
    expect((option.dataset as { source: unknown[][] }).source).toEqual([
      ['2024-01-01', 10, null],
      ['2024-01-02', 20, 20],
      ['2024-01-03', null, 30],
    ]);
    expect((option.series as { markArea?: { data: unknown[] } }[])[0]!.markArea?.data).toEqual([[{ xAxis: '2024-01-03' }, { xAxis: '2024-01-03' }]]);
  });

  it('when the last period is partial on bars, then the bars stay whole and the period is shaded', () => {
    const option = ts({ series: partialLast, chart: 'bar' });
    expect(seriesOf(option)).toHaveLength(1);
    expect((option.series as { markArea?: { data: unknown[] } }[])[0]!.markArea?.data).toHaveLength(1);
  });

  it('when no period is partial, then nothing is dashed or shaded', () => {
    const option = ts();
    expect(seriesOf(option)).toHaveLength(1);
    expect((option.series as { markArea?: unknown }[])[0]!.markArea).toBeUndefined();
  });
});
