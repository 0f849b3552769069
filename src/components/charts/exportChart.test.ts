// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chartSvgString } from './exportChart';
import { ensureWorldMap, WORLD_MAP } from './echarts';
import { breakdownOption, breakdownRows } from '../../core/charts/breakdown';
import { mapOption } from '../../core/charts/map';
import { breakdownSeries } from '../../core/charts/testSeries';
import { THEMES, THEME_NAMES } from '../../theme/tokens';
import { echartsTheme } from '../../theme/echartsTheme';

const common = { description: 'desc', value: String, animation: false };

describe('chartSvgString', () => {
  it('when a bar breakdown is exported, then the SVG shows every item name', () => {
    const rows = breakdownRows(breakdownSeries(), { item: (i) => i.labels.en ?? i.id, other: () => 'Other' });
    const svg = chartSvgString(breakdownOption({ ...common, rows, view: 'bar', palette: ['#123456'], otherColor: '#888', textColor: '#000', widthPx: 500, percent: (f) => `${f * 100}%` }), {
      width: 500,
      height: 300,
    });
    expect(svg.startsWith('<svg')).toBe(true);
    for (const name of ['Dataset', 'Article', 'Software', 'Other']) expect(svg).toContain(name);
  });

  it('when the world map is exported, then country shapes are drawn', () => {
    ensureWorldMap();
    const svg = chartSvgString(
      mapOption({ ...common, mapName: WORLD_MAP, areaColor: '#abcdef', borderColor: '#ccc', legend: { high: 'High', low: 'Low' }, rows: [{ code: 'DE', name: 'Germany', value: 5 }] }),
      { width: 600, height: 400 },
    );
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(150);
    expect(svg).toContain('High');
    // Every country but Germany has no value and keeps the neutral fill.
    expect((svg.match(/fill="#abcdef"/g) ?? []).length).toBe(175);
  });
});

describe('chartSvgString with a dashboard theme', () => {
  it.each(THEME_NAMES)('when the %s theme is applied, then the SVG is well-formed XML that names its font', (name) => {
    const rows = breakdownRows(breakdownSeries(), { item: (i) => i.labels.en ?? i.id, other: () => 'Other' });
    const svg = chartSvgString(
      breakdownOption({ ...common, rows, view: 'bar', palette: ['#123456'], otherColor: '#888', textColor: '#000', widthPx: 500, percent: (f) => `${f * 100}%` }),
      { width: 500, height: 300, theme: echartsTheme(THEMES[name]) },
    );
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.outerHTML).toContain('Segoe UI');
  });
});
